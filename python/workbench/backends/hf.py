"""Transformers backend: batched generation with left padding on one GPU.

Latency: the batch's wall time between `torch.cuda.synchronize()` calls, divided by the batch
size (what the schema's `latency_s` says). The study generated one question at a time, so its
latencies are not comparable with batched ones; use --batch_size=1 to compare.
"""

from __future__ import annotations

from typing import Any

from ..core.prompts import render_prompt


class GPUUnavailable(RuntimeError):
    """device=cuda but no CUDA GPU is visible; the message says what to run where."""


def load_model_and_tokenizer(model_name: str, adapter: str = "", quantization: str = "none",
                             padding_side: str = "left", device: str = "cuda") -> tuple[Any, Any, dict[str, Any]]:
    """Model (bf16 on the first GPU; float32 with device="cpu"), tokenizer (from the adapter folder
    when given: training saves it there) and what was loaded. device="cpu" is for smoke tests of
    the whole path with a small local model; device="cuda" without a GPU is an error."""
    import importlib.util

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if device == "cuda" and not torch.cuda.is_available():
        raise GPUUnavailable("No CUDA GPU is visible: run python/benchmark.py --system=hf on a GPU machine "
                           "(--device=cpu runs a small local model on CPU, for smoke tests)")
    if device == "cpu" and quantization == "4bit":
        raise ValueError("quantization=4bit (bitsandbytes) needs device=cuda")
    tokenizer = AutoTokenizer.from_pretrained(adapter or model_name)
    tokenizer.padding_side = padding_side
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    use_4bit = device == "cuda" and (
        quantization == "4bit" or (quantization == "auto" and importlib.util.find_spec("bitsandbytes") is not None))
    kwargs: dict[str, Any] = ({"dtype": torch.bfloat16, "device_map": {"": 0}} if device == "cuda"
                              else {"dtype": torch.float32, "device_map": {"": "cpu"}})
    if use_4bit:
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                                           bnb_4bit_compute_dtype=torch.bfloat16)
    model = AutoModelForCausalLM.from_pretrained(model_name, **kwargs)
    if adapter:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, adapter)
    model.eval()
    return model, tokenizer, {"quantization": "4bit-nf4" if use_4bit else ("bf16" if device == "cuda" else "float32"),
                              "device": device}


def eos_ids(model: Any, tokenizer: Any) -> list[int]:
    ids = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    found = set(ids if isinstance(ids, list) else [ids] if ids is not None else [])
    if tokenizer.eos_token_id is not None:
        found.add(tokenizer.eos_token_id)
    return sorted(found)


def count_new_tokens(generated: list[int], stop_ids: list[int], max_new_tokens: int) -> tuple[int, bool]:
    """Tokens before the first stop token, and whether the answer ran into max_new_tokens."""
    for position, token in enumerate(generated):
        if token in stop_ids:
            return position, False
    return len(generated), len(generated) >= max_new_tokens


class HFBackend:
    def __init__(self, config: dict[str, Any], model: Any = None, tokenizer: Any = None):
        self.config = config
        if model is None:
            model, tokenizer, self.load_info = load_model_and_tokenizer(
                config["model_name"], config["adapter"], config["quantization"], device=config.get("device", "cuda"))
        else:
            self.load_info = {"quantization": "injected"}
            tokenizer.padding_side = "left"
            if tokenizer.pad_token is None:
                tokenizer.pad_token = tokenizer.eos_token
        self.model, self.tokenizer = model, tokenizer
        self.stop_ids = eos_ids(model, tokenizer)

    def describe(self) -> dict[str, Any]:
        import torch
        import transformers

        return {"padding_side": "left", "stop_token_ids": self.stop_ids, "dtype": str(next(self.model.parameters()).dtype),
                "transformers": transformers.__version__, "torch": torch.__version__, **self.load_info}

    def peak_gpu_memory_gb(self) -> float | None:
        import torch

        return round(torch.cuda.max_memory_allocated() / 1024**3, 3) if torch.cuda.is_available() else None

    def generate(self, rows: list[dict[str, str]], contexts: list[str | None], batch_index: int = 0) -> list[dict[str, Any]]:
        import time

        import torch

        c = self.config
        prompts = [render_prompt(c["prompt_format"], r["instruction"], r["input"], ctx, self.tokenizer)
                   for r, ctx in zip(rows, contexts)]
        encoded = self.tokenizer(prompts, return_tensors="pt", padding=True)
        lengths = encoded["attention_mask"].sum(dim=1).tolist()
        too_long = [(r["id"], n) for r, n in zip(rows, lengths) if n > c["max_prompt_tokens"]]
        if too_long:
            raise ValueError(f"Prompt longer than max_prompt_tokens={c['max_prompt_tokens']}: ids/tokens {too_long[:5]}")
        device = next(self.model.parameters()).device
        encoded = {k: v.to(device) for k, v in encoded.items()}
        settings: dict[str, Any] = {"max_new_tokens": c["max_new_tokens"], "do_sample": c["do_sample"],
                                    "repetition_penalty": c["repetition_penalty"],
                                    "pad_token_id": self.tokenizer.pad_token_id, "eos_token_id": self.stop_ids}
        if c.get("min_new_tokens"):  # bench_throughput's fixed-length answers
            settings["min_new_tokens"] = c["min_new_tokens"]
        if c["do_sample"]:
            settings.update(temperature=c["temperature"], top_p=c["top_p"], top_k=c["top_k"])
        else:  # explicit, so a model's generation_config cannot switch sampling back on
            settings.update(temperature=None, top_p=None, top_k=None)
        torch.manual_seed(c["seed"] + batch_index)  # reproducible per batch, also after a resume
        cuda = device.type == "cuda"
        if cuda:
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        with torch.inference_mode():
            output = self.model.generate(**encoded, **settings)
        if cuda:
            torch.cuda.synchronize()
        share = (time.perf_counter() - t0) / len(rows)
        width = encoded["input_ids"].shape[1]
        results = []
        for i, n_prompt in enumerate(lengths):
            generated = output[i, width:].tolist()
            n_new, hit = count_new_tokens(generated, self.stop_ids, c["max_new_tokens"])
            text = self.tokenizer.decode(generated[:n_new], skip_special_tokens=True).strip()
            results.append({"prediction": text, "latency_s": share, "prompt_tokens": int(n_prompt),
                            "new_tokens": n_new, "hit_max_new_tokens": hit})
        return results
