"""Generation throughput on one GPU: samples/s at batch sizes 1, 8 and 32 (Transformers backend).

    python python/bench_throughput.py --model_name=Qwen/Qwen3-4B
    python python/bench_throughput.py --model_name=Qwen/Qwen3-4B --adapter=runs/qwen3-4b-lora/adapter --n=64

Uses the first `n` manifest questions of `val_file`, greedy decoding with a fixed
`max_new_tokens` (so every batch size does comparable work), one warm-up batch per size, and
prints one line per batch size plus a JSON summary. Settings as in benchmark.py: defaults below,
--config=FILE, --key=value; unknown keys are errors.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbench.core.config import ConfigError, resolve_config  # noqa: E402

DEFAULTS = {
    "model_name": "Qwen/Qwen3-4B",
    "adapter": "",
    "quantization": "none",
    "val_file": "data/sample/validation.jsonl",
    "n": 64,  # questions per batch size (rounded up to whole batches)
    "seed": 42,
    "batch_sizes": [1, 8, 32],
    "max_new_tokens": 128,
    "prompt_format": "alpaca",
    "out": "",  # optional JSON file for the summary
}


def main(argv: list[str]) -> int:
    try:
        config = resolve_config(DEFAULTS, argv, {"prompt_format": ["alpaca", "chat"], "quantization": ["none", "4bit", "auto"]})
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    import torch

    if not torch.cuda.is_available():
        print("error: no CUDA GPU is visible; run this on a GPU machine", file=sys.stderr)
        return 1
    from workbench.backends.hf import HFBackend, load_model_and_tokenizer
    from workbench.core.atomic import write_json_atomic
    from workbench.core.data import read_alpaca_jsonl
    from workbench.core.environment import capture_environment
    from workbench.core.manifest import sample_indices

    rows = read_alpaca_jsonl(config["val_file"])
    rows = [rows[i] for i in sample_indices(len(rows), config["n"], config["seed"])]
    model, tokenizer, info = load_model_and_tokenizer(config["model_name"], config["adapter"], config["quantization"])
    results = []
    for batch_size in config["batch_sizes"]:
        gen_config = {"prompt_format": config["prompt_format"], "max_new_tokens": config["max_new_tokens"],
                      "do_sample": False, "temperature": 0.0, "top_p": 1.0, "top_k": 0, "repetition_penalty": 1.0,
                      "max_prompt_tokens": 4096, "seed": config["seed"], "model_name": config["model_name"],
                      "adapter": config["adapter"], "quantization": config["quantization"]}
        backend = HFBackend(gen_config, model=model, tokenizer=tokenizer)
        batches = [rows[i:i + batch_size] for i in range(0, len(rows), batch_size)]
        if len(batches[-1]) < batch_size:  # whole batches only: pad with repeats
            batches[-1] = (batches[-1] + rows * batch_size)[:batch_size]
        backend.generate(batches[0], [None] * len(batches[0]))  # warm-up
        torch.cuda.reset_peak_memory_stats()
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        new_tokens = 0
        for b in batches:
            new_tokens += sum(o["new_tokens"] for o in backend.generate(b, [None] * len(b)))
        torch.cuda.synchronize()
        seconds = time.perf_counter() - t0
        samples = sum(len(b) for b in batches)
        line = {"batch_size": batch_size, "samples": samples, "seconds": round(seconds, 3),
                "samples_per_s": round(samples / seconds, 3), "new_tokens_per_s": round(new_tokens / seconds, 1),
                "peak_gpu_memory_gb": round(torch.cuda.max_memory_allocated() / 1024**3, 3)}
        results.append(line)
        print(f"batch {batch_size:>3}: {line['samples_per_s']:.2f} samples/s, {line['new_tokens_per_s']:.0f} new tokens/s, "
              f"peak {line['peak_gpu_memory_gb']:.1f} GB", flush=True)
    summary = {"config": config, "load": info, "results": results, "environment": capture_environment()}
    print(json.dumps(results))
    if config["out"]:
        write_json_atomic(config["out"], summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
