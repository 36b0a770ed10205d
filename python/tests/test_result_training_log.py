import json
import os

import pytest

from workbench.core import environment, result, training_log
from workbench.core.schema import ResultValidationError

RUN = {"id": "t-run", "model": "m", "variant": "baseline", "family": "retrieval"}


def test_write_result_validates_and_is_atomic(tmp_path):
    samples = [{"id": "0", "instruction": "q", "input": "", "reference": "r", "prediction": "p",
                "latency_s": 0.5, "metrics": {"bertscore_f1": 0.8, "rougeL": None}}]
    doc = result.build_result(RUN, samples=samples, summary=result.summarise(samples),
                              environment=environment.capture_environment(probe_gpu=False), source=None)
    assert "source" not in doc and doc["summary"]["bertscore_f1"]["n"] == 1
    assert doc["summary"]["latency_s"]["mean"] == 0.5 and "rougeL" not in doc["summary"]
    path = tmp_path / "t-run.json"
    result.write_result(path, doc)
    assert json.loads(path.read_text(encoding="utf-8"))["run"]["id"] == "t-run"
    broken = dict(doc, samples=[dict(samples[0], prediction=None)])
    with pytest.raises(ResultValidationError, match=r"t-run\.json.*samples\[0\]\.prediction must be string"):
        result.write_result(path, broken)
    assert json.loads(path.read_text(encoding="utf-8"))["samples"][0]["prediction"] == "p"
    assert [p.name for p in tmp_path.iterdir()] == ["t-run.json"]
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask, "readable like a plainly written file, not 0600"


def test_environment_has_versions_and_git():
    env = environment.capture_environment(probe_gpu=False)
    assert env["python"].count(".") == 2 and "torch" in env["packages"]
    assert env["git_commit"] is None or len(env["git_commit"]) == 40


STATE = {
    "global_step": 20, "max_steps": 20, "num_train_epochs": 1,
    "log_history": [
        {"epoch": 0.5, "grad_norm": 1.5, "learning_rate": 0.0002, "loss": 1.2, "step": 10, "num_input_tokens_seen": 5000},
        {"epoch": 0.5, "eval_loss": 1.1, "eval_runtime": 3.0, "step": 10},
        # transformers 5 adds train_runtime and train_tokens_per_second to training-loss entries
        {"epoch": 1.0, "grad_norm": 0.9, "learning_rate": 0.0001, "loss": 0.8, "step": 20,
         "train_runtime": 0.11, "train_tokens_per_second": 8955.0},
        {"epoch": 1.0, "step": 20, "total_flos": 1.0, "train_loss": 1.0, "train_runtime": 60.0},
    ],
}


def test_trainer_state_log_history(tmp_path):
    path = tmp_path / "checkpoint-20" / "trainer_state.json"
    path.parent.mkdir()
    path.write_text(json.dumps(STATE), encoding="utf-8")
    parsed = training_log.parse_trainer_state(path)
    assert parsed["final"]["train_runtime"] == 60.0
    assert [r["step"] for r in parsed["records"]] == [10, 10, 20]
    assert parsed["records"][0] == {"step": 10, "epoch": 0.5, "loss": 1.2, "learning_rate": 0.0002,
                                    "grad_norm": 1.5, "eval_loss": None, "tokens": 5000}
    assert parsed["records"][1]["eval_loss"] == 1.1 and parsed["records"][1]["loss"] is None
    assert parsed["records"][2]["loss"] == 0.8 and parsed["final"]["train_loss"] == 1.0
    assert training_log.read_training_log(tmp_path) == parsed["records"]


def test_jsonl_log_and_errors(tmp_path):
    log = tmp_path / "train_log.jsonl"
    log.write_text('{"step": 1, "loss": 2.0, "lr": 1e-5, "tokens": 100}\n\n{"step": 2, "eval_loss": 1.5}\n',
                   encoding="utf-8")
    records = training_log.read_training_log(tmp_path)
    assert records[0]["learning_rate"] == 1e-5 and records[0]["tokens"] == 100 and records[1]["eval_loss"] == 1.5
    log.write_text('{"step": "x", "loss": 1}\n', encoding="utf-8")
    with pytest.raises(training_log.TrainingLogError, match="line 1: step must be an integer"):
        training_log.read_training_log(log)
    with pytest.raises(training_log.TrainingLogError, match="log_history is missing"):
        bad = tmp_path / "s.json"
        bad.write_text("{}", encoding="utf-8")
        training_log.parse_trainer_state(bad)
