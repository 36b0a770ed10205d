"""Validation of result files against `lib/results/result_v1.schema.json`.

Two engines give the same verdicts (tested on the shared fixtures and on mutations of them):

- `jsonschema` (Draft 2020-12) when it can be imported (Debian: `python3-jsonschema`);
- a small standard-library validator for exactly the keywords the schema uses. It refuses
  a schema with any other keyword, so a schema change cannot be silently half-checked.

Errors are reported like the TypeScript reader (`lib/results/_validate.ts`): a JSON path
such as `samples[1].prediction` and a sentence, e.g. `samples[1].prediction is missing`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

REPO_ROOT = Path(__file__).resolve().parents[3]
SCHEMA_V1_PATH = REPO_ROOT / "lib" / "results" / "result_v1.schema.json"
SCHEMA_VERSION = 1

# Keywords the standard-library engine understands. Annotations are accepted and ignored.
_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs", "default", "examples"}
_ASSERTIONS = {
    "type", "required", "properties", "additionalProperties", "items", "enum", "const",
    "pattern", "minimum", "exclusiveMinimum", "minItems", "minProperties", "minLength",
    "anyOf", "$ref",
}


class ResultValidationError(ValueError):
    """A document does not match the schema; `path` is the JSON path of the first error."""

    def __init__(self, where: str, path: str, message: str):
        super().__init__(f'Invalid result file "{where}": {message}')
        self.where = where
        self.path = path
        self.detail = message


@dataclass(frozen=True)
class Problem:
    """The first problem found: JSON path and a sentence naming it."""

    path: str
    message: str


def load_schema(path: Path = SCHEMA_V1_PATH) -> dict:
    """Reads the schema file; errors name the file."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FileNotFoundError(f'Cannot read schema "{path}": file not found') from error


# ---------------------------------------------------------------- JSON paths (as in _validate.ts)

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: list[str | int] | tuple[str | int, ...]) -> str:
    """`["samples", 1, "prediction"]` -> `samples[1].prediction`; `[]` -> `(root)`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += part if out == "" else f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "(root)"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, bool):
        return f"boolean {json.dumps(value)}"
    if isinstance(value, (int, float)):
        return f"number {json.dumps(value)}"
    return f"string {json.dumps(value, ensure_ascii=False)}"


# ---------------------------------------------------------------- standard-library engine


def _is_type(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if name == "integer":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    raise ValueError(f'Unsupported JSON Schema type "{name}"')


def _json_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _resolve(root: dict, ref: str) -> dict:
    if not ref.startswith("#/"):
        raise ValueError(f'Unsupported $ref "{ref}": only "#/..." references are supported')
    node: Any = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise ValueError(f'Cannot resolve $ref "{ref}"')
        node = node[part]
    return node


def _stdlib_errors(root: dict, schema: dict, value: Any, path: list) -> Iterator[Problem]:
    """Yields problems in keyword order; callers take the first."""
    unknown = set(schema) - _ANNOTATIONS - _ASSERTIONS
    if unknown:
        raise ValueError(
            f"The standard-library validator does not support keyword(s) {sorted(unknown)}; "
            "install jsonschema or extend workbench/core/schema.py"
        )
    here = json_path(path)
    if "$ref" in schema:
        yield from _stdlib_errors(root, _resolve(root, schema["$ref"]), value, path)
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, n) for n in names):
            yield Problem(here, f"{here} must be {','.join(names)}, got {_describe(value)}")
            return
    if "const" in schema and not _json_equal(value, schema["const"]):
        yield Problem(here, f"{here} must be {json.dumps(schema['const'])}, got {_describe(value)}")
    if "enum" in schema and not any(_json_equal(value, v) for v in schema["enum"]):
        allowed = ", ".join(json.dumps(v) for v in schema["enum"])
        yield Problem(here, f"{here} must be one of {allowed}, got {_describe(value)}")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            yield Problem(here, f"{here} must have at least {schema['minLength']} character(s)")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            yield Problem(here, f'{here} must match pattern "{schema["pattern"]}"')
    if _is_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            yield Problem(here, f"{here} must be >= {schema['minimum']}, got {_describe(value)}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            yield Problem(here, f"{here} must be > {schema['exclusiveMinimum']}, got {_describe(value)}")
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            yield Problem(here, f"{here} must have at least {schema['minItems']} item(s)")
        if "items" in schema:
            for index, item in enumerate(value):
                yield from _stdlib_errors(root, schema["items"], item, path + [index])
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                yield Problem(json_path(path + [name]), f"{json_path(path + [name])} is missing")
        if "minProperties" in schema and len(value) < schema["minProperties"]:
            yield Problem(here, f"{here} must have at least {schema['minProperties']} field(s)")
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                yield from _stdlib_errors(root, properties[key], item, path + [key])
            elif extra is False:
                where = json_path(path + [key])
                yield Problem(where, f"{where} is not an allowed field")
            elif isinstance(extra, dict):
                yield from _stdlib_errors(root, extra, item, path + [key])
    if "anyOf" in schema:
        firsts = []
        for branch in schema["anyOf"]:
            first = next(_stdlib_errors(root, branch, value, path), None)
            if first is None:
                break
            firsts.append(first)
        else:
            # Like the TypeScript reader: report the first branch's concrete problem.
            yield firsts[0]


def validate_stdlib(document: Any, schema: dict) -> Problem | None:
    """Returns the first problem, or None when `document` is valid (standard library only)."""
    return next(_stdlib_errors(schema, schema, document, []), None)


# ---------------------------------------------------------------- jsonschema engine


def _problem_from_jsonschema(error: Any) -> Problem:
    # For an anyOf with no passing branch, report the first branch's first error.
    while error.validator == "anyOf" and error.context:
        error = min(error.context, key=lambda e: (list(e.relative_schema_path)[:1], len(e.path)))
    path = list(error.absolute_path)
    value = error.instance
    if error.validator == "required":
        missing = next(name for name in error.validator_value if name not in value)
        where = json_path(path + [missing])
        return Problem(where, f"{where} is missing")
    if error.validator == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = next(key for key in value if key not in allowed)
        where = json_path(path + [extra])
        return Problem(where, f"{where} is not an allowed field")
    here = json_path(path)
    if error.validator == "type":
        names = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return Problem(here, f"{here} must be {','.join(names)}, got {_describe(value)}")
    if error.validator == "const":
        return Problem(here, f"{here} must be {json.dumps(error.validator_value)}, got {_describe(value)}")
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v) for v in error.validator_value)
        return Problem(here, f"{here} must be one of {allowed}, got {_describe(value)}")
    return Problem(here, f"{here} {error.message}")


def validate_jsonschema(document: Any, schema: dict) -> Problem | None:
    """Returns the first problem found by `jsonschema` (Draft 2020-12), or None when valid."""
    import jsonschema  # Debian: python3-jsonschema; not needed by the stdlib engine

    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(document))
    if not errors:
        return None
    # Like the TypeScript reader: a concrete error first; an anyOf only when nothing else failed.
    concrete = [e for e in errors if e.validator != "anyOf"]
    return _problem_from_jsonschema(jsonschema.exceptions.best_match(concrete) if concrete else errors[0])


def have_jsonschema() -> bool:
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return False
    return True


def validate_result(document: Any, where: str = "<memory>", schema: dict | None = None,
                    engine: str = "auto") -> None:
    """Raises `ResultValidationError` naming `where`, the JSON path and the problem.

    `engine`: "auto" (jsonschema when importable, else stdlib), "jsonschema" or "stdlib".
    """
    schema = schema if schema is not None else load_schema()
    if engine == "auto":
        engine = "jsonschema" if have_jsonschema() else "stdlib"
    if engine == "jsonschema":
        problem = validate_jsonschema(document, schema)
    elif engine == "stdlib":
        problem = validate_stdlib(document, schema)
    else:
        raise ValueError(f'Unknown validation engine "{engine}": expected auto, jsonschema or stdlib')
    if problem is not None:
        raise ResultValidationError(where, problem.path, problem.message)
