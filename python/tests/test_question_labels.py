"""The language and domain labels Python writes follow the one declaration the TypeScript reader
uses (lib/text/question_labels.json), checked on the cases both test suites share."""

import json
import sys

from conftest import FIXTURES, PYTHON_DIR, REPO_ROOT, need_module
from workbench.core.data import classify_domain, detect_language, question_labels

CASES = json.loads((REPO_ROOT / "lib" / "text" / "fixtures" / "question_labels_cases.json").read_text(encoding="utf-8"))
DECLARED = json.loads((REPO_ROOT / "lib" / "text" / "question_labels.json").read_text(encoding="utf-8"))


def test_question_labels_match_the_shared_cases():
    assert len(CASES["cases"]) >= 8
    for case in CASES["cases"]:
        got = question_labels(case["instruction"], case["input"], case["reference"])
        assert got == {"language": case["language"], "domain": case["domain"]}, case["why"]


def test_rules_read_the_declared_keywords_and_letters():
    # Every declared keyword (lower-cased text) makes its domain match on its own, and the first
    # domain in the declared order wins when several match.
    for entry in DECLARED["domains"]:
        for keyword in entry["keywords"]:
            if keyword == keyword.lower():
                assert classify_domain(f"x {keyword} x") == entry["domain"], keyword
    first, second = DECLARED["domains"][0], DECLARED["domains"][1]
    assert classify_domain(f"{second['keywords'][0]} {first['keywords'][0]}") == first["domain"]
    assert classify_domain("погода") == "other"
    for letter in DECLARED["legacy_kazakh_letters"]:
        assert detect_language(f"text {letter}") == "kz"
    assert detect_language("Налоговый кодекс") == "ru"


def test_benchmark_writes_domain_and_language_for_every_sample(tmp_path):
    need_module("sklearn", "scikit-learn is not installed (apt-get install python3-sklearn)")
    sys.path.insert(0, str(PYTHON_DIR))
    import benchmark
    from workbench.benchmarking import run_benchmark
    from workbench.core.config import resolve_config
    from workbench.core.schema import validate_result

    config = resolve_config(benchmark.DEFAULTS, ["--system=retrieval", f"--val_file={FIXTURES / 'validation.jsonl'}",
                                                 f"--train_file={FIXTURES / 'train.jsonl'}", f"--out={tmp_path}",
                                                 "--bertscore=off", "--n=4"], benchmark.CHOICES)
    path = run_benchmark(config)
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_result(doc, str(path), engine="stdlib")
    assert len(doc["samples"]) == 4
    for s in doc["samples"]:
        assert {"language": s["language"], "domain": s["domain"]} == question_labels(
            s["instruction"], s["input"], s["reference"])
