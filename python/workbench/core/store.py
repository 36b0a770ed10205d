"""Per-sample JSONL store with resume.

Each generation batch is appended as lines and fsync'ed, so an interruption loses at most the
batch in flight. The first line is a header with a fingerprint of the settings that change
predictions; resuming with other settings is refused instead of mixing two runs in one file.
A torn last line (the process died mid-write) is dropped on open, with a message.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Iterable

from .atomic import write_text_atomic


class StoreError(ValueError):
    """The JSONL store cannot be resumed as asked."""


class SampleStore:
    """`done` holds the ids already written; `append()` writes one batch durably."""

    def __init__(self, path: str | Path, header: dict[str, Any], resume: bool = True):
        self.path = Path(path)
        self.header = json.loads(json.dumps(header))  # detach, JSON-normalised
        self.records: list[dict[str, Any]] = []
        if self.path.exists() and resume:
            self._load()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps({"header": self.header}, ensure_ascii=False) + "\n")

    @property
    def done(self) -> set[str]:
        return {r["id"] for r in self.records}

    def _load(self) -> None:
        text = self.path.read_text(encoding="utf-8")
        lines = text.split("\n")
        good: list[str] = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                if number >= len(lines) - 1:  # the last line: torn by an interruption
                    print(f'{self.path}: dropping a torn last line ({len(line)} bytes)', file=sys.stderr)
                    continue
                raise StoreError(f'Sample store "{self.path}" line {number}: not valid JSON')
            if number == 1:
                saved = obj.get("header") if isinstance(obj, dict) else None
                if saved != self.header:
                    diff = sorted(k for k in set(saved or {}) | set(self.header)
                                  if (saved or {}).get(k) != self.header.get(k))
                    raise StoreError(
                        f'Sample store "{self.path}" was written with other settings ({", ".join(diff)} '
                        "differ); pass --resume=false to start over or use another --out"
                    )
            else:
                self.records.append(obj)
            good.append(line)
        if len(good) == 0:
            raise StoreError(f'Sample store "{self.path}" has no header line')
        if "\n".join(good) + "\n" != text:
            write_text_atomic(self.path, "\n".join(good) + "\n")

    def append(self, records: Iterable[dict[str, Any]]) -> None:
        batch = list(records)
        if not batch:
            return
        seen = self.done
        for r in batch:
            if r["id"] in seen:
                raise StoreError(f'Sample store "{self.path}": id {r["id"]!r} is already written')
            seen.add(r["id"])
        payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        self.records.extend(batch)

    def ordered(self, ids: list[str]) -> list[dict[str, Any]]:
        """Records in manifest order; raises if one is missing."""
        by_id = {r["id"]: r for r in self.records}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise StoreError(f'Sample store "{self.path}" lacks {len(missing)} id(s), e.g. {missing[:3]}')
        return [by_id[i] for i in ids]
