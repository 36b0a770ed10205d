import copy
import json

import pytest

from conftest import REPO_ROOT, need_module
from workbench.core import schema as S

FIXTURES = REPO_ROOT / "lib" / "results" / "fixtures"
EXPECTED = {k: v for k, v in json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}
ENGINES = ["stdlib", "jsonschema"]


def load(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_expected_lists_every_fixture():
    on_disk = {p.name for p in FIXTURES.glob("*.json")} - {"expected.json"}
    assert on_disk == set(EXPECTED)
    assert sum(1 for v in EXPECTED.values() if v["valid"]) >= 2
    assert sum(1 for v in EXPECTED.values() if not v["valid"]) >= 3


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_verdicts(engine, name):
    if engine == "jsonschema":
        need_module("jsonschema", "jsonschema is not installed (python/requirements/retrieval.txt)")
    document, expected = load(name), EXPECTED[name]
    if expected["valid"]:
        S.validate_result(document, name, engine=engine)
    else:
        with pytest.raises(S.ResultValidationError) as info:
            S.validate_result(document, name, engine=engine)
        assert info.value.path == expected["path"]
        assert name in str(info.value) and expected["path"] in str(info.value)


def test_auto_engine_validates_with_jsonschema_where_it_is_installed(monkeypatch):
    need_module("jsonschema", "jsonschema is not installed (python/requirements/retrieval.txt)")
    assert S.have_jsonschema()
    calls = []
    real = S.validate_jsonschema
    monkeypatch.setattr(S, "validate_jsonschema", lambda doc, schema: calls.append(doc) or real(doc, schema))
    S.validate_result(load("v1_samples.json"), "v1_samples.json")
    assert len(calls) == 1, "engine=auto used jsonschema"
    with pytest.raises(S.ResultValidationError):
        S.validate_result(load("v1_invalid_missing_prediction.json"), "x.json")
    assert len(calls) == 2


def mutations():
    base = load("v1_samples.json")
    summary_only = load("v1_summary_only.json")

    def m(fn, doc=None):
        d = copy.deepcopy(doc if doc is not None else base)
        fn(d)
        return d

    yield "ok", m(lambda d: None)
    yield "schema_version 2", m(lambda d: d.update(schema_version=2))
    yield "schema_version true", m(lambda d: d.update(schema_version=True))
    yield "bad run id", m(lambda d: d["run"].update(id="-bad id"))
    yield "variant", m(lambda d: d["run"].update(variant="tuned"))
    yield "size_b zero", m(lambda d: d["run"].update(size_b=0))
    yield "size_b null", m(lambda d: d["run"].update(size_b=None))
    yield "rag ok", m(lambda d: d["run"].update(rag={"retriever": "tfidf", "top_k": 3, "exclude_above": 0.95}))
    yield "rag top_k 0", m(lambda d: d["run"].update(rag={"retriever": "tfidf", "top_k": 0}))
    yield "rag top_k 1.0", m(lambda d: d["run"].update(rag={"retriever": "bm25", "top_k": 1.0}))
    yield "rag dense", m(lambda d: d["run"].update(rag={"retriever": "dense", "top_k": 3}))
    yield "rag retriever", m(lambda d: d["run"].update(rag={"retriever": "splade", "top_k": 1}))
    yield "quality ok", m(lambda d: d.update(retrieval_quality={"k": 3, "questions": 5, "with_gold": 4,
                                                                "hit_rate": 0.5, "mrr": 0.375, "no_context": 0}))
    yield "quality nulls", m(lambda d: d.update(retrieval_quality={"k": 3, "questions": 5, "with_gold": 0,
                                                                   "hit_rate": None, "mrr": None}))
    yield "quality k 0", m(lambda d: d.update(retrieval_quality={"k": 0, "questions": 5, "with_gold": 0,
                                                                 "hit_rate": None, "mrr": None}))
    yield "quality missing mrr", m(lambda d: d.update(retrieval_quality={"k": 1, "questions": 5, "with_gold": 0,
                                                                         "hit_rate": None}))
    yield "quality extra", m(lambda d: d.update(retrieval_quality={"k": 1, "questions": 5, "with_gold": 0,
                                                                   "hit_rate": None, "mrr": None, "recall": 1}))
    yield "rag missing top_k", m(lambda d: d["run"].update(rag={"retriever": "tfidf"}))
    yield "no samples no summary", m(lambda d: (d.pop("samples"), d.pop("summary")))
    yield "empty samples no summary", m(lambda d: (d.update(samples=[]), d.pop("summary")))
    yield "empty samples with summary", m(lambda d: d.update(samples=[]))
    yield "empty summary only", m(lambda d: d.update(summary={}), summary_only)
    yield "empty id", m(lambda d: d["samples"][0].update(id=""))
    yield "negative latency", m(lambda d: d["samples"][0].update(latency_s=-1))
    yield "tokens float", m(lambda d: d["samples"][0].update(new_tokens=3.5))
    yield "tokens bool", m(lambda d: d["samples"][0].update(new_tokens=True))
    yield "hit null", m(lambda d: d["samples"][0].update(hit_max_new_tokens=None))
    yield "metric string", m(lambda d: d["samples"][0]["metrics"].update(x="1"))
    yield "retrieval rank 0", m(lambda d: d["samples"][2]["retrieval"][0].update(rank=0))
    yield "retrieval extra", m(lambda d: d["samples"][2]["retrieval"][0].update(text="..."))
    yield "sha short", m(lambda d: d["inputs"]["validation"].update(sha256="abc"))
    yield "aggregate no mean", m(lambda d: d["summary"]["bertscore_f1"].pop("mean"))
    yield "runtime extra", m(lambda d: d["runtime"].update(gpu="x"))
    yield "gpu count -1", m(lambda d: d["environment"]["gpu"].update(count=-1))
    yield "top-level extra", m(lambda d: d.update(notes="x"))
    yield "root not object", []
    yield "signature number", m(lambda d: d["metric_signatures"].update(bleu=1))


@pytest.mark.parametrize("label,document", list(mutations()), ids=[m[0] for m in mutations()])
def test_engines_agree(label, document):
    need_module("jsonschema", "jsonschema is not installed (python/requirements/retrieval.txt)")
    schema = S.load_schema()
    a = S.validate_stdlib(document, schema)
    b = S.validate_jsonschema(document, schema)
    assert (a is None) == (b is None), (label, a, b)
    if a is not None:
        assert a.path == b.path, (label, a, b)


def test_some_mutations_are_valid_and_some_not():
    schema = S.load_schema()
    verdicts = {label: S.validate_stdlib(doc, schema) is None for label, doc in mutations()}
    assert verdicts["ok"] and verdicts["rag ok"] and verdicts["size_b null"] and verdicts["empty samples with summary"]
    assert verdicts["rag dense"] and verdicts["quality ok"] and verdicts["quality nulls"]
    assert not verdicts["rag retriever"] and not verdicts["quality k 0"] and not verdicts["quality missing mrr"]
    assert not verdicts["quality extra"]
    assert not verdicts["no samples no summary"] and not verdicts["tokens float"] and not verdicts["sha short"]


def test_stdlib_engine_refuses_unknown_keywords():
    schema = {"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}}
    with pytest.raises(ValueError, match="maxLength"):
        S.validate_stdlib({"a": "x"}, schema)


def test_json_path_matches_typescript_format():
    assert S.json_path([]) == "(root)"
    assert S.json_path(["samples", 3, "prediction"]) == "samples[3].prediction"
    assert S.json_path(["inputs", "a b"]) == 'inputs["a b"]'
