"""Reading Alpaca-format JSONL (instruction / input / output) with errors that name file and line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


class DataError(ValueError):
    """A data file is malformed; the message names the file, the line and what was expected."""


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_alpaca_jsonl(path: str | Path, extra_fields: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Rows in file order, skipping blank lines. Each row gets `id`: its 0-based row index as a
    string (stable while the file is unchanged; manifests record the file's SHA-256).

    `extra_fields` are kept when a row has them (a string or an integer each), e.g.
    `("source", "chunk")` for a chunked corpus whose rows name their document and position."""
    file = Path(path)
    if not file.is_file():
        raise DataError(f'Data file "{file}" does not exist')
    rows: list[dict[str, str]] = []
    with open(file, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj: Any = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(f'Data file "{file}" line {line_no}: not valid JSON ({error.msg})') from error
            if not isinstance(obj, dict):
                raise DataError(f'Data file "{file}" line {line_no}: expected a JSON object')
            for key in ("instruction", "output"):
                if not isinstance(obj.get(key), str):
                    raise DataError(
                        f'Data file "{file}" line {line_no}: "{key}" must be a string, got {json.dumps(obj.get(key))}'
                    )
            value = obj.get("input", "")
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise DataError(f'Data file "{file}" line {line_no}: "input" must be a string')
            row: dict[str, Any] = {"id": str(len(rows)), "instruction": obj["instruction"], "input": value,
                                   "output": obj["output"]}
            for key in extra_fields:
                extra = obj.get(key)
                if extra is None:
                    continue
                if isinstance(extra, bool) or not isinstance(extra, (str, int)):
                    raise DataError(f'Data file "{file}" line {line_no}: "{key}" must be a string or an integer, '
                                    f"got {json.dumps(extra)}")
                row[key] = extra
            rows.append(row)
    if not rows:
        raise DataError(f'Data file "{file}" holds no rows')
    return rows


REPO_ROOT = Path(__file__).resolve().parents[3]


def display_path(path: str | Path) -> str:
    """A path as recorded in result files: relative to the repository root when inside it
    (so files do not depend on where the repository is checked out), else absolute."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return absolute.as_posix()


def input_record(path: str | Path, rows: int | None = None) -> dict[str, Any]:
    """An `inputs` entry of a result file: path, SHA-256 and row count."""
    record: dict[str, Any] = {"path": display_path(path), "sha256": sha256_file(path)}
    if rows is not None:
        record["rows"] = rows
    return record


QUESTION_LABELS_PATH = REPO_ROOT / "lib" / "text" / "question_labels.json"


def _question_labels_rules() -> dict[str, Any]:
    """The study's labelling rules as the TypeScript reader declares them (one file for both
    languages, so the labels written here and derived there cannot drift)."""
    try:
        rules = json.loads(QUESTION_LABELS_PATH.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataError(f'Cannot read the labelling rules "{QUESTION_LABELS_PATH}": {error}') from error
    if rules.get("format") != "workbench-question-labels" or rules.get("version") != 1:
        raise DataError(f'Labelling rules "{QUESTION_LABELS_PATH}": expected format "workbench-question-labels", '
                        f"version 1, got {rules.get('format')!r}, version {rules.get('version')!r}")
    return rules


_RULES = _question_labels_rules()
KZ_LETTERS = set(_RULES["legacy_kazakh_letters"])
DOMAIN_KEYWORDS: list[tuple[str, list[str]]] = [(d["domain"], list(d["keywords"])) for d in _RULES["domains"]]


def detect_language(text: str) -> str:
    """The study's rule: any Kazakh-specific letter -> "kz", else "ru" (`legacyLanguage` in
    lib/text/language.ts, letters from lib/text/question_labels.json)."""
    return "kz" if any(ch in KZ_LETTERS for ch in text) else "ru"


def classify_domain(text: str) -> str:
    """The study's rule: the first domain (in the declared order) one of whose keywords is a
    substring of the lower-cased text, else "other" (`primaryDomain` in lib/text/domain.ts).
    Keywords are compared as declared: the study's upper-case "НДС"/"ҚҚС" never match."""
    lower = text.lower()
    for domain, keywords in DOMAIN_KEYWORDS:
        if any(keyword and keyword in lower for keyword in keywords):
            return domain
    return "other"


def question_labels(instruction: str, input_text: str, reference: str) -> dict[str, str]:
    """Language and domain of a question by the study's rules, on its text joined as the study
    joined it (instruction, input and reference, one space between): what `questionLabels` in
    lib/text/question_labels.ts gives and what the reader derives for files without labels."""
    text = f"{instruction} {input_text} {reference}"
    return {"language": detect_language(text), "domain": classify_domain(text)}
