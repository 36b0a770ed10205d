"""`run_training` under `accelerate launch` with 2 processes (DDP over gloo on CPU): the closest
stand-in, without GPUs, for

    accelerate launch --config_file python/accelerate/ddp.yaml python/train.py ...

It uses that config file with ACCELERATE_USE_CPU=true (torchrun starts 2 processes that join a
gloo group). Not `accelerate launch --cpu --num_processes 2`: that starts one process (multi-CPU
needs MPI there). Each launch takes about 10 s on 2 cores.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PYTHON_DIR, REPO_ROOT, need_module

for _name in ("torch", "transformers", "peft", "accelerate", "tokenizers", "safetensors"):
    need_module(_name)

SCRIPT = Path(__file__).resolve().parent / "_ddp_tiny_train.py"
LAUNCH_TIMEOUT_S = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch(out_dir: Path, *extra: str) -> tuple[int, str]:
    """Runs the 2-process launch; returns its exit code and its stdout+stderr."""
    env = dict(os.environ, ACCELERATE_USE_CPU="true", CUDA_VISIBLE_DEVICES="", OMP_NUM_THREADS="1",
               TOKENIZERS_PARALLELISM="false", HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "accelerate.commands.launch",
               "--config_file", str(PYTHON_DIR / "accelerate" / "ddp.yaml"), "--num_processes", "2",
               "--mixed_precision", "no", "--main_process_port", str(free_port()),
               str(SCRIPT), str(out_dir), *extra]
    # Own session, so a hung launch is ended with its worker processes.
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=LAUNCH_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        pytest.fail(f"2-process launch did not finish in {LAUNCH_TIMEOUT_S} s (a rank waiting at a barrier?):\n"
                    f"{output[-6000:]}")
    return process.returncode, output


def log_events(folder: Path) -> list[tuple[int, str]]:
    """(step, kind) per train_log.jsonl line, kind being loss, eval or final."""
    events = []
    for line in (folder / "train_log.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        kind = "final" if "train_loss" in record else "eval" if "eval_loss" in record else "loss"
        events.append((record["step"], kind))
    return events


def step_loss(folder: Path, step: int) -> float:
    lines = (folder / "train_log.jsonl").read_text(encoding="utf-8").splitlines()
    return next(r["loss"] for r in map(json.loads, lines) if r["step"] == step and "loss" in r)


def test_two_process_training_writes_one_run_folder_once(tmp_path):
    from safetensors.torch import load_file

    # resume=false on a new folder: every rank must see the folder as it was before any rank wrote.
    code, output = launch(tmp_path, "--resume=false")
    assert code == 0, f"2-process launch failed (exit {code}):\n{output[-6000:]}"
    assert [p.name for p in tmp_path.iterdir()] == ["tiny"]
    folder = tmp_path / "tiny"
    for name in ("config.json", "environment.json", "summary.json", "train_log.jsonl", "adapter/adapter_config.json"):
        assert (folder / name).is_file(), f"{name} is missing from the run folder"
    assert not list(folder.glob(".*.tmp")), "an atomic write left its temporary file"

    # One line per logged event: the second rank logs nothing.
    assert log_events(folder) == [(1, "loss"), (1, "eval"), (2, "loss"), (2, "eval"), (2, "final"), (2, "eval")]
    # The main process alone prints.
    assert len(re.findall(r'^run_name +=', output, re.M)) == 1, "the configuration was printed more than once"
    assert output.count("summary: ") == 1

    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["global_step"] == 2 and summary["num_processes"] == 2
    # Data-parallel for real: each step took batch_size x 2 processes = 4 of the 12 rows (two
    # independent single-process runs would show 2 rows a step and duplicate log lines).
    assert summary["epochs"] == pytest.approx(2 * 4 / 12)
    assert summary["train_examples"] == 12 and summary["tokens_seen"] > 0
    adapter = load_file(str(folder / "adapter" / "adapter_model.safetensors"))
    lora_b = [t for name, t in adapter.items() if "lora_B" in name]
    assert lora_b and any(float(t.abs().sum()) > 0 for t in lora_b), "the saved LoRA B weights are untrained"
    step2_loss = step_loss(folder, 2)

    # Interrupted after checkpoint-1: both ranks resume from it; the log keeps step 1 and gets step 2 once.
    for leftover in ("checkpoints/checkpoint-2", "adapter"):
        shutil.rmtree(folder / leftover)
    (folder / "summary.json").unlink()
    code, output = launch(tmp_path)
    assert code == 0, f"2-process resume failed (exit {code}):\n{output[-6000:]}"
    assert output.count("resuming from") == 1
    assert log_events(folder) == [(1, "loss"), (1, "eval"), (2, "loss"), (2, "eval"), (2, "final"), (2, "eval")]
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["resumed_from"].endswith("checkpoint-1") and summary["global_step"] == 2
    assert step_loss(folder, 2) == pytest.approx(step2_loss, rel=1e-4), "step 2 differs after resuming"

    # A refused start stops every rank (none is left waiting at a barrier) and names the folder.
    code, output = launch(tmp_path, "--resume=false")
    assert code != 0 and f'Run folder "{folder}" exists and resume=false' in output
