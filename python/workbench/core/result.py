"""Building, validating and atomically writing schema-v1 result files."""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path
from typing import Any, Iterable

from .atomic import write_json_atomic
from .schema import SCHEMA_VERSION, validate_result


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def summarise(samples: Iterable[dict[str, Any]], extra: dict[str, list[float]] | None = None,
              note: str = "mean over samples; confidence intervals are computed by lib/stats "
                          "(bootstrap) when the file is read") -> dict[str, dict[str, Any]]:
    """Mean and n per metric found in `samples[*].metrics` (nulls skipped), plus latency_s."""
    columns: dict[str, list[float]] = {}
    for sample in samples:
        for name, value in (sample.get("metrics") or {}).items():
            if value is not None:
                columns.setdefault(name, []).append(float(value))
        if sample.get("latency_s") is not None:
            columns.setdefault("latency_s", []).append(float(sample["latency_s"]))
    for name, values in (extra or {}).items():
        columns[name] = list(values)
    return {
        name: {"mean": math.fsum(values) / len(values), "lo": None, "hi": None, "n": len(values), "note": note}
        for name, values in columns.items() if values
    }


def build_result(run: dict[str, Any], *, samples: list[dict[str, Any]] | None = None,
                 summary: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    """A result document; `fields` are other top-level keys (config, environment, inputs,
    decoding, runtime, metric_signatures, missing_metrics, source). None values are dropped."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "run": run, "created_at": utc_now()}
    for key, value in fields.items():
        if value is not None:
            document[key] = value
    if summary:
        document["summary"] = summary
    if samples:
        document["samples"] = samples
    return document


def write_result(path: str | Path, document: dict[str, Any]) -> Path:
    """Validates against the v1 schema (raising with file and JSON path) and writes atomically."""
    validate_result(document, str(path))
    return write_json_atomic(path, document)
