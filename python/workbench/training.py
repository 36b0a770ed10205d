"""LoRA training behind `python/train.py` (GPU). Heavy imports happen inside functions.

`run_training(config, model=None, tokenizer=None)` accepts an injected model and tokenizer
(the tests build a tiny Qwen3 in code); otherwise it loads `config["model_name"]` with the
chosen backend.

Under `accelerate launch` (DDP, one process per GPU) every process runs `run_training` and
trains; only the main process (global rank 0) prints and writes in the run folder.
"""

from __future__ import annotations

import importlib.util
import json
import math
import time
from pathlib import Path
from typing import Any

from .core.atomic import write_json_atomic
from .core.config import format_config
from .core.data import display_path, input_record, read_alpaca_jsonl
from .core.environment import capture_environment
from .core.labels import IGNORE_INDEX, build_example, pad_batch
from .core.manifest import sample_indices
from .core.prompts import prompt_spec, render_alpaca, render_chat

# Settings that may differ between a run and its resumption without changing what is trained.
RESUME_NEUTRAL = {"resume", "logging_steps", "save_steps", "save_total_limit", "eval_steps"}


# Named sets of LoRA target modules (Qwen3/Llama-style projection names).
TARGET_MODULE_PRESETS: dict[str, list[str]] = {
    "attention": ["q_proj", "k_proj", "v_proj", "o_proj"],
    "attention+gate": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj"],
    "mlp": ["gate_proj", "up_proj", "down_proj"],
    "all": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
}


class TrainingConfigError(ValueError):
    """Training settings that cannot work together, or a run folder holding a different
    configuration than the one asked for."""


def resolve_target_modules(value: Any) -> list[str]:
    """A preset name (`TARGET_MODULE_PRESETS`) or an explicit list -> the list of module names."""
    if isinstance(value, str):
        if value not in TARGET_MODULE_PRESETS:
            raise TrainingConfigError(f'lora_target_modules "{value}" is not a preset: expected one of '
                                      f"{list(TARGET_MODULE_PRESETS)} or a list of module names")
        return list(TARGET_MODULE_PRESETS[value])
    if (not isinstance(value, list) or not value
            or not all(isinstance(name, str) and name for name in value)):
        raise TrainingConfigError(f"lora_target_modules must be a preset name or a non-empty list of "
                                  f"module names, got {json.dumps(value)}")
    return list(value)


def check_options(config: dict[str, Any]) -> None:
    """Refuses, before anything is written, settings that cannot work together."""
    resolve_target_modules(config["lora_target_modules"])
    evaluates = config["eval_samples"] > 0
    if config["early_stopping_patience"] < 0:
        raise TrainingConfigError("early_stopping_patience must be >= 0 (0 turns early stopping off)")
    if config["early_stopping_threshold"] < 0:
        raise TrainingConfigError("early_stopping_threshold must be >= 0")
    if config["early_stopping_patience"] > 0 and not evaluates:
        raise TrainingConfigError("early_stopping_patience needs eval_samples > 0 (it watches the eval loss)")
    if config["load_best_model_at_end"]:
        if not evaluates:
            raise TrainingConfigError("load_best_model_at_end needs eval_samples > 0 (best = lowest eval loss)")
        if config["save_steps"] % config["eval_steps"] != 0:
            raise TrainingConfigError(
                f"load_best_model_at_end needs save_steps ({config['save_steps']}) to be a multiple of "
                f"eval_steps ({config['eval_steps']}), so every evaluated step has a checkpoint")
    if config["merge_adapter"]:
        folder = Path(config["merge_adapter"])
        if not (folder / "adapter_config.json").is_file():
            raise TrainingConfigError(f'merge_adapter "{folder}" is not a LoRA folder: it has no adapter_config.json')
        if config["quantization"] == "4bit":
            raise TrainingConfigError(
                "merge_adapter cannot merge into 4-bit weights: use --quantization=none, or write the merged "
                "model with python/export.py and pass that folder as --model_name")
        if config["backend"] == "unsloth":
            raise TrainingConfigError(
                "merge_adapter works with backend=transformers: write the merged model with python/export.py "
                "and pass that folder as --model_name to train with Unsloth")


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def resolve_backend(config: dict[str, Any]) -> dict[str, Any]:
    """Decides backend, quantization and optimiser from 'auto' settings and installed packages."""
    backend = config["backend"]
    cpu = config.get("device") == "cpu"  # CPU runs: plain transformers, float32, no bitsandbytes
    merging = bool(config.get("merge_adapter"))  # a merge needs full-precision weights and transformers
    if backend == "auto":
        backend = "unsloth" if have("unsloth") and not cpu and not merging else "transformers"
    if backend == "unsloth" and not have("unsloth"):
        raise RuntimeError("backend=unsloth but unsloth is not installed (pip install 'kz-legal-workbench[unsloth]')")
    quant = config["quantization"]
    if quant == "auto":
        quant = "4bit" if have("bitsandbytes") and not cpu and not merging else "none"
    if quant == "4bit" and not have("bitsandbytes") and backend == "transformers":
        raise RuntimeError("quantization=4bit needs bitsandbytes (pip install bitsandbytes) or use --quantization=none")
    optim = config["optim"]
    if optim == "auto":
        optim = "adamw_8bit" if have("bitsandbytes") and not cpu else "adamw_torch"
    return {"backend": backend, "quantization": quant, "optim": optim}


def run_folder(config: dict[str, Any]) -> Path:
    name = config["run_name"] or f"{config['model_name'].rstrip('/').split('/')[-1].lower()}-lora"
    return Path(config["out_dir"]) / name


def check_resumable(folder: Path, config: dict[str, Any]) -> None:
    saved_path = folder / "config.json"
    if not saved_path.exists():
        return
    saved = json.loads(saved_path.read_text(encoding="utf-8"))
    differ = sorted(k for k in set(saved) | set(config)
                    if k not in RESUME_NEUTRAL and saved.get(k) != config.get(k))
    if differ:
        raise TrainingConfigError(
            f'Run folder "{folder}" was started with other settings ({", ".join(differ)} differ); '
            "use another --run_name, or delete the folder to start over"
        )


def tokenize_rows(rows: list[dict[str, str]], tokenizer: Any, config: dict[str, Any], where: str) -> list[dict[str, list[int]]]:
    """Prompt/answer token ids with the prompt masked (train_on=response) or not (all)."""
    eos = tokenizer.eos_token or ""
    examples = []
    for row in rows:
        if config["prompt_format"] == "alpaca":
            prompt = render_alpaca(row["instruction"], row["input"], "")
        else:
            prompt = render_chat(tokenizer, row["instruction"], row["input"])
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        answer_ids = tokenizer(row["output"] + eos, add_special_tokens=False)["input_ids"]
        example = build_example(prompt_ids, answer_ids, config["max_seq_length"], where=f"{where} row {row['id']}")
        if config["train_on"] == "all":
            example["labels"] = list(example["input_ids"])
        examples.append(example)
    return examples


class ListDataset:
    """A minimal map-style dataset over pre-tokenised examples (torch's Dataset protocol)."""

    def __init__(self, examples: list[dict[str, list[int]]]):
        self.examples = examples

    def __len__(self) -> int:
        return len(self.examples)

    def __getitem__(self, index: int) -> dict[str, list[int]]:
        return self.examples[index]


def make_collator(pad_id: int):
    def collate(batch: list[dict[str, list[int]]]) -> dict[str, Any]:
        import torch

        padded = pad_batch(batch, pad_id, side="right")
        return {k: torch.tensor(v, dtype=torch.long) for k, v in padded.items()}

    return collate


def load_model(config: dict[str, Any], choice: dict[str, Any], device: Any = None) -> tuple[Any, Any]:
    """Model with LoRA attached, and tokenizer, for the chosen backend.

    `device` is this process's device (cuda:LOCAL_RANK under DDP): a 4-bit model is placed there
    when loaded and cannot be moved afterwards.
    """
    import torch

    if choice["backend"] == "unsloth":
        from unsloth import FastLanguageModel  # imported first in run_training, before transformers

        model, tokenizer = FastLanguageModel.from_pretrained(
            model_name=config["model_name"], max_seq_length=config["max_seq_length"], dtype=None,
            load_in_4bit=choice["quantization"] == "4bit")
        model = FastLanguageModel.get_peft_model(
            model, r=config["lora_r"], lora_alpha=config["lora_alpha"], lora_dropout=config["lora_dropout"],
            target_modules=resolve_target_modules(config["lora_target_modules"]), bias="none",
            use_gradient_checkpointing="unsloth" if config["gradient_checkpointing"] else False,
            random_state=config["seed"])
        return model, tokenizer
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(config["model_name"])
    kwargs: dict[str, Any] = {"dtype": torch.bfloat16 if config["bf16"] else torch.float32,
                              "attn_implementation": config["attn_implementation"]}
    if choice["quantization"] == "4bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                                           bnb_4bit_compute_dtype=torch.bfloat16)
        if device is not None:
            kwargs["device_map"] = {"": device}
    model = AutoModelForCausalLM.from_pretrained(config["model_name"], **kwargs)
    if config.get("merge_adapter"):
        model = merge_first_stage(model, config["merge_adapter"])
    return attach_lora(model, config, choice), tokenizer


def merge_first_stage(model: Any, adapter: str | Path) -> Any:
    """The base `model` with the LoRA adapter in `adapter` merged into its weights
    (`PeftModel.from_pretrained(...).merge_and_unload()`): a plain model again, ready for a new LoRA."""
    from peft import PeftModel

    return PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()


def adapter_record(folder: str | Path) -> dict[str, Any]:
    """What summary.json records of a first-stage adapter: path, weights SHA-256 and LoRA settings."""
    from .core.data import sha256_file

    path = Path(folder)
    settings = json.loads((path / "adapter_config.json").read_text(encoding="utf-8"))
    weights = next((path / name for name in ("adapter_model.safetensors", "adapter_model.bin")
                    if (path / name).is_file()), None)
    return {"path": display_path(path), "weights_sha256": sha256_file(weights) if weights else None,
            "base_model_name_or_path": settings.get("base_model_name_or_path"), "r": settings.get("r"),
            "lora_alpha": settings.get("lora_alpha"), "target_modules": settings.get("target_modules")}


def attach_lora(model: Any, config: dict[str, Any], choice: dict[str, Any]) -> Any:
    from peft import LoraConfig, get_peft_model

    if choice["quantization"] == "4bit":
        from peft import prepare_model_for_kbit_training

        # Non-reentrant checkpointing, as below: peft's default leaves torch's reentrant one, which DDP
        # can reject ("Expected to mark a variable ready only once"; seen with find_unused_parameters on).
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=config["gradient_checkpointing"],
                                                gradient_checkpointing_kwargs={"use_reentrant": False})
    elif config["gradient_checkpointing"]:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.enable_input_require_grads()
    lora = LoraConfig(r=config["lora_r"], lora_alpha=config["lora_alpha"], lora_dropout=config["lora_dropout"],
                      target_modules=resolve_target_modules(config["lora_target_modules"]), bias="none",
                      task_type="CAUSAL_LM")
    return get_peft_model(model, lora)


def count_parameters(model: Any) -> dict[str, Any]:
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    return {"trainable_params": trainable, "total_params": total,
            "trainable_percent": round(100.0 * trainable / total, 4) if total else None,
            "note": "4-bit weights are packed, so total_params undercounts a quantized model"}


def training_arguments(config: dict[str, Any], choice: dict[str, Any], folder: Path, has_eval: bool) -> tuple[Any, list[str]]:
    """TrainingArguments across transformers 4.56+ and 5.x; returns it and the names it dropped."""
    import dataclasses

    import transformers
    from transformers import TrainingArguments

    major = int(transformers.__version__.split(".")[0])
    wanted: dict[str, Any] = {
        "output_dir": str(folder / "checkpoints"),
        "per_device_train_batch_size": config["batch_size"],
        "per_device_eval_batch_size": config["batch_size"],
        "gradient_accumulation_steps": config["grad_accum"],
        "learning_rate": config["learning_rate"],
        "lr_scheduler_type": config["lr_scheduler"],
        "num_train_epochs": config["num_epochs"],
        "max_steps": config["max_steps"],
        "weight_decay": config["weight_decay"],
        "optim": choice["optim"],
        "bf16": config["bf16"],
        "logging_steps": config["logging_steps"],
        "save_strategy": "steps",
        "save_steps": config["save_steps"],
        "save_total_limit": config["save_total_limit"],
        "eval_strategy": "steps" if has_eval else "no",
        "eval_steps": config["eval_steps"],
        # the best checkpoint is tracked (and kept through save_total_limit) when it is used
        "load_best_model_at_end": config["load_best_model_at_end"],
        "seed": config["seed"],
        "data_seed": config["data_seed"],
        "report_to": "none",
        "use_cpu": config.get("device") == "cpu",
        "remove_unused_columns": False,
        "dataloader_num_workers": 0,
        "include_num_input_tokens_seen": "non_padding" if major >= 5 else True,
        "gradient_checkpointing": False,  # handled in attach_lora / by Unsloth
        # DDP: every LoRA parameter gets a gradient, so skip the per-step search for unused ones.
        "ddp_find_unused_parameters": False,
    }
    if config["load_best_model_at_end"] or config["early_stopping_patience"] > 0:
        wanted.update(metric_for_best_model="eval_loss", greater_is_better=False)
    # transformers 5 reads a float warmup_steps < 1 as a ratio; warmup_ratio is deprecated there.
    if major >= 5:
        wanted["warmup_steps"] = config["warmup_ratio"]
    else:
        wanted["warmup_ratio"] = config["warmup_ratio"]
    known = {f.name for f in dataclasses.fields(TrainingArguments)}
    dropped = sorted(k for k in wanted if k not in known)
    return TrainingArguments(**{k: v for k, v in wanted.items() if k in known}), dropped


def make_log_callback(path: Path):
    """A TrainerCallback appending one JSON line per log event to `path`."""
    from transformers import TrainerCallback

    class JsonlLogCallback(TrainerCallback):
        def __init__(self):
            self.started = time.perf_counter()
            self.paused = False  # set while evaluating a model that is not the one at state.global_step

        def on_train_begin(self, args, state, control, **kwargs):
            if not state.is_world_process_zero:
                return  # the main process alone owns the log (see on_log)
            # After a resume, drop lines logged beyond the checkpoint (they will be logged again).
            if path.exists() and state.global_step > 0:
                keep = [line for line in path.read_text(encoding="utf-8").splitlines()
                        if line.strip() and json.loads(line).get("step", 0) <= state.global_step]
                path.write_text("".join(line + "\n" for line in keep), encoding="utf-8")
            elif path.exists() and state.global_step == 0:
                path.unlink()

        def on_log(self, args, state, control, logs=None, **kwargs):
            if not state.is_world_process_zero or not logs or self.paused:
                return
            record = {"step": state.global_step, "epoch": state.epoch,
                      "time_s": round(time.perf_counter() - self.started, 3)}
            for key, value in logs.items():
                name = {"learning_rate": "learning_rate"}.get(key, key)
                if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                    record[name] = value
            tokens = getattr(state, "num_input_tokens_seen", None)
            if tokens:
                record["tokens"] = int(tokens)
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")

    return JsonlLogCallback()


def end_distributed() -> None:
    """Destroys the process group a multi-process launch started, if any. Call it before the
    script exits: a gloo/NCCL group left to interpreter shutdown can abort a process after all
    its work is done ("terminate called without an active exception", exit code -6)."""
    try:
        import torch.distributed as dist
    except ImportError:
        return  # no torch, so no process group either
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def last_checkpoint(folder: Path) -> str | None:
    """The newest `checkpoints/checkpoint-N` of a run folder (transformers' get_last_checkpoint)."""
    from transformers.trainer_utils import get_last_checkpoint

    checkpoints = folder / "checkpoints"
    return get_last_checkpoint(str(checkpoints)) if checkpoints.is_dir() else None


def run_training(config: dict[str, Any], model: Any = None, tokenizer: Any = None) -> Path:
    """Trains one LoRA adapter; returns the run folder.

    Every process of a multi-process launch runs this and trains. The main process alone prints
    and writes config.json, environment.json, train_log.jsonl, adapter/ and summary.json; the
    others wait for it at barriers, so each file is written once, and every process returns only
    when the run folder is complete.
    """
    folder = run_folder(config)
    # Read-only checks run in every process, before any process writes (barrier below), so all of
    # them see the same folder and fail together instead of leaving the others waiting.
    check_options(config)
    target_modules = resolve_target_modules(config["lora_target_modules"])
    if config["merge_adapter"] and model is not None and hasattr(model, "peft_config"):
        raise TrainingConfigError("merge_adapter needs a plain base model, but the injected model already has LoRA")
    if config["resume"]:
        check_resumable(folder, config)
    elif folder.exists() and any(folder.iterdir()):
        raise TrainingConfigError(f'Run folder "{folder}" exists and resume=false: pick another --run_name')
    choice = resolve_backend(config) if model is None else {"backend": "injected", "quantization": "none",
                                                           "optim": "adamw_torch" if config["optim"] == "auto" else config["optim"]}
    if choice["backend"] == "unsloth":
        # Unsloth patches transformers and peft when it is imported, so it must come before the
        # first transformers import (TrainingArguments, just below).
        import unsloth  # noqa: F401
    # TrainingArguments starts the process group and picks this process's device (cuda:LOCAL_RANK);
    # a single process gets no group, and its barriers return at once.
    args, dropped = training_arguments(config, choice, folder, has_eval=config["eval_samples"] > 0)
    device = args.device
    is_main = args.process_index == 0
    barrier = args.distributed_state.wait_for_everyone

    def say(text: str) -> None:
        if is_main:
            print(text, flush=True)

    barrier()
    if is_main:
        folder.mkdir(parents=True, exist_ok=True)
        say(format_config(config))
        write_json_atomic(folder / "config.json", config)
    if dropped:
        import transformers

        say(f"WARNING: this transformers ({transformers.__version__}) has no TrainingArguments {dropped}; "
            "they are not applied (recorded in summary.json)")

    import torch
    from transformers import Trainer

    torch.manual_seed(config["seed"])
    if model is None:
        model, tokenizer = load_model(config, choice, device)
    elif not hasattr(model, "peft_config"):
        if config["merge_adapter"]:
            model = merge_first_stage(model, config["merge_adapter"])
        model = attach_lora(model, config, choice)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    if is_main:
        write_json_atomic(folder / "environment.json", capture_environment(probe_gpu=True))

    # Every process tokenises all rows; the Trainer's sampler gives each its share of every batch.
    train_rows = read_alpaca_jsonl(config["train_file"])
    if config["max_train_samples"] > 0:
        train_rows = train_rows[:config["max_train_samples"]]
    train_set = ListDataset(tokenize_rows(train_rows, tokenizer, config, display_path(config["train_file"])))
    eval_set = None
    inputs = {"train": input_record(config["train_file"], len(train_rows))}
    if config["eval_samples"] > 0:
        val_rows = read_alpaca_jsonl(config["val_file"])
        picks = sample_indices(len(val_rows), config["eval_samples"], config["data_seed"])
        eval_set = ListDataset(tokenize_rows([val_rows[i] for i in picks], tokenizer, config,
                                             display_path(config["val_file"])))
        inputs["validation"] = input_record(config["val_file"], len(val_rows))
    label_tokens = sum(sum(1 for x in e["labels"] if x != IGNORE_INDEX) for e in train_set.examples)
    say(f"train examples: {len(train_set)}, label tokens: {label_tokens}, eval examples: "
        f"{len(eval_set) if eval_set else 0}")

    params = count_parameters(model)
    say(f"trainable parameters: {params['trainable_params']:,} of {params['total_params']:,}")
    log_callback = make_log_callback(folder / "train_log.jsonl")
    callbacks = [log_callback]
    if config["early_stopping_patience"] > 0:
        from transformers import EarlyStoppingCallback

        callbacks.append(EarlyStoppingCallback(early_stopping_patience=config["early_stopping_patience"],
                                               early_stopping_threshold=config["early_stopping_threshold"]))
    trainer = Trainer(model=model, args=args, train_dataset=train_set, eval_dataset=eval_set,
                      data_collator=make_collator(tokenizer.pad_token_id), callbacks=callbacks)
    resume_from = last_checkpoint(folder) if config["resume"] else None
    if resume_from:
        say(f"resuming from {resume_from}")
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    output = trainer.train(resume_from_checkpoint=resume_from)
    runtime = time.perf_counter() - started
    # The best checkpoint's weights are loaded now (load_best_model_at_end): its evaluation is not
    # logged at the last step, where the curve would show the best model's loss.
    log_callback.paused = config["load_best_model_at_end"]
    eval_metrics = trainer.evaluate() if eval_set is not None else {}  # collective: every process evaluates

    adapter_dir = folder / "adapter"
    state = trainer.state
    best_checkpoint = getattr(state, "best_model_checkpoint", None)
    summary = {
        "run_name": folder.name,
        "backend": choice,
        "prompt": prompt_spec(config["prompt_format"], tokenizer),
        "train_on": config["train_on"],
        "runtime_s": round(runtime, 3),
        "resumed_from": resume_from,
        "global_step": trainer.state.global_step,
        "epochs": trainer.state.epoch,
        "train_loss": output.training_loss,  # the Trainer averages it over all processes
        "final_eval_loss": eval_metrics.get("eval_loss"),  # of the saved adapter (the best one with load_best_model_at_end)
        # Tracked when load_best_model_at_end or early stopping is on (metric_for_best_model=eval_loss), else null.
        "best_metric": getattr(state, "best_metric", None),
        "best_global_step": getattr(state, "best_global_step", None),
        "best_model_checkpoint": display_path(best_checkpoint) if best_checkpoint else None,
        "load_best_model_at_end": config["load_best_model_at_end"],
        "early_stopping": {
            "patience": config["early_stopping_patience"], "threshold": config["early_stopping_threshold"],
            # stopped before the planned number of steps (only early stopping does that)
            "stopped_early": config["early_stopping_patience"] > 0 and state.global_step < state.max_steps,
            "planned_steps": state.max_steps,
        },
        "lora": {"r": config["lora_r"], "alpha": config["lora_alpha"], "dropout": config["lora_dropout"],
                 "target_modules": target_modules,
                 "target_preset": config["lora_target_modules"] if isinstance(config["lora_target_modules"], str) else None},
        "merged_adapter": adapter_record(config["merge_adapter"]) if config["merge_adapter"] else None,
        "tokens_seen": getattr(trainer.state, "num_input_tokens_seen", None) or None,  # summed over processes
        "label_tokens_per_epoch": label_tokens,
        "train_examples": len(train_set),
        "num_processes": args.world_size,  # effective batch: batch_size x grad_accum x num_processes
        # The main process's GPU; under DDP every GPU holds about as much.
        "peak_gpu_memory_gb": round(torch.cuda.max_memory_allocated() / 1024**3, 3) if torch.cuda.is_available() else None,
        **params,
        "dropped_training_args": dropped,
        "inputs": inputs,
        "adapter": display_path(adapter_dir),
        "metrics": {k: v for k, v in output.metrics.items() if isinstance(v, (int, float))},
    }
    # Every process takes part in saving: under FSDP or ZeRO-3 the LoRA weights are sharded and
    # are gathered first (FSDP: a full state dict; with the sharded type save_model writes no
    # weights at all); the Trainer writes from the main process only.
    if getattr(trainer, "is_fsdp_enabled", False):
        trainer.accelerator.state.fsdp_plugin.set_state_dict_type("FULL_STATE_DICT")
    trainer.save_model(str(adapter_dir))
    if is_main:
        tokenizer.save_pretrained(str(adapter_dir))
        write_json_atomic(folder / "summary.json", summary)
        say(f"adapter: {adapter_dir}\nsummary: {folder / 'summary.json'}")
    barrier()  # the others return only once the adapter and summary exist
    return folder
