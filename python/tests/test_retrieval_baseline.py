import json
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR, need_module
from workbench.core.schema import validate_result
from workbench.core.store import StoreError

need_module("sklearn", "scikit-learn is not installed (apt-get install python3-sklearn)")

sys.path.insert(0, str(PYTHON_DIR))
import benchmark  # noqa: E402
from workbench.benchmarking import run_benchmark  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.retrieval import LexicalIndex  # noqa: E402

DOCS = ["срок исковой давности три года", "ежегодный трудовой отпуск дней", "налог на добавленную стоимость импорт",
        "еңбек демалысы күн", "срок исковой давности три года"]


def test_tfidf_ranks_and_excludes_near_duplicates():
    index = LexicalIndex(DOCS, "tfidf")
    hits = index.search(["срок исковой давности три года"], top_k=3)[0]
    assert [h.index for h in hits[:2]] == [0, 4]  # equal scores: lower index first
    assert hits[0].score == pytest.approx(1.0) and [h.rank for h in hits] == [1, 2, 3]
    guarded = index.search(["срок исковой давности три года"], top_k=3, exclude_above=0.95)[0]
    assert all(h.index not in (0, 4) for h in guarded) and all(h.score <= 0.95 for h in guarded)
    assert index.settings["max_features"] == 50000 and index.settings["sublinear_tf"] is True


def test_bm25_prefers_the_matching_document():
    index = LexicalIndex(DOCS, "bm25")
    hits = index.search(["еңбек демалысы"], top_k=2)[0]
    assert hits[0].index == 3 and hits[0].score > hits[1].score
    with pytest.raises(ValueError, match='Unknown lexical retriever "dense"'):
        LexicalIndex(DOCS, "dense")


def baseline_config(tmp_path, *extra):
    return resolve_config(benchmark.DEFAULTS, ["--system=retrieval", f"--val_file={FIXTURES / 'validation.jsonl'}",
                                               f"--train_file={FIXTURES / 'train.jsonl'}", f"--out={tmp_path}",
                                               "--bertscore=off", *extra], benchmark.CHOICES)


def test_baseline_writes_a_valid_result_with_retrieval_records(tmp_path):
    path = run_benchmark(baseline_config(tmp_path, "--n=4", "--retrieval_k=3"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_result(doc, str(path), engine="stdlib")
    assert doc["run"]["variant"] == "baseline" and doc["run"]["family"] == "retrieval"
    assert doc["run"]["rag"] == {"retriever": "tfidf", "top_k": 1, "corpus": "python/tests/fixtures/train.jsonl",
                                 "exclude_above": 0.95}
    assert doc["missing_metrics"] == {"bertscore_f1": "turned off (--bertscore=off)"}
    manifest = json.loads((tmp_path / "manifests" / "validation_n4_seed42.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in doc["samples"]] == manifest["ids"]
    train = [json.loads(line) for line in (FIXTURES / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    for sample in doc["samples"]:
        top = sample["retrieval"][0]
        assert sample["prediction"] == train[int(top["id"])]["output"]
        assert 1 <= len(sample["retrieval"]) <= 3 and sample["latency_s"] >= 0
    # Validation row 0 repeats training question 0 word for word: the 0.95 guard must skip it.
    by_id = {s["id"]: s for s in doc["samples"]}
    if "0" in by_id:
        assert all(r["id"] != "0" for r in by_id["0"]["retrieval"])
    assert set(doc["inputs"]) == {"validation", "manifest", "train"}
    assert doc["config"]["exclude_above"] == 0.95 and doc["decoding"]["exclude_measure"] == "tfidf-cosine"


def test_without_the_guard_the_duplicate_answers_itself(tmp_path):
    path = run_benchmark(baseline_config(tmp_path, "--exclude_above=null", "--run_id=no-guard"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    first = next(s for s in doc["samples"] if s["id"] == "0")
    assert first["retrieval"][0]["id"] == "0" and first["retrieval"][0]["score"] == pytest.approx(1.0)
    assert "exclude_above" not in doc["run"]["rag"]


def test_baseline_resumes_and_refuses_other_settings(tmp_path):
    config = baseline_config(tmp_path, "--batch_size=2")
    path = run_benchmark(config)
    # 6 questions in the fixture: the run id says n6, whatever --n asked for (500 by default).
    assert path.name == "baseline-tfidf-n6.json"
    store = tmp_path / "baseline-tfidf-n6.samples.jsonl"
    lines = store.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 6
    # Simulate an interruption after the first batch: drop the last two batches.
    store.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    run_benchmark(config)
    again = store.read_text(encoding="utf-8").splitlines()
    assert again[:3] == lines[:3] and len(again) == 7
    assert len(json.loads(path.read_text(encoding="utf-8"))["samples"]) == 6
    with pytest.raises(StoreError, match="other settings"):
        run_benchmark(baseline_config(tmp_path, "--batch_size=2", "--retriever=bm25", "--run_id=baseline-tfidf-n6"))


def test_cli_runs_under_this_interpreter(tmp_path):
    import subprocess

    out = subprocess.run([sys.executable, str(PYTHON_DIR / "benchmark.py"), "--system=retrieval",
                          f"--val_file={FIXTURES / 'validation.jsonl'}", f"--train_file={FIXTURES / 'train.jsonl'}",
                          f"--out={tmp_path}", "--n=3", "--bertscore=off"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Result file:" in out.stdout and (tmp_path / "baseline-tfidf-n3.json").exists()
    bad = subprocess.run([sys.executable, str(PYTHON_DIR / "benchmark.py"), "--sytem=retrieval"],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and 'unknown config key "sytem"' in bad.stderr
