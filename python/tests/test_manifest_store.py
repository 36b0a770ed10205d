import json
import random

import pytest

from conftest import FIXTURES
from workbench.core import manifest as M
from workbench.core.data import DataError, detect_language, read_alpaca_jsonl
from workbench.core.store import SampleStore, StoreError

VAL = FIXTURES / "validation.jsonl"


def test_sampling_reproduces_the_study_random_sample():
    data = [f"row{i}" for i in range(6312)]
    random.seed(42)
    study = random.sample(data, 500)
    assert [data[i] for i in M.sample_indices(6312, 500, 42)] == study
    assert M.sample_indices(5, 10, 42) == [0, 1, 2, 3, 4]


def test_manifest_is_identical_across_runs_and_checked_on_reuse(tmp_path):
    a = M.build_manifest(VAL, 4, 42)
    b = M.build_manifest(VAL, 4, 42)
    assert a == b and a["n"] == 4 and len(set(a["ids"])) == 4 and len(a["sha256"]) == 64
    # Another seed draws another sample, exactly as Python's random.seed(7); random.sample(rows, 4).
    rows = read_alpaca_jsonl(VAL)
    random.seed(7)
    assert M.build_manifest(VAL, 4, 7)["ids"] == [r["id"] for r in random.sample(rows, 4)] == ["2", "1", "3", "5"]
    assert a["ids"] == ["5", "0", "4", "2"]
    path = tmp_path / "manifest.json"
    first = M.load_or_create_manifest(VAL, 4, 42, path)
    assert json.loads(path.read_text(encoding="utf-8")) == first
    assert M.load_or_create_manifest(VAL, 4, 42, path) == first
    with pytest.raises(M.ManifestError, match="requested_n differs"):
        M.load_or_create_manifest(VAL, 3, 42, path)
    assert [r["id"] for r in M.select(rows, first)] == first["ids"]


def test_data_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"instruction": "a", "output": "b"}\n\n{"instruction": 1, "output": "b"}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r'bad\.jsonl" line 3: "instruction" must be a string'):
        read_alpaca_jsonl(bad)
    assert detect_language("Еңбек") == "kz" and detect_language("Труд") == "ru"


def test_store_appends_resumes_and_refuses_other_settings(tmp_path):
    path = tmp_path / "run.samples.jsonl"
    store = SampleStore(path, {"model": "m", "max_new_tokens": 8})
    store.append([{"id": "3", "prediction": "а"}, {"id": "1", "prediction": "б"}])
    # An interruption mid-batch leaves a torn line: it is dropped on resume.
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"id": "2", "predic')
    again = SampleStore(path, {"model": "m", "max_new_tokens": 8})
    assert again.done == {"3", "1"}
    again.append([{"id": "2", "prediction": "в"}])
    assert [r["prediction"] for r in again.ordered(["1", "2", "3"])] == ["б", "в", "а"]
    with pytest.raises(StoreError, match="already written"):
        again.append([{"id": "2", "prediction": "x"}])
    with pytest.raises(StoreError, match="max_new_tokens differ"):
        SampleStore(path, {"model": "m", "max_new_tokens": 16})
    fresh = SampleStore(path, {"model": "m", "max_new_tokens": 16}, resume=False)
    assert fresh.done == set()
    with pytest.raises(StoreError, match="lacks 1 id"):
        fresh.ordered(["1"])
