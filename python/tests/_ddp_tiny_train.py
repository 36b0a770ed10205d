"""Trains the tiny Qwen3 with `run_training`, as `python/train.py` does; test_train_ddp_cpu.py
starts it under `accelerate launch` with 2 processes. Every process builds the same model and
tokenizer in code (seeded, no downloads).

    ACCELERATE_USE_CPU=true accelerate launch --config_file python/accelerate/ddp.yaml --mixed_precision no \\
        python/tests/_ddp_tiny_train.py OUT_DIR [--key=value ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # conftest, _tiny_qwen3 (conftest adds python/)

from _tiny_qwen3 import tiny_model, tiny_tokenizer  # noqa: E402
from conftest import FIXTURES  # noqa: E402

import train  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.training import end_distributed, run_training  # noqa: E402


def main(argv: list[str]) -> int:
    out_dir, extra = argv[0], argv[1:]
    config = resolve_config(train.DEFAULTS, [
        f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}",
        f"--out_dir={out_dir}", "--run_name=tiny", "--max_steps=2", "--batch_size=2", "--grad_accum=1",
        "--logging_steps=1", "--save_steps=1", "--eval_steps=1", "--eval_samples=2", "--optim=adamw_torch",
        "--bf16=false", "--device=cpu", "--max_seq_length=256", *extra], train.CHOICES)  # gradient checkpointing on, as by default
    tokenizer = tiny_tokenizer()
    try:
        run_training(config, model=tiny_model(len(tokenizer)).to("cpu"), tokenizer=tokenizer)
    finally:
        end_distributed()  # as train.py does
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
