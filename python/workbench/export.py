"""Merging a LoRA adapter into its base model and exporting the result (behind python/export.py).
Heavy imports (torch, transformers, peft) happen inside functions.

The merged folder is self-contained: weights (safetensors), config, generation config and the
tokenizer files (tokenizer.json, tokenizer_config.json, the chat template), so that
`AutoModelForCausalLM.from_pretrained(folder)` and `AutoTokenizer.from_pretrained(folder)` both
work, and Ollama or llama.cpp can read it without files copied by hand.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .core.atomic import write_json_atomic, write_text_atomic
from .core.data import display_path, read_alpaca_jsonl, sha256_file
from .core.prompts import render_alpaca, render_chat

# Prompts for the logit check when no file is given: Russian and Kazakh legal questions.
BUILTIN_PROMPTS = [
    {"instruction": "Какой срок исковой давности по гражданским делам?", "input": ""},
    {"instruction": "Еңбек демалысы қанша күн болады?", "input": "Еңбек кодексі бойынша"},
    {"instruction": "Облагается ли импорт товаров НДС?", "input": ""},
]

CONVERTER = "convert_hf_to_gguf.py"
GGUF_OUTTYPES = ("f32", "f16", "bf16", "q8_0")


class ExportError(RuntimeError):
    """The export cannot be done as asked; the message says why and what to do."""


def resolve_dtype(name: str, device: str) -> Any:
    import torch

    if name == "auto":
        name = "bfloat16" if device == "cuda" else "float32"
    return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[name]


def default_atol(dtype: Any, adapter_effect: float) -> float:
    """The tolerance of the logit check when none is given.

    float32: 1e-4 (a correct merge changes the order of float additions only, ~1e-6 here).
    16-bit: the merged weights are rounded to 16 bits, so the logits differ by rounding noise that
    grows with depth; a merge counts as correct when the difference stays within 5% of the
    adapter's own effect on the logits (max |base+adapter - base|), and at least 0.01. A wrong
    merge (missing modules, wrong scaling) is off by a sizeable part of that effect.
    """
    import torch

    if dtype == torch.float32:
        return 1e-4
    return max(0.01, 0.05 * adapter_effect)


def check_prompts(config: dict[str, Any], tokenizer: Any) -> list[str]:
    """The prompts of the logit check, rendered in the format the adapter was trained with."""
    rows = (read_alpaca_jsonl(config["check_file"])[:config["check_prompts"]] if config["check_file"]
            else BUILTIN_PROMPTS[:config["check_prompts"]])
    if config["prompt_format"] == "chat":
        return [render_chat(tokenizer, r["instruction"], r["input"]) for r in rows]
    return [render_alpaca(r["instruction"], r["input"], "") for r in rows]


def logits_of(model: Any, tokenizer: Any, prompts: list[str]) -> list[Any]:
    import torch

    out = []
    with torch.no_grad():
        for prompt in prompts:
            ids = tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"].to(model.device)
            out.append(model(input_ids=ids).logits[0].float().cpu())
    return out


def compare_logits(merged: list[Any], unmerged: list[Any], base: list[Any]) -> dict[str, Any]:
    """max/mean |merged - (base+adapter)|, the adapter's own effect, and top-1 agreement."""
    diffs = [(m - u).abs() for m, u in zip(merged, unmerged)]
    effect = max(float((u - b).abs().max()) for u, b in zip(unmerged, base))
    positions = sum(d.shape[0] for d in diffs)
    agree = sum(int((m.argmax(-1) == u.argmax(-1)).sum()) for m, u in zip(merged, unmerged))
    return {"max_abs_diff": max(float(d.max()) for d in diffs),
            "mean_abs_diff": sum(float(d.sum()) for d in diffs) / sum(d.numel() for d in diffs),
            "adapter_effect": effect, "positions": positions, "top1_agreement": agree / positions}


def find_converter(llama_cpp: str) -> tuple[list[str] | None, str]:
    """The command that runs llama.cpp's converter, and where it was looked for."""
    places = []
    for folder in (llama_cpp, os.environ.get("LLAMA_CPP_DIR", "")):
        if folder:
            script = Path(folder).expanduser() / CONVERTER
            places.append(str(script))
            if script.is_file():
                return [sys.executable, str(script)], ", ".join(places)
    for name in (CONVERTER, "convert-hf-to-gguf", "convert_hf_to_gguf"):
        found = shutil.which(name)
        places.append(f"{name} on PATH")
        if found:
            return ([sys.executable, found] if found.endswith(".py") else [found]), ", ".join(places)
    return None, ", ".join(places)


def convert_to_gguf(command: list[str], folder: Path, outtype: str) -> Path:
    """Runs the converter on the merged folder; returns the GGUF file."""
    target = folder / f"model-{outtype}.gguf"
    run = subprocess.run([*command, str(folder), "--outfile", str(target), "--outtype", outtype],
                         capture_output=True, text=True)
    if run.returncode != 0 or not target.is_file():
        tail = (run.stderr or run.stdout)[-2000:]
        raise ExportError(f"llama.cpp's converter ({' '.join(command)}) failed with exit code {run.returncode}:\n{tail}")
    return target


OLLAMA_CHATML = (
    "{{- if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}"
    "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}"
    "<|im_start|>assistant\n<think>\n\n</think>\n\n"
)


def ollama_template(prompt_format: str, tokenizer: Any) -> tuple[str | None, str]:
    """The Modelfile TEMPLATE (Go template syntax) for the format the adapter was trained with,
    and a note on where it comes from. Ollama cannot run Jinja chat templates, so a chat template
    is translated only when it is ChatML (`<|im_start|>`, Qwen's format), with thinking off as in
    training; otherwise no TEMPLATE is written and Ollama falls back to its own detection."""
    if prompt_format == "alpaca":
        return render_alpaca("{{ .Prompt }}", "", ""), "the study's Alpaca prompt (python/workbench/core/prompts.py), input left empty"
    chat = getattr(tokenizer, "chat_template", None)
    if isinstance(chat, str) and "<|im_start|>" in chat:
        return OLLAMA_CHATML, "ChatML, as the tokenizer's chat template, with an empty think block (thinking off)"
    return None, "the tokenizer's chat template is not ChatML: no TEMPLATE written (Ollama detects one from the tokenizer files)"


def modelfile_text(source: str, template: str | None, note: str, stops: list[str],
                   generation: dict[str, Any], name: str) -> str:
    lines = [f"# Written by python/export.py. Register with: ollama create {name} -f Modelfile",
             f"# Template: {note}", f"FROM {source}"]
    if template is not None:
        lines.append(f'TEMPLATE """{template}"""')
    for stop in stops:
        lines.append(f"PARAMETER stop {json.dumps(stop, ensure_ascii=False)}")
    for key in ("temperature", "top_p", "top_k", "repeat_penalty"):
        if generation.get(key) is not None:
            lines.append(f"PARAMETER {key} {generation[key]}")
    return "\n".join(lines) + "\n"


def run_export(config: dict[str, Any]) -> Path:
    """Merges, checks, saves and converts; returns the output folder. Everything is written into a
    temporary sibling folder that is renamed to `out` only when every step has succeeded."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig

    adapter = Path(config["adapter"])
    out = Path(config["out"])
    settings = json.loads((adapter / "adapter_config.json").read_text(encoding="utf-8"))
    base_name = config["base_model"] or settings.get("base_model_name_or_path") or ""
    if not base_name:
        raise ExportError(f'"{adapter / "adapter_config.json"}" names no base model: pass --base_model')
    if config["gguf"] != "off":
        converter, looked = find_converter(config["llama_cpp"])
        if converter is None and config["gguf"] == "required":
            raise ExportError(f"--gguf=required, but llama.cpp's {CONVERTER} was not found (looked at: {looked}); "
                              "pass --llama_cpp=DIR of a llama.cpp checkout or set LLAMA_CPP_DIR")
    else:
        converter, looked = None, ""

    started = time.perf_counter()
    dtype = resolve_dtype(config["dtype"], config["device"])
    tokenizer_source = adapter if (adapter / "tokenizer_config.json").is_file() else Path(base_name)
    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_source) if tokenizer_source.exists() else base_name)
    base = AutoModelForCausalLM.from_pretrained(base_name, dtype=dtype, device_map={"": config["device"]})
    model = PeftModel.from_pretrained(base, str(adapter))
    model.eval()
    prompts = check_prompts(config, tokenizer)
    print(f"check: logits on {len(prompts)} prompts, before and after merging", flush=True)
    unmerged = logits_of(model, tokenizer, prompts)
    with model.disable_adapter():
        plain = logits_of(model, tokenizer, prompts)
    merged_model = model.merge_and_unload()
    merged = logits_of(merged_model, tokenizer, prompts)
    check = compare_logits(merged, unmerged, plain)
    atol = config["atol"] if config["atol"] >= 0 else default_atol(dtype, check["adapter_effect"])
    check.update(atol=atol, dtype=str(dtype).replace("torch.", ""), prompts=len(prompts),
                 passed=check["max_abs_diff"] <= atol)
    print(f"check: max |merged - (base+adapter)| = {check['max_abs_diff']:.3g} (tolerance {atol:.3g}); "
          f"adapter effect {check['adapter_effect']:.3g}; top-1 agreement {check['top1_agreement']:.4f}", flush=True)
    if not check["passed"]:
        raise ExportError(f"the merged model's logits differ from base+adapter by {check['max_abs_diff']:.3g}, "
                          f"above the tolerance {atol:.3g}: nothing was written (try --dtype=float32, or set --atol)")

    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        merged_model.save_pretrained(str(work), safe_serialization=True)
        tokenizer.save_pretrained(str(work))
        if not (work / "generation_config.json").is_file():
            GenerationConfig.from_model_config(merged_model.config).save_pretrained(str(work))
        generation = json.loads((work / "generation_config.json").read_text(encoding="utf-8"))
        gguf_record: dict[str, Any] = {"status": "off"}
        source = "."
        if converter is not None:
            print(f"gguf: converting with {' '.join(converter)} (--outtype {config['gguf_outtype']})", flush=True)
            gguf = convert_to_gguf(converter, work, config["gguf_outtype"])
            gguf_record = {"status": "written", "file": gguf.name, "outtype": config["gguf_outtype"],
                           "converter": " ".join(converter), "sha256": sha256_file(gguf)}
            source = f"./{gguf.name}"
        elif config["gguf"] == "auto":
            gguf_record = {"status": "skipped", "reason": f"{CONVERTER} not found (looked at: {looked})"}
            print(f"GGUF not written: llama.cpp's {CONVERTER} was not found (looked at: {looked}). "
                  "Pass --llama_cpp=DIR of a llama.cpp checkout (or set LLAMA_CPP_DIR) to convert; "
                  "Ollama can also import the merged safetensors folder directly.", flush=True)
        name = config["ollama_name"] or out.name.lower()
        template_note = None
        if config["ollama"]:
            template, template_note = ollama_template(config["prompt_format"], tokenizer)
            stops = [s for s in dict.fromkeys([tokenizer.eos_token, "<|im_end|>" if config["prompt_format"] == "chat" else None,
                                               "### Instruction:" if config["prompt_format"] == "alpaca" else None]) if s]
            write_text_atomic(work / "Modelfile", modelfile_text(source, template, template_note, stops, generation, name))
        weights = [p for p in (adapter / "adapter_model.safetensors", adapter / "adapter_model.bin") if p.is_file()]
        record = {
            "base_model": base_name,
            "adapter": {"path": display_path(adapter), "weights_sha256": sha256_file(weights[0]) if weights else None,
                        "r": settings.get("r"), "lora_alpha": settings.get("lora_alpha"),
                        "target_modules": settings.get("target_modules")},
            "prompt_format": config["prompt_format"],
            "tokenizer_from": display_path(tokenizer_source) if tokenizer_source.exists() else base_name,
            "check": check,
            "gguf": gguf_record,
            "ollama": {"modelfile": "Modelfile", "name": name, "template": template_note} if config["ollama"] else None,
            "config": config,
            "runtime_s": round(time.perf_counter() - started, 3),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        from .core.environment import capture_environment

        record["environment"] = capture_environment(probe_gpu=config["device"] == "cuda")
        record["files"] = sorted(p.name for p in work.iterdir()) + ["export.json"]
        write_json_atomic(work / "export.json", record)
        os.replace(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out
