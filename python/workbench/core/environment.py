"""Environment capture for provenance: interpreter, platform, library versions, GPU, git commit."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("torch", "transformers", "peft", "accelerate", "bitsandbytes", "unsloth", "vllm",
            "bert-score", "scikit-learn", "numpy", "scipy", "sentence-transformers", "jsonschema",
            "safetensors", "tokenizers")


def package_versions(names: tuple[str, ...] = PACKAGES) -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def git_state(cwd: str | Path | None = None) -> tuple[str | None, bool | None]:
    where = str(cwd or Path(__file__).resolve().parents[3])
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=where, capture_output=True, text=True,
                                timeout=10)
        if commit.returncode != 0:
            return None, None
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=where,
                                capture_output=True, text=True, timeout=10)
        return commit.stdout.strip(), (status.stdout.strip() != "") if status.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None, None


def gpu_info() -> dict[str, Any] | None:
    """GPU name/count/memory from torch when it is already imported or installed, else nvidia-smi."""
    try:
        import torch  # heavy: only GPU scripts call this with torch installed
        if torch.cuda.is_available():
            props = torch.cuda.get_device_properties(0)
            return {"name": props.name, "count": torch.cuda.device_count(),
                    "memory_gb": round(props.total_memory / 1024**3, 2), "cuda": torch.version.cuda}
        return None
    except ImportError:
        pass
    if shutil.which("nvidia-smi") is None:
        return None
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = [line for line in out.stdout.strip().splitlines() if line.strip()]
    if out.returncode != 0 or not lines:
        return None
    name, memory = (part.strip() for part in lines[0].rsplit(",", 1))
    return {"name": name, "count": len(lines), "memory_gb": round(float(memory) / 1024, 2), "cuda": None}


def capture_environment(probe_gpu: bool = True) -> dict[str, Any]:
    commit, dirty = git_state()
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": package_versions(),
        "gpu": gpu_info() if probe_gpu else None,
        "git_commit": commit,
        "git_dirty": dirty,
    }
