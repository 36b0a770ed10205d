"""Merge a LoRA adapter into its base model and export it for serving.

    python python/export.py --adapter=runs/qwen3-4b-lora/adapter --out=runs/export/qwen3-4b-legal
    # GGUF through llama.cpp's converter (a llama.cpp checkout; or set LLAMA_CPP_DIR):
    python python/export.py --adapter=runs/qwen3-4b-lora/adapter --out=runs/export/qwen3-4b-legal \\
        --llama_cpp=~/llama.cpp --gguf_outtype=q8_0
    ollama create qwen3-4b-legal -f runs/export/qwen3-4b-legal/Modelfile

Steps: load the base model (`base_model`, default: the adapter's base_model_name_or_path) and the
adapter; compute the logits of a few prompts with the adapter on and off; merge
(`merge_and_unload`); compute them again and check that the merged model's logits equal
base+adapter within `atol`; save the merged weights (safetensors), config, generation config and
the tokenizer files (from the adapter folder, where python/train.py saves them); write an Ollama
`Modelfile` whose TEMPLATE is the prompt format the adapter was trained with; convert to GGUF when
llama.cpp's `convert_hf_to_gguf.py` is found (`gguf=auto`), and record it all in `export.json`.

Everything is written into a temporary folder next to `out`, renamed to `out` when every step has
succeeded: a failed check or conversion leaves nothing behind. `out` must not exist or be empty.
Settings: the defaults below, then --config=FILE, then --key=value; unknown keys are errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbench.core.config import ConfigError, help_text, resolve_config, wants_help  # noqa: E402
from workbench.core.preflight import Unavailable, require_modules  # noqa: E402

DEFAULTS = {
    "adapter": "",  # LoRA folder (adapter_config.json, adapter_model.safetensors); required
    "base_model": "",  # hub id or local folder; default: the adapter's base_model_name_or_path
    "out": "",  # output folder; required; must not exist or be empty
    "device": "cpu",  # cpu | cuda
    "dtype": "auto",  # auto (bfloat16 on cuda, float32 on cpu) | float32 | bfloat16 | float16
    "prompt_format": "alpaca",  # the format the adapter was trained with: alpaca (the study) | chat
    "check_prompts": 3,  # prompts in the logit check (>= 1)
    "check_file": "",  # Alpaca JSONL whose first rows are the check prompts; "" = built-in Russian/Kazakh ones
    "atol": -1.0,  # max |merged - (base+adapter)| over all logits; < 0: 1e-4 in float32, in 16-bit
                   # max(0.01, 5% of the adapter's own effect on the logits)
    "ollama": True,  # write a Modelfile
    "ollama_name": "",  # the name in the printed `ollama create` command; default: the out folder's name
    "gguf": "auto",  # auto (convert when llama.cpp's converter is found) | required | off
    "gguf_outtype": "f16",  # f32 | f16 | bf16 | q8_0 (convert_hf_to_gguf.py --outtype)
    "llama_cpp": "",  # llama.cpp checkout holding convert_hf_to_gguf.py; default: $LLAMA_CPP_DIR, then PATH
}

CHOICES = {
    "device": ["cpu", "cuda"],
    "dtype": ["auto", "float32", "bfloat16", "float16"],
    "prompt_format": ["alpaca", "chat"],
    "gguf": ["auto", "required", "off"],
    "gguf_outtype": ["f32", "f16", "bf16", "q8_0"],
}


def check_settings(config: dict) -> None:
    """Refuses, before loading anything, settings that cannot work."""
    if not config["adapter"] or not config["out"]:
        raise ConfigError("--adapter and --out are required")
    adapter = Path(config["adapter"])
    if not (adapter / "adapter_config.json").is_file():
        raise ConfigError(f'--adapter "{adapter}" is not a LoRA folder: it has no adapter_config.json')
    out = Path(config["out"])
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ConfigError(f'--out "{out}" exists and is not an empty folder: pick a new folder')
    if config["check_prompts"] < 1:
        raise ConfigError("--check_prompts must be >= 1")
    if config["check_file"] and not Path(config["check_file"]).is_file():
        raise ConfigError(f'--check_file "{config["check_file"]}" does not exist')


def main(argv: list[str]) -> int:
    if wants_help(argv):
        print(help_text(__doc__, DEFAULTS, __file__, CHOICES))
        return 0
    try:
        config = resolve_config(DEFAULTS, argv, CHOICES)
        check_settings(config)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        require_modules(["torch", "transformers", "peft", "safetensors"], "export.py", "python/export.py", "test")
        if config["device"] == "cuda":
            import torch

            if not torch.cuda.is_available():
                raise Unavailable("No CUDA GPU is visible: use --device=cpu (float32) or run on a GPU machine")
    except Unavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from workbench.export import ExportError, run_export

    try:
        out = run_export(config)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"merged model: {out}")
    if config["ollama"]:
        name = config["ollama_name"] or out.name.lower()
        print(f"ollama: ollama create {name} -f {out / 'Modelfile'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
