"""Training logs: Hugging Face `trainer_state.json` (`log_history`) and this project's
per-step JSONL (`train_log.jsonl` in a run folder), read into one record shape:

    {"step": int, "epoch": float|None, "loss": float|None, "learning_rate": float|None,
     "grad_norm": float|None, "eval_loss": float|None, "tokens": int|None}

Training-log lines and evaluation lines of the same step are kept as separate records (as
the Trainer logs them); `final` holds the end-of-training summary (train_runtime, train_loss...).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

FIELDS = ("step", "epoch", "loss", "learning_rate", "grad_norm", "eval_loss", "tokens")
FINAL_KEYS = ("train_runtime", "train_loss", "train_samples_per_second", "train_steps_per_second",
              "total_flos")
# The end-of-training summary is the entry with train_loss or total_flos. Not train_runtime:
# transformers 5 adds train_runtime and train_tokens_per_second to every training-loss entry.
SUMMARY_MARKERS = ("train_loss", "total_flos")
ALIASES = {"lr": "learning_rate", "num_input_tokens_seen": "tokens"}


class TrainingLogError(ValueError):
    """A training log cannot be read; names the file and the entry."""


def _number(value: Any, where: str, key: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TrainingLogError(f"{where}: {key} must be a number, got {json.dumps(value)}")
    return float(value) if math.isfinite(value) else None


def normalise_entry(entry: dict[str, Any], where: str) -> dict[str, Any] | None:
    """One log entry -> record; None for the final summary entry or entries without a step."""
    if not isinstance(entry, dict):
        raise TrainingLogError(f"{where}: expected an object")
    if any(k in entry for k in SUMMARY_MARKERS):
        return None
    data = {ALIASES.get(k, k): v for k, v in entry.items()}
    if "step" not in data:
        raise TrainingLogError(f"{where}: step is missing")
    if isinstance(data["step"], bool) or not isinstance(data["step"], int):
        raise TrainingLogError(f"{where}: step must be an integer, got {json.dumps(data['step'])}")
    record: dict[str, Any] = {"step": data["step"]}
    for key in FIELDS[1:]:
        value = _number(data.get(key), where, key)
        record[key] = int(value) if key == "tokens" and value is not None else value
    if all(record[k] is None for k in ("loss", "eval_loss", "learning_rate", "grad_norm")):
        return None  # e.g. a bare epoch marker
    return record


def parse_trainer_state(path: str | Path) -> dict[str, Any]:
    """Reads `trainer_state.json`: records, final summary, and the state's own counters."""
    file = Path(path)
    try:
        state = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise TrainingLogError(f'"{file}" is not valid JSON (line {error.lineno})') from error
    history = state.get("log_history") if isinstance(state, dict) else None
    if not isinstance(history, list):
        raise TrainingLogError(f'"{file}": log_history is missing or not a list')
    records, final = [], {}
    for index, entry in enumerate(history):
        record = normalise_entry(entry, f'"{file}" log_history[{index}]')
        if record is None and isinstance(entry, dict):
            final.update({k: v for k, v in entry.items() if k in FINAL_KEYS})
        elif record is not None:
            records.append(record)
    return {"records": records, "final": final, "global_step": state.get("global_step"),
            "max_steps": state.get("max_steps"), "num_train_epochs": state.get("num_train_epochs")}


def parse_jsonl_log(path: str | Path) -> list[dict[str, Any]]:
    """Reads this project's `train_log.jsonl` (one object per logging event)."""
    file = Path(path)
    records = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise TrainingLogError(f'"{file}" line {number}: not valid JSON') from error
        record = normalise_entry(entry, f'"{file}" line {number}')
        if record is not None:
            records.append(record)
    return records


def read_training_log(path: str | Path) -> list[dict[str, Any]]:
    """A run folder (train_log.jsonl, else the newest checkpoint's trainer_state.json), a
    trainer_state.json, or a .jsonl log."""
    target = Path(path)
    if target.is_dir():
        if (target / "train_log.jsonl").exists():
            return parse_jsonl_log(target / "train_log.jsonl")
        states = sorted(target.glob("**/trainer_state.json"),
                        key=lambda p: int(p.parent.name.split("-")[-1]) if p.parent.name.split("-")[-1].isdigit() else -1)
        if not states:
            raise TrainingLogError(f'"{target}" holds neither train_log.jsonl nor a trainer_state.json')
        return parse_trainer_state(states[-1])["records"]
    if target.suffix == ".jsonl":
        return parse_jsonl_log(target)
    return parse_trainer_state(target)["records"]
