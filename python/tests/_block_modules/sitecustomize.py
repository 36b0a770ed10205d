"""Test helper: with this folder on PYTHONPATH, the modules named in WORKBENCH_TEST_BLOCK_MODULES
(comma-separated top-level names) cannot be imported, as on a machine without them. Used to run
the scripts as they would run on an interpreter that lacks scikit-learn or torch."""

import importlib.abc
import os
import sys

BLOCKED = {name.strip() for name in os.environ.get("WORKBENCH_TEST_BLOCK_MODULES", "").split(",") if name.strip()}


class _Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None


if BLOCKED:
    sys.meta_path.insert(0, _Blocker())
