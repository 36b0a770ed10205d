"""Puts python/ on sys.path so tests import `workbench` without installing the package, and
provides `need_module` for tests of optional heavy dependencies."""

import importlib
import os
import sys
from pathlib import Path
from types import ModuleType

PYTHON_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = PYTHON_DIR.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(PYTHON_DIR) not in sys.path:
    sys.path.insert(0, str(PYTHON_DIR))

# Set to 1 where the ML stack is meant to be installed (CI, the test venv): a missing module is
# then a failure, so the ML tests cannot pass by being skipped.
REQUIRE_ML_ENV = "WORKBENCH_REQUIRE_ML_TESTS"


def ml_tests_required() -> bool:
    return os.environ.get(REQUIRE_ML_ENV, "").strip().lower() in ("1", "true", "yes")


def need_module(name: str, reason: str | None = None) -> ModuleType:
    """Imports and returns module `name`. Where it is missing, skips the calling test module (or
    test) with `reason`, or fails when WORKBENCH_REQUIRE_ML_TESTS=1."""
    import pytest

    __tracebackhide__ = True  # pytest reports the skip or failure at the caller's line
    reason = reason or (f"{name} is not installed: the ML tests need torch, transformers, peft, accelerate "
                        "and tokenizers (python/requirements/torch-cpu.txt)")
    if not ml_tests_required():
        return pytest.importorskip(name, reason=reason)
    try:
        return importlib.import_module(name)
    except ImportError as error:
        problem = f"{type(error).__name__}: {error}"
    pytest.fail(f"{reason}; {REQUIRE_ML_ENV}=1 makes this a failure, not a skip ({problem})", pytrace=False)
