import json

import pytest

from workbench.core.config import ConfigError, resolve_config

DEFAULTS = {"model_name": "Qwen/Qwen3-4B", "learning_rate": 2e-4, "batch_size": 4, "bf16": True,
            "targets": ["q_proj"], "adapter": None}


def test_defaults_file_then_cli(tmp_path):
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps({"_comment": "ignored", "batch_size": 2, "learning_rate": 1}), encoding="utf-8")
    out = resolve_config(DEFAULTS, [f"--config={cfg}", "--batch_size=8", "--bf16", "false", "--model-name=x/y"])
    assert out == {**DEFAULTS, "batch_size": 8, "learning_rate": 1.0, "bf16": False, "model_name": "x/y"}
    assert isinstance(out["learning_rate"], float)
    assert list(out) == list(DEFAULTS)


def test_unknown_key_in_file_is_an_error_naming_file_and_key(tmp_path):
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps({"batch_sise": 2}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r'c\.json.*unknown config key "batch_sise"'):
        resolve_config(DEFAULTS, [f"--config={cfg}"])


def test_unknown_cli_key_and_wrong_type():
    with pytest.raises(ConfigError, match='unknown config key "lr"'):
        resolve_config(DEFAULTS, ["--lr=1e-4"])
    with pytest.raises(ConfigError, match="batch_size must be integer"):
        resolve_config(DEFAULTS, ["--batch_size=2.5"])
    with pytest.raises(ConfigError, match="bf16 must be boolean"):
        resolve_config(DEFAULTS, ["--bf16=1"])
    with pytest.raises(ConfigError, match="expected --key=value"):
        resolve_config(DEFAULTS, ["batch_size=2"])


def test_string_default_keeps_text_and_choices_are_enforced():
    assert resolve_config(DEFAULTS, ["--model_name=123"])["model_name"] == "123"
    with pytest.raises(ConfigError, match="must be one of"):
        resolve_config(DEFAULTS, ["--model_name=z"], choices={"model_name": ["Qwen/Qwen3-4B"]})


def test_missing_or_broken_config_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        resolve_config(DEFAULTS, [f"--config={tmp_path / 'nope.json'}"])
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        resolve_config(DEFAULTS, [f"--config={bad}"])


def test_alternatives_let_a_key_take_a_second_type(tmp_path):
    alt = {"targets": [""]}
    assert resolve_config(DEFAULTS, ["--targets=attention"], alternatives=alt)["targets"] == "attention"
    assert resolve_config(DEFAULTS, ['--targets=["q_proj","v_proj"]'], alternatives=alt)["targets"] == ["q_proj", "v_proj"]
    cfg = tmp_path / "c.json"
    cfg.write_text(json.dumps({"targets": "mlp"}), encoding="utf-8")
    assert resolve_config(DEFAULTS, [f"--config={cfg}"], alternatives=alt)["targets"] == "mlp"
    with pytest.raises(ConfigError, match="targets must be list or string, got integer 3"):
        resolve_config(DEFAULTS, ["--targets=3"], alternatives=alt)
    with pytest.raises(ConfigError, match="targets must be list"):
        resolve_config(DEFAULTS, ["--targets=attention"])
