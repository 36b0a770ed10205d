"""`--help` (or `-h`) on every script prints what it does and every setting with its default, and
exits 0 before anything is imported or checked (so it works with any python3)."""

import subprocess
import sys

import pytest

from conftest import PYTHON_DIR, REPO_ROOT


@pytest.mark.parametrize("script,setting,note", [
    ("train.py", "--lora_r=", None),
    ("benchmark.py", '--system="hf"', "hf (transformers) | vllm | http"),
    ("export.py", "--adapter=", None),
    ("bench_throughput.py", "--batch_sizes=", None),
    ("rescore_peer.py", '--results="data/results"', "a folder of legacy result files"),
])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_settings_and_exits_0(script, setting, note, flag):
    result = subprocess.run([sys.executable, str(PYTHON_DIR / script), flag], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    first_line = (PYTHON_DIR / script).read_text(encoding="utf-8").split('"""')[1].strip().splitlines()[0]
    assert result.stdout.startswith(first_line)
    assert "Settings (default shown" in result.stdout
    assert setting in result.stdout
    if note:
        assert note in result.stdout, "the comment beside the default is shown"
    assert result.stderr == ""
