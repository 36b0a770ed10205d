"""The command lines a user runs, end to end, on a tiny Qwen3 saved as a local model folder:
python/train.py -> adapter -> python/benchmark.py --system=hf (resumed) -> schema-v1 result,
and python/bench_throughput.py. On CPU (--device=cpu); the same paths run on a GPU machine.

They need torch, transformers, peft and tokenizers; where those are missing they skip with the
reason (see `pytest -rs`), or fail when WORKBENCH_REQUIRE_ML_TESTS=1 (CI).
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR, REPO_ROOT, need_module

torch = need_module("torch")
need_module("transformers")
need_module("peft")
need_module("tokenizers")

sys.path.insert(0, str(PYTHON_DIR))
from workbench.core.schema import validate_result  # noqa: E402
from _tiny_qwen3 import save_tiny_model  # noqa: E402


def run(script, *args):
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1", "TOKENIZERS_PARALLELISM": "false"}
    return subprocess.run([sys.executable, str(PYTHON_DIR / script), *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def ok(result):
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    return save_tiny_model(tmp_path_factory.mktemp("tiny-qwen3"))


DATA = [f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}"]


def test_train_then_benchmark_the_adapter_and_resume(tmp_path, model_dir):
    ok(run("train.py", "--device=cpu", f"--model_name={model_dir}", *DATA, f"--out_dir={tmp_path / 'runs'}",
           "--run_name=tiny", "--max_steps=2", "--batch_size=2", "--grad_accum=1", "--bf16=false", "--gradient_checkpointing=false",
           "--eval_samples=2", "--logging_steps=1", "--save_steps=1", "--eval_steps=1", "--max_seq_length=256"))
    run_dir = tmp_path / "runs" / "tiny"
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["global_step"] == 2 and summary["backend"]["backend"] == "transformers"
    assert summary["backend"]["quantization"] == "none" and summary["train_on"] == "response"
    adapter = run_dir / "adapter"
    assert (adapter / "adapter_config.json").exists() and (adapter / "tokenizer_config.json").exists()

    args = ["--system=hf", "--device=cpu", f"--model_name={model_dir}", f"--adapter={adapter}", *DATA,
            f"--out={tmp_path / 'results'}", "--n=4", "--batch_size=2", "--max_new_tokens=4", "--do_sample=false",
            "--bertscore=off", "--run_id=tiny-ft", "--size_b=0.0001"]
    first = ok(run("benchmark.py", *args))
    path = tmp_path / "results" / "tiny-ft.json"
    assert f"Result file: {path}" in first.stdout
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_result(doc, str(path))
    assert doc["run"]["variant"] == "fine-tuned" and doc["run"]["adapter"] == str(adapter)
    assert doc["decoding"]["device"] == "cpu" and doc["decoding"]["quantization"] == "float32"
    assert doc["decoding"]["padding_side"] == "left" and doc["decoding"]["do_sample"] is False
    assert len(doc["samples"]) == 4 and sorted({s["batch"] for s in doc["samples"]}) == [0, 1]
    assert all(0 <= s["new_tokens"] <= 4 and s["latency_s"] > 0 for s in doc["samples"])
    assert doc["missing_metrics"] == {"bertscore_f1": "turned off (--bertscore=off)"}

    again = ok(run("benchmark.py", *args))
    assert "Resuming tiny-ft: 4 of 4 already answered" in again.stdout
    redo = json.loads(path.read_text(encoding="utf-8"))
    assert [s["prediction"] for s in redo["samples"]] == [s["prediction"] for s in doc["samples"]]


def test_benchmark_refuses_a_gpu_run_without_cuda(tmp_path, model_dir, capsys):
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the refusal is for machines without a GPU")
    import benchmark

    code = benchmark.main(["--system=hf", f"--model_name={model_dir}", *DATA, f"--out={tmp_path}", "--n=2"])
    err = capsys.readouterr().err
    assert code == 1 and "error: No CUDA GPU is visible" in err and "--device=cpu" in err
    assert not list(tmp_path.iterdir()), "nothing is written: no result, samples or manifest file"


def test_bench_throughput_prints_samples_per_second_per_batch_size(tmp_path, model_dir):
    out = tmp_path / "throughput.json"
    result = ok(run("bench_throughput.py", "--device=cpu", f"--model_name={model_dir}",
                    f"--val_file={FIXTURES / 'validation.jsonl'}", "--n=4", "--batch_sizes=[1,4]",
                    "--max_new_tokens=5", f"--out={out}"))
    lines = [line for line in result.stdout.splitlines() if line.startswith("batch")]
    assert len(lines) == 2 and "samples/s" in lines[0] and "x batch 1" in lines[1]
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert [r["batch_size"] for r in summary["results"]] == [1, 4]
    for r in summary["results"]:
        assert r["samples"] == 4 and r["samples_per_s"] > 0 and r["peak_gpu_memory_gb"] is None
        # fixed_length: every answer is exactly max_new_tokens long, so the work is the same
        assert r["new_tokens"] == 4 * 5
    assert summary["results"][0]["speedup_vs_first"] == 1.0
