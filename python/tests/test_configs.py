import json
import sys

import pytest

from conftest import PYTHON_DIR
from workbench.core.config import resolve_config

sys.path.insert(0, str(PYTHON_DIR))
import train  # noqa: E402  (stdlib-only at import time)

STUDY = {"4b": (4, 4), "8b": (2, 4), "14b": (1, 8)}


@pytest.mark.parametrize("size", sorted(STUDY))
def test_size_configs_resolve_with_the_study_settings(size):
    path = PYTHON_DIR / "configs" / f"qwen3_{size}.json"
    cfg = resolve_config(train.DEFAULTS, [f"--config={path}"], train.CHOICES)
    assert (cfg["batch_size"], cfg["grad_accum"]) == STUDY[size]
    assert (cfg["lora_r"], cfg["lora_alpha"], cfg["lora_dropout"]) == (16, 16, 0.0)
    assert cfg["lora_target_modules"] == ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    assert (cfg["learning_rate"], cfg["lr_scheduler"], cfg["warmup_ratio"], cfg["num_epochs"]) == (2e-4, "cosine", 0.03, 3.0)
    assert cfg["max_seq_length"] == 2048 and cfg["bf16"] is True and cfg["prompt_format"] == "alpaca"
    assert size.upper() in cfg["model_name"].upper()
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert set(raw) - {"_comment"} <= set(train.DEFAULTS)
