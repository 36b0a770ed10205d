"""Checks a script runs before it writes anything: the packages it needs are importable, and a
GPU run has a GPU. A missing package is a clear message naming the interpreter and what to run
instead, never a bare ModuleNotFoundError halfway through a run.
"""

from __future__ import annotations

import importlib.util
import sys

# import name -> distribution name (what pip installs)
PIP_NAMES = {"sklearn": "scikit-learn", "bert_score": "bert-score"}

CPU_HINT = ("On a CPU machine, use the project environment that `deno task setup` builds: "
            "`npx -y deno@2.9.6 task setup --for {target}`, then run `.venv/bin/python {script} ...` "
            "(or set WORKBENCH_PYTHON to an interpreter that has them).")


class Unavailable(RuntimeError):
    """A package or device the run needs is missing; the message says what to do."""


def missing_modules(modules: list[str]) -> list[str]:
    """The modules in `modules` that this interpreter cannot import (found without importing)."""
    missing = []
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def require_modules(modules: list[str], what: str, script: str, target: str) -> None:
    """Raises Unavailable naming the missing distributions, the interpreter and the remedy."""
    missing = missing_modules(modules)
    if missing:
        names = ", ".join(PIP_NAMES.get(m, m) for m in missing)
        raise Unavailable(f"{what} needs {names}, which {sys.executable} cannot import. "
                          + CPU_HINT.format(target=target, script=script))
