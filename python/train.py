"""LoRA fine-tuning of Qwen3 on the Alpaca-format legal Q&A data (GPU).

    python python/train.py --config=python/configs/qwen3_4b.json
    python python/train.py --config=python/configs/qwen3_4b.json --max_steps=20 --run_name=smoke
    accelerate launch --config_file python/accelerate/fsdp.yaml python/train.py --config=python/configs/qwen3_14b.json

Settings: the defaults below, then each --config=FILE, then --key=value overrides; an unknown
key is an error. The run folder `{out_dir}/{run_name}/` gets:

    config.json       the resolved configuration (written before training starts)
    environment.json  Python, library versions, GPU, git commit
    train_log.jsonl   one line per logging/eval event: step, epoch, loss, learning_rate,
                      grad_norm, eval_loss, tokens (non-padding input tokens seen), time_s
    checkpoints/      Trainer checkpoints; a rerun with the same config resumes from the last
    adapter/          the LoRA adapter and tokenizer (load with peft.PeftModel.from_pretrained);
                      with load_best_model_at_end, the checkpoint with the lowest eval loss
    summary.json      runtime, steps, final losses, best eval loss and checkpoint, early stopping,
                      resolved LoRA target modules, merged first-stage adapter, peak GPU memory,
                      trainable/total parameters

    # early stopping after 3 evaluations without improvement, keeping the best checkpoint:
    python python/train.py --config=python/configs/qwen3_4b.json --early_stopping_patience=3 \
        --load_best_model_at_end=true --eval_steps=100 --save_steps=100
    # attention-only adapter (presets: attention, attention+gate, mlp, all; or a list):
    python python/train.py --config=python/configs/qwen3_4b.json --lora_target_modules=attention
    # second stage on top of a merged first-stage adapter:
    python python/train.py --config=python/configs/qwen3_4b.json --run_name=stage2 \
        --merge_adapter=runs/stage1/adapter --lora_target_modules=attention+gate

Backends: "transformers" (Trainer + peft; 4-bit through bitsandbytes when quantization allows
and it is installed) and "unsloth" (when installed); "auto" picks unsloth if importable.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbench.core.config import ConfigError, help_text, resolve_config, wants_help  # noqa: E402
from workbench.core.preflight import Unavailable, require_modules  # noqa: E402

DEFAULTS = {
    # model
    "model_name": "Qwen/Qwen3-4B",  # hub id or local folder (GPU machines have no network)
    "size_b": 4.0,
    "backend": "auto",  # auto | transformers | unsloth
    "quantization": "auto",  # auto (4bit when bitsandbytes is installed) | 4bit | none
    "attn_implementation": "sdpa",
    "device": "cuda",  # cuda (a GPU is required) | cpu (float32, a small local model: smoke runs and tests)
    # data
    "train_file": "data/sample/train.jsonl",
    "val_file": "data/sample/validation.jsonl",
    "eval_samples": 200,  # seeded validation rows for eval loss; 0 = no evaluation
    "max_train_samples": 0,  # 0 = all rows
    "prompt_format": "alpaca",  # alpaca (the study) | chat (model chat template, thinking off)
    "train_on": "response",  # response (loss on the answer only) | all (the study's SFTTrainer text field)
    "max_seq_length": 2048,
    # LoRA
    "lora_r": 16,
    "lora_alpha": 16,
    "lora_dropout": 0.0,
    # a list of module names, or a preset: attention (q,k,v,o), attention+gate (q,k,v,o,gate), mlp
    # (gate,up,down), all (the seven projections); summary.json records the resolved list
    "lora_target_modules": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    # two-stage training: a first-stage LoRA folder merged into the base (merge_and_unload) before
    # this run's new LoRA is attached; "" = train on the base as loaded
    "merge_adapter": "",
    # optimisation
    "learning_rate": 2e-4,
    "lr_scheduler": "cosine",
    "warmup_ratio": 0.03,
    "num_epochs": 3.0,
    "max_steps": -1,  # > 0 overrides num_epochs
    "batch_size": 4,
    "grad_accum": 4,
    "weight_decay": 0.001,
    "optim": "auto",  # auto (adamw_8bit with bitsandbytes, else adamw_torch) or any Trainer optim name
    "bf16": True,
    "gradient_checkpointing": True,
    "seed": 3407,
    "data_seed": 42,
    # early stopping and the best checkpoint (both need eval_samples > 0)
    "early_stopping_patience": 0,  # > 0: stop after this many evaluations without a lower eval loss
    "early_stopping_threshold": 0.0,  # a lower eval loss counts only when it is lower by more than this
    "load_best_model_at_end": False,  # adapter/ = the checkpoint with the lowest eval loss (save_steps
                                      # must be a multiple of eval_steps)
    # bookkeeping
    "logging_steps": 10,
    "eval_steps": 500,
    "save_steps": 500,
    "save_total_limit": 3,
    "out_dir": "runs",
    "run_name": "",  # default: "{model short name}-lora"
    "resume": True,
}

CHOICES = {
    "device": ["cuda", "cpu"],
    "backend": ["auto", "transformers", "unsloth"],
    "quantization": ["auto", "4bit", "none"],
    "prompt_format": ["alpaca", "chat"],
    "train_on": ["response", "all"],
}

# Keys that may take another type than their default's (here: a preset name instead of a list).
ALTERNATIVES = {"lora_target_modules": [""]}


def main(argv: list[str]) -> int:
    if wants_help(argv):
        print(help_text(__doc__, DEFAULTS, __file__, CHOICES))
        return 0
    from workbench.training import TrainingConfigError, check_options  # stdlib-only at import time

    try:
        config = resolve_config(DEFAULTS, argv, CHOICES, ALTERNATIVES)
        check_options(config)
    except (ConfigError, TrainingConfigError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        preflight(config)
    except Unavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from workbench.training import end_distributed, run_training  # heavy imports happen inside

    try:
        run_training(config)
    except TrainingConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        end_distributed()
    return 0


def preflight(config: dict) -> None:
    """Refuses, before anything is written, a run that cannot work here: missing packages, a
    CUDA run without a GPU, or CPU settings that need one."""
    require_modules(["torch", "transformers", "peft", "accelerate"], "train.py", "python/train.py", "test")
    if config["device"] == "cpu":
        if config["bf16"]:
            raise Unavailable("--device=cpu trains in float32: pass --bf16=false as well")
        if config["quantization"] == "4bit" or config["backend"] == "unsloth":
            raise Unavailable("--device=cpu cannot use 4-bit quantization or Unsloth (both need CUDA)")
        return
    import torch

    if not torch.cuda.is_available():
        raise Unavailable("No CUDA GPU is visible: run python/train.py on a GPU machine "
                          "(--device=cpu --bf16=false trains a small local model on CPU, for smoke tests)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
