"""Dense retrieval on CPU with a tiny sentence-transformers encoder built in code (no downloads):
the index (prefixes, exact NumPy and FAISS search, ties, the near-duplicate guard, the distance
threshold), sibling expansion and retrieval quality by hand, and the benchmark's retrieval
baseline and RAG path (tiny Qwen3, --device=cpu) with hit rate@k and MRR in the result file.

They need numpy, scikit-learn, torch and sentence-transformers; where those are missing they skip
with the reason, or fail when WORKBENCH_REQUIRE_ML_TESTS=1 (CI).
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR, REPO_ROOT, need_module

np = need_module("numpy")
need_module("sklearn", "scikit-learn is not installed (python/requirements/retrieval.txt)")
torch = need_module("torch")
need_module("transformers")
need_module("sentence_transformers", "sentence-transformers is not installed (python/requirements/torch-cpu.txt)")

sys.path.insert(0, str(PYTHON_DIR))
import benchmark  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.core.schema import validate_result  # noqa: E402
from workbench.retrieval import DenseIndex, Hit, expand_siblings, merge_group, retrieval_quality  # noqa: E402
from _tiny_encoder import save_tiny_encoder, tiny_encoder  # noqa: E402

# A chunked corpus: three documents (sources), three chunks each; rows are Alpaca-shaped passages.
CHUNKS = {
    "tk": ["Трудовой договор заключается в письменной форме между работником и работодателем.",
           "Ежегодный оплачиваемый трудовой отпуск составляет двадцать четыре календарных дня.",
           "Работодатель выплачивает заработную плату не реже одного раза в месяц."],
    "nk": ["Ставка налога на добавленную стоимость составляет двенадцать процентов.",
           "Декларацию по индивидуальному подоходному налогу подают до тридцать первого марта.",
           "Импорт товаров облагается налогом на добавленную стоимость на таможне."],
    "kz": ["Еңбек шарты жазбаша нысанда жасалады.",
           "Жыл сайынғы ақы төленетін еңбек демалысы күнтізбелік жиырма төрт күн.",
           "Жалақы айына кемінде бір рет төленеді."],
}
TITLES = {"tk": "Трудовой кодекс", "nk": "Налоговый кодекс", "kz": "Еңбек кодексі"}
QUESTIONS = [
    ("Сколько дней длится ежегодный оплачиваемый трудовой отпуск?", "tk"),
    ("Какая ставка налога на добавленную стоимость?", "nk"),
    ("Жыл сайынғы еңбек демалысы қанша күн?", "kz"),
    ("Когда подают декларацию по подоходному налогу?", "nk"),
    ("Как расторгнуть брак через суд?", None),  # no known source: not counted
    ("Еңбек шарты қалай жасалады?", "tk"),  # gold is the Russian code; the Kazakh chunk is what matches
]
ALL_TEXTS = [t for chunks in CHUNKS.values() for t in chunks] + list(TITLES.values()) + [q for q, _ in QUESTIONS]


@pytest.fixture(scope="module")
def encoder():
    return tiny_encoder(ALL_TEXTS)


@pytest.fixture()
def chunked(tmp_path):
    train = tmp_path / "corpus.jsonl"
    with open(train, "w", encoding="utf-8") as handle:
        for source, chunks in CHUNKS.items():
            for i, text in enumerate(chunks):
                handle.write(json.dumps({"instruction": TITLES[source], "input": "", "output": text,
                                         "source": source, "chunk": i}, ensure_ascii=False) + "\n")
    val = tmp_path / "questions.jsonl"
    with open(val, "w", encoding="utf-8") as handle:
        for question, source in QUESTIONS:
            row = {"instruction": question, "input": "", "output": "…"}
            if source:
                row["source"] = source
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return train, val


DOCS = ["срок исковой давности три года", "ежегодный трудовой отпуск дней", "налог на добавленную стоимость импорт",
        "еңбек демалысы күн", "срок исковой давности три года"]


def test_prefixes_are_applied_and_embeddings_normalised(encoder):
    index = DenseIndex(DOCS, encoder, search="numpy")
    want = encoder.encode(["passage: " + d for d in DOCS], normalize_embeddings=True)
    assert np.allclose(index.doc_embeddings, want, atol=1e-6)
    assert np.allclose(np.linalg.norm(index.doc_embeddings, axis=1), 1.0, atol=1e-5)
    query = index.encode_queries(["срок давности"])
    assert np.allclose(query, encoder.encode(["query: срок давности"], normalize_embeddings=True), atol=1e-6)
    bare = DenseIndex(DOCS, encoder, query_prefix="", passage_prefix="", search="numpy")
    assert not np.allclose(bare.doc_embeddings, index.doc_embeddings), "the prefixes change the embeddings"
    assert index.settings["query_prefix"] == "query: " and index.settings["exact"] is True


def test_exact_search_ranks_ties_guard_and_threshold(encoder):
    index = DenseIndex(DOCS, encoder, search="numpy", query_prefix="", passage_prefix="")
    hits = index.search(["срок исковой давности три года"], top_k=3)[0]
    assert [h.index for h in hits[:2]] == [0, 4], "identical documents: the lower index first"
    assert hits[0].score == pytest.approx(1.0, abs=1e-5) and [h.rank for h in hits] == [1, 2, 3]
    # the same near-duplicate guard as the lexical retrievers: TF-IDF cosine above 0.95
    guarded = index.search(["срок исковой давности три года"], top_k=3, exclude_above=0.95)[0]
    assert all(h.index not in (0, 4) for h in guarded) and len(guarded) == 3
    # by hand: scores are cosines, so with max_distance d only documents with cosine >= 1 - d stay
    scores = (index.encode_queries(["еңбек демалысы"]) @ index.doc_embeddings.T)[0]
    kept = index.search(["еңбек демалысы"], top_k=5, max_distance=0.5)[0]
    assert [h.index for h in kept] == [i for i in np.argsort(-scores, kind="stable") if scores[i] >= 0.5]
    assert kept and kept[0].index == 3
    assert index.search(["брак через суд"], top_k=5, max_distance=0.05) == [[]], "nothing close enough"
    with pytest.raises(ValueError, match=r"cosine distance in \[0, 2\]"):
        index.search(["x"], top_k=1, max_distance=3)


def test_faiss_and_numpy_search_agree(encoder):
    need_module("faiss", "faiss-cpu is not installed (python/requirements/torch-cpu.txt)")
    queries = [q for q, _ in QUESTIONS]
    docs = [t for chunks in CHUNKS.values() for t in chunks]
    flat = DenseIndex(docs, encoder, search="numpy").search(queries, top_k=4, exclude_above=0.95)
    faiss = DenseIndex(docs, encoder, search="faiss")
    assert faiss.settings["search"] == "faiss"
    found = faiss.search(queries, top_k=4, exclude_above=0.95)
    assert [[h.index for h in row] for row in found] == [[h.index for h in row] for row in flat]
    assert all(a.score == pytest.approx(b.score, abs=1e-5) for ra, rb in zip(found, flat) for a, b in zip(ra, rb))


def test_sibling_expansion_by_hand():
    corpus = [{"source": "a", "chunk": 0}, {"source": "a", "chunk": 1}, {"source": "a", "chunk": 2},
              {"source": "a", "chunk": 3}, {"source": "b", "chunk": 0}, {"output": "no source"}]
    hits = [Hit(2, 0.9, 1), Hit(4, 0.8, 2), Hit(1, 0.7, 3), Hit(5, 0.6, 4)]
    assert expand_siblings(corpus, hits, 0) == [[2], [4], [1], [5]]
    # chunk 2 of a brings chunks 1-3; b has one chunk; chunk 1 was already used (and its new
    # neighbour chunk 0 comes alone); the row without a source stays alone
    assert expand_siblings(corpus, hits, 1) == [[1, 2, 3], [4], [0], [5]]
    rows = [{"instruction": "T", "input": "", "output": f"c{i}"} for i in range(3)]
    assert merge_group(rows, [0, 1, 2]) == {"instruction": "T", "input": "", "output": "c0 c1 c2", "units": 3}


def test_retrieval_quality_by_hand():
    corpus = [{"source": "x"}, {"source": "y"}, {"source": "z"}, {}]
    rows = [{"source": "x"}, {"source": "y"}, {"source": "z"}, {}, {"source": "x"}]
    hits = [[Hit(0, 0.9, 1), Hit(1, 0.5, 2)],  # gold at rank 1
            [Hit(0, 0.9, 1), Hit(1, 0.5, 2)],  # gold at rank 2
            [Hit(0, 0.9, 1), Hit(3, 0.5, 2)],  # gold not retrieved
            [],  # no gold known (and no context)
            [Hit(1, 0.9, 1), Hit(2, 0.8, 2), Hit(0, 0.7, 3)]]  # gold at rank 3, outside k = 2
    q = retrieval_quality(rows, hits, corpus, k=2)
    assert q == {"k": 2, "questions": 5, "with_gold": 4, "gold_field": "source", "hit_rate": 2 / 4,
                 "mrr": (1 + 1 / 2 + 0 + 0) / 4, "no_context": 1}
    assert retrieval_quality(rows, hits, corpus, k=3)["mrr"] == (1 + 1 / 2 + 0 + 1 / 3) / 4
    none = retrieval_quality([{}], [[Hit(0, 1.0, 1)]], corpus, k=1)
    assert none["with_gold"] == 0 and none["hit_rate"] is None and none["mrr"] is None


def bench_config(out, *extra):
    return resolve_config(benchmark.DEFAULTS, [f"--out={out}", "--bertscore=off", "--retriever=dense", *extra],
                          benchmark.CHOICES)


def test_dense_retrieval_baseline_writes_a_valid_result(tmp_path, encoder):
    from workbench.benchmarking import run_benchmark

    config = bench_config(tmp_path, "--system=retrieval", f"--val_file={FIXTURES / 'validation.jsonl'}",
                          f"--train_file={FIXTURES / 'train.jsonl'}", "--retrieval_k=3")
    doc = json.loads(run_benchmark(config, encoder=encoder).read_text(encoding="utf-8"))
    validate_result(doc, "dense baseline")
    assert doc["run"]["id"] == "baseline-dense-n6" and doc["run"]["rag"]["retriever"] == "dense"
    assert doc["decoding"]["index"]["retriever"] == "dense" and doc["decoding"]["index"]["passage_prefix"] == "passage: "
    # validation row 0 repeats training question 0 word for word: the TF-IDF guard skips it
    first = next(s for s in doc["samples"] if s["id"] == "0")
    assert all(r["id"] != "0" for r in first["retrieval"])
    quality = doc["retrieval_quality"]
    assert quality["with_gold"] == 0 and quality["hit_rate"] is None and "has a \"source\" field" in quality["note"]


class RecordingBackend:
    """HFBackend on the tiny Qwen3 that keeps the contexts it was given."""

    def __init__(self, config):
        from workbench.backends.hf import HFBackend
        from _tiny_qwen3 import tiny_model, tiny_tokenizer

        tokenizer = tiny_tokenizer()
        self.inner = HFBackend(config, model=tiny_model(len(tokenizer)).to("cpu").eval(), tokenizer=tokenizer)
        self.tokenizer = self.inner.tokenizer
        self.contexts = []

    def describe(self):
        return self.inner.describe()

    def generate(self, rows, contexts, batch_index=0):
        self.contexts += list(contexts)
        return self.inner.generate(rows, contexts, batch_index)


def test_rag_path_with_dense_retrieval_siblings_and_quality(tmp_path, chunked, encoder):
    need_module("peft")
    from workbench.benchmarking import run_benchmark

    train, val = chunked

    def run(out, *extra):
        config = bench_config(out, "--system=hf", "--device=cpu", "--model_name=tiny/qwen3", "--size_b=0.001",
                              f"--val_file={val}", f"--train_file={train}", "--rag_top_k=2", "--batch_size=3",
                              "--max_new_tokens=2", "--do_sample=false", "--index_on=question_answer",
                              "--max_prompt_tokens=4096", *extra)
        backend = RecordingBackend(config)
        doc = json.loads(run_benchmark(config, backend=backend, encoder=encoder).read_text(encoding="utf-8"))
        validate_result(doc, str(out))
        return doc, backend.contexts

    doc, contexts = run(tmp_path / "plain")
    assert doc["run"]["id"] == "qwen3-base-rag2-dense-hf-n6"
    corpus = [json.loads(line) for line in train.read_text(encoding="utf-8").splitlines()]
    # Independently of retrieval_quality(): first rank of a chunk of the question's source.
    sources = {str(i): s for i, (_, s) in enumerate(QUESTIONS)}
    ranks = {s["id"]: next((r["rank"] for r in s["retrieval"] if corpus[int(r["id"])]["source"] == sources[s["id"]]), None)
             for s in doc["samples"] if sources[s["id"]]}
    # Read off the stored records: questions 0-3 find their own chunk first; question 5 (gold: the
    # Russian labour code) finds the Kazakh chunk first and no Russian one in the top 2.
    assert ranks == {"0": 1, "1": 1, "2": 1, "3": 1, "5": None}
    assert doc["retrieval_quality"] == {"k": 2, "questions": 6, "with_gold": 5, "gold_field": "source",
                                        "hit_rate": 4 / 5, "mrr": 4 / 5, "no_context": 0}
    by_question = dict(zip([s["id"] for s in doc["samples"]], contexts))
    assert CHUNKS["tk"][1] in by_question["0"] and CHUNKS["tk"][0] not in by_question["0"]

    doc, contexts = run(tmp_path / "siblings", "--sibling_window=1")
    assert doc["decoding"]["sibling_window"] == 1
    first = dict(zip([s["id"] for s in doc["samples"]], contexts))["0"]
    # chunk 1 of "tk" retrieved: chunks 0, 1 and 2 of "tk", in order, as context item [1]
    assert first.startswith(f"[1] Q: {TITLES['tk']}\nA: {CHUNKS['tk'][0]} {CHUNKS['tk'][1]} {CHUNKS['tk'][2]}")

    doc, contexts = run(tmp_path / "threshold", "--max_distance=0.2")
    quality = doc["retrieval_quality"]
    assert quality["no_context"] == sum(1 for s in doc["samples"] if not s["retrieval"]) > 0
    assert all(c is None for s, c in zip(doc["samples"], contexts) if not s["retrieval"]), "no context: plain prompt"
    assert all(r["score"] >= 0.8 - 1e-6 for s in doc["samples"] for r in s["retrieval"])


def test_cli_rag_benchmark_with_dense_retrieval_on_cpu(tmp_path, chunked):
    need_module("peft")
    from _tiny_qwen3 import save_tiny_model

    train, val = chunked
    model = save_tiny_model(tmp_path / "qwen3-tiny")
    encoder = save_tiny_encoder(tmp_path / "encoder", ALL_TEXTS)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
    run = subprocess.run([sys.executable, str(PYTHON_DIR / "benchmark.py"), "--system=hf", "--device=cpu",
                          f"--model_name={model}", "--size_b=0.001", f"--val_file={val}", f"--train_file={train}",
                          f"--out={tmp_path / 'out'}", "--rag_top_k=2", "--retriever=dense", f"--dense_model={encoder}",
                          "--dense_device=cpu", "--index_on=question_answer", "--max_new_tokens=2", "--do_sample=false",
                          "--bertscore=off", "--batch_size=3", "--max_prompt_tokens=4096", "--run_id=dense-rag"],
                         cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "retrieval (dense): hit rate@2 0.800, MRR 0.800 over 5 questions with a known source; 0 without context" in run.stdout
    doc = json.loads((tmp_path / "out" / "dense-rag.json").read_text(encoding="utf-8"))
    assert doc["decoding"]["index"]["encoder"] == str(encoder) and doc["retrieval_quality"]["hit_rate"] == 0.8
    bad = subprocess.run([sys.executable, str(PYTHON_DIR / "benchmark.py"), "--system=retrieval", "--retriever=bm25",
                          "--max_distance=0.3"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "use it with retriever tfidf or dense, not bm25" in bad.stderr
