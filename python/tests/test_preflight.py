"""The scripts refuse, before they write anything, to run where a package or the GPU is missing:
one clear message naming what is missing and what to run instead, no traceback, no files left."""

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, PYTHON_DIR, REPO_ROOT

BLOCKER = Path(__file__).resolve().parent / "_block_modules"
DATA = [f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}"]


def run(script, *args, block=""):
    env = {**os.environ, "PYTHONPATH": str(BLOCKER), "WORKBENCH_TEST_BLOCK_MODULES": block,
           "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, str(PYTHON_DIR / script), *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_blocker_hides_a_module():
    r = subprocess.run([sys.executable, "-c", "import json"], env={**os.environ, "PYTHONPATH": str(BLOCKER),
                       "WORKBENCH_TEST_BLOCK_MODULES": "json"}, capture_output=True, text=True)
    assert r.returncode == 1 and "No module named 'json'" in r.stderr


def test_retrieval_baseline_without_scikit_learn_says_what_to_run_and_writes_nothing(tmp_path):
    out = tmp_path / "baseline"
    r = run("benchmark.py", "--system=retrieval", *DATA, f"--out={out}", "--n=4", block="sklearn")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert "needs scikit-learn" in r.stderr and sys.executable in r.stderr
    assert "task setup --for baseline" in r.stderr and ".venv/bin/python python/benchmark.py" in r.stderr
    assert not out.exists(), "no output folder is left behind"


def test_train_without_torch_is_one_clear_error(tmp_path):
    r = run("train.py", *DATA, f"--out_dir={tmp_path / 'runs'}", block="torch")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    assert r.stderr.count("error:") == 1 and "train.py needs torch" in r.stderr
    assert not (tmp_path / "runs").exists()


def test_train_on_a_machine_without_cuda_is_refused_before_writing(tmp_path):
    import pytest
    from conftest import need_module

    torch = need_module("torch")
    need_module("transformers")
    need_module("peft")
    need_module("accelerate")
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the refusal is for machines without a GPU")
    r = run("train.py", *DATA, f"--out_dir={tmp_path / 'runs'}")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "error: No CUDA GPU is visible" in r.stderr and "--device=cpu --bf16=false" in r.stderr
    assert not (tmp_path / "runs").exists()
    cpu_bf16 = run("train.py", *DATA, "--device=cpu", f"--out_dir={tmp_path / 'runs'}")
    assert cpu_bf16.returncode == 1 and "pass --bf16=false" in cpu_bf16.stderr
    assert not (tmp_path / "runs").exists()
