"""Configuration in the nanoGPT manner: visible defaults in the script, then a JSON config
file, then `--key=value` command-line overrides. An unknown key is an error, never ignored,
and a value must have the type of its default. The resolved configuration is saved with the run.

    defaults = {"learning_rate": 2e-4, "batch_size": 4}
    config = resolve_config(defaults, ["--config=python/configs/qwen3_4b.json", "--batch_size=2"])
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping, Sequence


class ConfigError(ValueError):
    """A configuration file or override is wrong; the message names the source and the key."""


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list",
            dict: "object"}.get(type(value), type(value).__name__)


def coerce(key: str, value: Any, default: Any, source: str) -> Any:
    """Checks that `value` fits the type of `default` (int fits float; None default accepts any)."""
    if default is None or value is None:
        return value
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, type(value)):
        return value
    raise ConfigError(
        f"{source}: {key} must be {_type_name(default)} (like its default {json.dumps(default)}), "
        f"got {_type_name(value)} {json.dumps(value, ensure_ascii=False)}"
    )


def parse_override_value(text: str) -> Any:
    """`--lr=1e-4` -> 0.0001, `--flag=true` -> True, `--x=[1,2]` -> [1, 2]; else the raw string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def load_config_file(path: str | Path) -> dict[str, Any]:
    """Reads a JSON object; keys starting with `_` are comments and are dropped."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f'Config file "{file}" does not exist') from error
    except json.JSONDecodeError as error:
        raise ConfigError(f'Config file "{file}" is not valid JSON: line {error.lineno}: {error.msg}') from error
    if not isinstance(data, dict):
        raise ConfigError(f'Config file "{file}" must hold a JSON object, got {_type_name(data)}')
    return {k: v for k, v in data.items() if not k.startswith("_")}


def apply(config: dict[str, Any], updates: Mapping[str, Any], defaults: Mapping[str, Any],
          source: str, alternatives: Mapping[str, Sequence[Any]] | None = None) -> None:
    for key, value in updates.items():
        if key not in defaults:
            close = [k for k in defaults if k.split("_")[0] == key.split("_")[0]][:5]
            hint = f" (did you mean one of {close}?)" if close else ""
            raise ConfigError(f'{source}: unknown config key "{key}"{hint}')
        config[key] = coerce_any(key, value, [defaults[key], *(alternatives or {}).get(key, ())], source)


def coerce_any(key: str, value: Any, examples: Sequence[Any], source: str) -> Any:
    """`coerce` against the first of `examples` whose type `value` fits (the default first)."""
    for example in examples[1:]:
        try:
            return coerce(key, value, example, source)
        except ConfigError:
            continue
    try:
        return coerce(key, value, examples[0], source)
    except ConfigError as error:
        if len(examples) == 1:
            raise
        kinds = " or ".join(_type_name(e) for e in examples)
        raise ConfigError(f"{source}: {key} must be {kinds}, got {_type_name(value)} "
                          f"{json.dumps(value, ensure_ascii=False)}") from error


def resolve_config(defaults: Mapping[str, Any], argv: Sequence[str],
                   choices: Mapping[str, Sequence[Any]] | None = None,
                   alternatives: Mapping[str, Sequence[Any]] | None = None) -> dict[str, Any]:
    """Defaults, then every `--config=FILE` (in order), then `--key=value` overrides.

    `--key value` (space-separated) is accepted too. `choices` restricts some keys to listed values.
    `alternatives` lets a key take other types than its default's: `{"lora_target_modules": [""]}`
    accepts a string as well as the default list. Returns a new dict with the keys of `defaults`,
    in their order.
    """
    config = dict(defaults)
    pending: list[tuple[str, str]] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("--"):
            raise ConfigError(f'Command line: expected --key=value, got "{arg}"')
        if "=" in arg:
            key, text = arg[2:].split("=", 1)
        else:
            if i + 1 >= len(args):
                raise ConfigError(f'Command line: "{arg}" needs a value (--key=value)')
            key, text = arg[2:], args[i + 1]
            i += 1
        key = key.replace("-", "_")
        if key == "config":
            apply(config, load_config_file(text), defaults, f'Config file "{text}"', alternatives)
        else:
            pending.append((key, text))
        i += 1
    for key, text in pending:
        default = defaults.get(key)
        value = text if isinstance(default, str) else parse_override_value(text)
        apply(config, {key: value}, defaults, f"Command line --{key}", alternatives)
    for key, allowed in (choices or {}).items():
        if config[key] not in allowed:
            raise ConfigError(
                f"Config: {key} must be one of {list(allowed)}, got {json.dumps(config[key])}"
            )
    return config


def format_config(config: Mapping[str, Any]) -> str:
    """One `key = value` line per setting, for the top of a run's log."""
    width = max((len(k) for k in config), default=0)
    return "\n".join(f"{k:<{width}} = {json.dumps(v, ensure_ascii=False)}" for k, v in config.items())


def wants_help(argv: Sequence[str]) -> bool:
    """True when the command line asks for help (`-h` or `--help` anywhere)."""
    return any(a in ("-h", "--help") for a in argv)


def help_text(doc: str | None, defaults: Mapping[str, Any], script: str | Path,
              choices: Mapping[str, Sequence[Any]] | None = None) -> str:
    """The script's docstring, then one line per setting: `--key=default`, its choices, and the
    comment written beside the key in the script's `DEFAULTS` (read from its source)."""
    comments: dict[str, str] = {}
    try:
        for line in Path(script).read_text(encoding="utf-8").splitlines():
            m = re.match(r'\s*"(\w+)":.*?#\s*(.+)$', line)
            if m and m.group(1) in defaults and m.group(1) not in comments:
                comments[m.group(1)] = m.group(2).strip()
    except OSError:
        pass
    rows = []
    for key, value in defaults.items():
        left = f"--{key}={json.dumps(value, ensure_ascii=False)}"
        notes = []
        if choices and key in choices and "|" not in comments.get(key, ""):
            notes.append("one of " + ", ".join(str(c) for c in choices[key]))
        if key in comments:
            notes.append(comments[key])
        rows.append((left, "; ".join(notes)))
    width = min(max((len(left) for left, _ in rows), default=0), 44)
    lines = [(doc or "").strip(), "", "Settings (default shown; --key=value or --key value, --config=FILE.json):"]
    for left, note in rows:
        lines.append(f"  {left:<{width}}  {note}".rstrip() if note else f"  {left}")
    return "\n".join(lines) + "\n"
