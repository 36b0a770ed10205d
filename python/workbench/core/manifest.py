"""Seeded sampling of validation ids into a manifest that is identical across runs.

The study drew its benchmark questions with `random.seed(42); random.sample(data, n)`.
`random.sample` picks positions from the population's length only, so sampling
`range(len(rows))` with `random.Random(seed)` selects exactly the study's rows, in the same order.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from .atomic import write_json_atomic
from .data import read_alpaca_jsonl, sha256_file

MANIFEST_VERSION = 1
METHOD = ("random.Random(seed).sample(range(rows), n) over the file's non-blank rows "
          "(same picks and order as the study's random.seed(seed); random.sample(data, n)); "
          "all rows in file order when n >= rows")


class ManifestError(ValueError):
    """A manifest does not match the data file or the requested sample."""


def sample_indices(total: int, n: int, seed: int) -> list[int]:
    if total < 1:
        raise ValueError("cannot sample from an empty file")
    if n <= 0 or n >= total:
        return list(range(total))
    return random.Random(seed).sample(range(total), n)


def build_manifest(data_path: str | Path, n: int, seed: int) -> dict[str, Any]:
    rows = read_alpaca_jsonl(data_path)
    picks = sample_indices(len(rows), n, seed)
    return {
        "manifest_version": MANIFEST_VERSION,
        "source": str(data_path),
        "sha256": sha256_file(data_path),
        "rows": len(rows),
        "n": len(picks),
        "requested_n": n,
        "seed": seed,
        "method": METHOD,
        "ids": [rows[i]["id"] for i in picks],
    }


def load_or_create_manifest(data_path: str | Path, n: int, seed: int,
                            manifest_path: str | Path | None = None) -> dict[str, Any]:
    """Returns the manifest; with `manifest_path`, reuses the file there (checking that the data
    file, n and seed still match) or writes it atomically."""
    fresh = build_manifest(data_path, n, seed)
    if manifest_path is None:
        return fresh
    path = Path(manifest_path)
    if path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        for key in ("sha256", "requested_n", "seed", "ids"):
            if saved.get(key) != fresh[key]:
                raise ManifestError(
                    f'Manifest "{path}": {key} differs from a fresh draw over "{data_path}" '
                    f"(saved {json.dumps(saved.get(key))[:80]}, now {json.dumps(fresh[key])[:80]}); "
                    "the data file, --n or --seed changed: use another manifest path"
                )
        return saved
    write_json_atomic(path, fresh)
    return fresh


def select(rows: list[dict[str, str]], manifest: dict[str, Any]) -> list[dict[str, str]]:
    by_id = {row["id"]: row for row in rows}
    missing = [i for i in manifest["ids"] if i not in by_id]
    if missing:
        raise ManifestError(f"Manifest ids not in the data file: {missing[:5]}")
    return [by_id[i] for i in manifest["ids"]]
