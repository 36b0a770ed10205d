"""Training options on the tiny Qwen3 (CPU): LoRA target-module presets, early stopping on eval
loss, keeping the best checkpoint, and a second LoRA on top of a merged first-stage adapter.

They need torch, transformers, peft and tokenizers; where those are missing they skip with the
reason, or fail when WORKBENCH_REQUIRE_ML_TESTS=1 (CI).
"""

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR, need_module

torch = need_module("torch")
need_module("transformers")
need_module("peft")
need_module("tokenizers")
safetensors_torch = need_module("safetensors.torch")

sys.path.insert(0, str(PYTHON_DIR))
import train  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.core.training_log import read_training_log  # noqa: E402
from workbench.training import (TARGET_MODULE_PRESETS, TrainingConfigError, check_options,  # noqa: E402
                                resolve_target_modules, run_training)
from _tiny_qwen3 import save_tiny_model, tiny_model, tiny_tokenizer  # noqa: E402


@pytest.fixture(scope="module")
def tokenizer():
    return tiny_tokenizer()


def config(tmp_path, *extra, run_name="tiny"):
    return resolve_config(train.DEFAULTS, [
        f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}",
        f"--out_dir={tmp_path}", f"--run_name={run_name}", "--max_steps=2", "--batch_size=2", "--grad_accum=1",
        "--logging_steps=1", "--save_steps=1", "--eval_steps=1", "--eval_samples=4", "--optim=adamw_torch",
        "--gradient_checkpointing=false", "--bf16=false", "--device=cpu", "--max_seq_length=256", *extra],
        train.CHOICES, train.ALTERNATIVES)


def adapter_weights(folder):
    return safetensors_torch.load_file(str(folder / "adapter_model.safetensors"))


def test_presets_resolve_and_bad_values_are_refused(tmp_path):
    assert resolve_target_modules("attention") == ["q_proj", "k_proj", "v_proj", "o_proj"]
    assert resolve_target_modules("attention+gate") == ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj"]
    assert resolve_target_modules("mlp") == ["gate_proj", "up_proj", "down_proj"]
    assert resolve_target_modules("all") == train.DEFAULTS["lora_target_modules"]
    assert resolve_target_modules(["q_proj", "v_proj"]) == ["q_proj", "v_proj"]
    with pytest.raises(TrainingConfigError, match='"attn" is not a preset'):
        resolve_target_modules("attn")
    with pytest.raises(TrainingConfigError, match="non-empty list"):
        resolve_target_modules([])
    with pytest.raises(TrainingConfigError, match="needs eval_samples > 0"):
        check_options(config(tmp_path, "--early_stopping_patience=2", "--eval_samples=0"))
    with pytest.raises(TrainingConfigError, match=r"save_steps \(3\) to be a multiple of eval_steps \(2\)"):
        check_options(config(tmp_path, "--load_best_model_at_end=true", "--save_steps=3", "--eval_steps=2"))
    with pytest.raises(TrainingConfigError, match="has no adapter_config.json"):
        check_options(config(tmp_path, f"--merge_adapter={tmp_path}"))
    assert not list(tmp_path.iterdir()), "refused before anything was written"


@pytest.mark.parametrize("preset", ["attention", "attention+gate", "mlp"])
def test_a_preset_trains_exactly_its_modules(tmp_path, tokenizer, preset):
    folder = run_training(config(tmp_path, f"--lora_target_modules={preset}"), model=tiny_model(len(tokenizer)),
                          tokenizer=tokenizer)
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["lora"]["target_preset"] == preset
    assert summary["lora"]["target_modules"] == TARGET_MODULE_PRESETS[preset]
    assert json.loads((folder / "config.json").read_text(encoding="utf-8"))["lora_target_modules"] == preset
    saved = json.loads((folder / "adapter" / "adapter_config.json").read_text(encoding="utf-8"))
    assert sorted(saved["target_modules"]) == sorted(TARGET_MODULE_PRESETS[preset])
    trained = {name.split(".")[-3] for name in adapter_weights(folder / "adapter")}  # ...q_proj.lora_A.weight
    assert trained == set(TARGET_MODULE_PRESETS[preset])
    # tiny Qwen3: hidden 64, intermediate 128, q 4x16=64, k/v 2x16=32, r=16, 2 layers; a LoRA on an
    # in x out linear has r * (in + out) parameters
    per_layer = {"q_proj": 16 * (64 + 64), "k_proj": 16 * (64 + 32), "v_proj": 16 * (64 + 32),
                 "o_proj": 16 * (64 + 64), "gate_proj": 16 * (64 + 128), "up_proj": 16 * (64 + 128),
                 "down_proj": 16 * (128 + 64)}
    assert summary["trainable_params"] == 2 * sum(per_layer[m] for m in TARGET_MODULE_PRESETS[preset])


def eval_losses(folder):
    return [(r["step"], r["eval_loss"]) for r in read_training_log(folder) if r["eval_loss"] is not None]


def test_load_best_model_at_end_saves_the_checkpoint_with_the_lowest_eval_loss(tmp_path, tokenizer):
    # A large learning rate makes the eval loss go down and up again on this data (seeded).
    folder = run_training(config(tmp_path, "--max_steps=6", "--learning_rate=0.1", "--load_best_model_at_end=true",
                                 "--save_total_limit=2"), model=tiny_model(len(tokenizer)), tokenizer=tokenizer)
    losses = eval_losses(folder)
    assert [step for step, _ in losses] == [1, 2, 3, 4, 5, 6], "the final evaluation of the best model is not logged"
    best_step, best_loss = min(losses, key=lambda x: (x[1], x[0]))
    assert best_step < 6, "this setting's best step is not the last one (else the test proves nothing)"
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["best_global_step"] == best_step and summary["best_metric"] == pytest.approx(best_loss)
    assert summary["best_model_checkpoint"].endswith(f"checkpoint-{best_step}")
    assert summary["final_eval_loss"] == pytest.approx(best_loss, abs=1e-6)
    # save_total_limit=2 keeps the best checkpoint and the newest (not checkpoints 5 and 6)
    assert {p.name for p in (folder / "checkpoints").iterdir()} == {f"checkpoint-{best_step}", "checkpoint-6"}
    saved = adapter_weights(folder / "adapter")
    best = adapter_weights(folder / "checkpoints" / f"checkpoint-{best_step}")
    last = adapter_weights(folder / "checkpoints" / "checkpoint-6")
    assert saved.keys() == best.keys()
    assert all(torch.equal(saved[k], best[k]) for k in saved)
    assert not all(torch.equal(saved[k], last[k]) for k in saved)


def test_early_stopping_stops_after_patience_evaluations_without_improvement(tmp_path, tokenizer):
    folder = run_training(config(tmp_path, "--max_steps=12", "--learning_rate=0.1", "--early_stopping_patience=2",
                                 "--load_best_model_at_end=true"), model=tiny_model(len(tokenizer)),
                          tokenizer=tokenizer)
    losses = eval_losses(folder)
    # The rule, applied to the logged losses: stop at the evaluation that is the 2nd in a row
    # without a loss below the best so far.
    best, bad, expected = float("inf"), 0, None
    for step, loss in losses:
        if loss < best:
            best, bad = loss, 0
        else:
            bad += 1
        if bad >= 2:
            expected = step
            break
    assert expected is not None and expected < 12
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["global_step"] == expected and losses[-1][0] == expected
    assert summary["early_stopping"] == {"patience": 2, "threshold": 0.0, "stopped_early": True, "planned_steps": 12}


def test_second_stage_trains_a_new_lora_on_the_merged_first_stage(tmp_path, tokenizer):
    stage1 = run_training(config(tmp_path, "--learning_rate=0.01", "--lora_target_modules=attention",
                                 run_name="stage1"), model=tiny_model(len(tokenizer)), tokenizer=tokenizer)
    first = adapter_weights(stage1 / "adapter")
    settings = json.loads((stage1 / "adapter" / "adapter_config.json").read_text(encoding="utf-8"))
    scale = settings["lora_alpha"] / settings["r"]

    base = tiny_model(len(tokenizer))  # the same seeded weights stage 1 started from
    original = {n: p.detach().clone() for n, p in base.named_parameters()}
    stage2 = run_training(config(tmp_path, "--lora_target_modules=mlp", f"--merge_adapter={stage1 / 'adapter'}",
                                 run_name="stage2"), model=base, tokenizer=tokenizer)
    # Every attention projection of the model stage 2 trained on holds W + scale * B @ A of stage 1.
    merged = dict(base.named_parameters())
    checked = 0
    for layer in range(2):
        for proj in TARGET_MODULE_PRESETS["attention"]:
            key = f"model.layers.{layer}.self_attn.{proj}"
            a = first[f"base_model.model.{key}.lora_A.weight"]
            b = first[f"base_model.model.{key}.lora_B.weight"]
            assert float(b.abs().sum()) > 0, "stage 1 moved its LoRA B"
            want = original[f"{key}.weight"] + scale * (b @ a)
            now = merged[f"{key}.weight"]  # the injected model object, merged in place
            assert torch.allclose(now, want, atol=1e-6), key
            checked += 1
    assert checked == 8
    second = adapter_weights(stage2 / "adapter")
    assert {name.split(".")[-3] for name in second} == {"gate_proj", "up_proj", "down_proj"}
    summary = json.loads((stage2 / "summary.json").read_text(encoding="utf-8"))
    assert summary["merged_adapter"]["r"] == 16 and len(summary["merged_adapter"]["weights_sha256"]) == 64
    assert summary["merged_adapter"]["path"].endswith("stage1/adapter")


def test_cli_takes_a_preset_and_refuses_a_bad_one_before_writing(tmp_path):
    model_dir = save_tiny_model(tmp_path / "tiny-qwen3")
    args = [sys.executable, str(PYTHON_DIR / "train.py"), "--device=cpu", "--bf16=false", f"--model_name={model_dir}",
            f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}",
            f"--out_dir={tmp_path / 'runs'}", "--max_steps=1", "--batch_size=2", "--eval_samples=2",
            "--gradient_checkpointing=false", "--max_seq_length=256"]
    bad = subprocess.run([*args, "--lora_target_modules=attn"], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and 'error: lora_target_modules "attn" is not a preset' in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "runs").exists()
    ok = subprocess.run([*args, "--lora_target_modules=attention+gate", "--run_name=ag"], capture_output=True,
                        text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr[-3000:]
    summary = json.loads((tmp_path / "runs" / "ag" / "summary.json").read_text(encoding="utf-8"))
    assert summary["lora"]["target_modules"] == TARGET_MODULE_PRESETS["attention+gate"]
