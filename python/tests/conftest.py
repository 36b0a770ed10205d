"""Puts python/ on sys.path so tests import `workbench` without installing the package."""

import sys
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = PYTHON_DIR.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(PYTHON_DIR) not in sys.path:
    sys.path.insert(0, str(PYTHON_DIR))
