"""Generation throughput on one GPU: samples/s at batch sizes 1, 8 and 32 (Transformers backend).

    python python/bench_throughput.py --model_name=Qwen/Qwen3-4B
    python python/bench_throughput.py --model_name=Qwen/Qwen3-4B --adapter=runs/qwen3-4b-lora/adapter --n=64

Uses the first `n` manifest questions of `val_file`, greedy decoding, one warm-up batch per
size, and prints one line per batch size (samples/s, new tokens/s, speed-up over the first
batch size) plus a JSON summary. With fixed_length (default) every answer is exactly
max_new_tokens long (EOS suppressed through min_new_tokens), so each batch size does the same
work. Settings as in benchmark.py: defaults below, --config=FILE, --key=value; unknown keys are
errors. --device=cpu runs a small local model on CPU: it checks the script, it is no GPU figure.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbench.core.config import ConfigError, help_text, resolve_config, wants_help  # noqa: E402

DEFAULTS = {
    "model_name": "Qwen/Qwen3-4B",
    "adapter": "",
    "quantization": "none",
    "device": "cuda",  # cuda (a GPU is required) | cpu (a small local model: checks the script, not a GPU figure)
    "val_file": "data/sample/validation.jsonl",
    "n": 64,  # questions per batch size (rounded up to whole batches)
    "seed": 42,
    "batch_sizes": [1, 8, 32],
    "max_new_tokens": 128,
    "fixed_length": True,  # every answer exactly max_new_tokens long (EOS suppressed): equal work per batch size
    "prompt_format": "alpaca",
    "out": "",  # optional JSON file for the summary
}


BENCH_CHOICES = {"prompt_format": ["alpaca", "chat"], "quantization": ["none", "4bit", "auto"], "device": ["cuda", "cpu"]}


def main(argv: list[str]) -> int:
    if wants_help(argv):
        print(help_text(__doc__, DEFAULTS, __file__, BENCH_CHOICES))
        return 0
    try:
        config = resolve_config(DEFAULTS, argv, BENCH_CHOICES)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    import torch

    cuda = config["device"] == "cuda"
    if cuda and not torch.cuda.is_available():
        print("error: no CUDA GPU is visible; run this on a GPU machine (--device=cpu checks the script "
              "with a small local model)", file=sys.stderr)
        return 1

    def sync() -> None:
        if cuda:
            torch.cuda.synchronize()

    from workbench.backends.hf import HFBackend, load_model_and_tokenizer
    from workbench.core.atomic import write_json_atomic
    from workbench.core.data import read_alpaca_jsonl
    from workbench.core.environment import capture_environment
    from workbench.core.manifest import sample_indices

    rows = read_alpaca_jsonl(config["val_file"])
    rows = [rows[i] for i in sample_indices(len(rows), config["n"], config["seed"])]
    model, tokenizer, info = load_model_and_tokenizer(config["model_name"], config["adapter"], config["quantization"],
                                                     device=config["device"])
    results = []
    for batch_size in config["batch_sizes"]:
        gen_config = {"prompt_format": config["prompt_format"], "max_new_tokens": config["max_new_tokens"],
                      "do_sample": False, "temperature": 0.0, "top_p": 1.0, "top_k": 0, "repetition_penalty": 1.0,
                      "max_prompt_tokens": 4096, "seed": config["seed"], "model_name": config["model_name"],
                      "adapter": config["adapter"], "quantization": config["quantization"],
                      "min_new_tokens": config["max_new_tokens"] if config["fixed_length"] else 0}
        backend = HFBackend(gen_config, model=model, tokenizer=tokenizer)
        batches = [rows[i:i + batch_size] for i in range(0, len(rows), batch_size)]
        if len(batches[-1]) < batch_size:  # whole batches only: pad with repeats
            batches[-1] = (batches[-1] + rows * batch_size)[:batch_size]
        backend.generate(batches[0], [None] * len(batches[0]))  # warm-up
        if cuda:
            torch.cuda.reset_peak_memory_stats()
        sync()
        t0 = time.perf_counter()
        new_tokens = 0
        for b in batches:
            new_tokens += sum(o["new_tokens"] for o in backend.generate(b, [None] * len(b)))
        sync()
        seconds = time.perf_counter() - t0
        samples = sum(len(b) for b in batches)
        line = {"batch_size": batch_size, "samples": samples, "new_tokens": new_tokens, "seconds": round(seconds, 3),
                "samples_per_s": round(samples / seconds, 3), "new_tokens_per_s": round(new_tokens / seconds, 1),
                "peak_gpu_memory_gb": round(torch.cuda.max_memory_allocated() / 1024**3, 3) if cuda else None}
        line["speedup_vs_first"] = round(line["samples_per_s"] / results[0]["samples_per_s"], 2) if results else 1.0
        results.append(line)
        peak = f", peak {line['peak_gpu_memory_gb']:.1f} GB" if cuda else " (CPU)"
        print(f"batch {batch_size:>3}: {line['samples_per_s']:.2f} samples/s, "
              f"{line['new_tokens_per_s']:.0f} new tokens/s, {line['speedup_vs_first']:.1f}x batch "
              f"{config['batch_sizes'][0]}{peak}", flush=True)
    summary = {"config": config, "load": info, "results": results, "environment": capture_environment()}
    print(json.dumps(results))
    if config["out"]:
        write_json_atomic(config["out"], summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
