import subprocess
import sys

from conftest import PYTHON_DIR

CODE = r"""
import sys, pkgutil, importlib
before = set(sys.modules)
import workbench.core as core
for m in pkgutil.iter_modules(core.__path__):
    importlib.import_module("workbench.core." + m.name)
bad = sorted({name.split(".")[0] for name in set(sys.modules) - before}
             - set(sys.stdlib_module_names) - {"workbench", "__main__", "_distutils_hack", "sitecustomize",
                                               "usercustomize", "_sitebuiltins"})
print(",".join(bad))
"""


def test_core_imports_only_the_standard_library():
    out = subprocess.run([sys.executable, "-c", CODE], cwd=PYTHON_DIR, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"workbench.core imported third-party modules: {out.stdout}"
