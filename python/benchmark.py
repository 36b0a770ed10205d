"""Answer the sampled validation questions with one system and write a schema-v1 result file.

    # CPU baseline: the training answer of the most similar training question (TF-IDF), with the
    # project environment (`deno task setup --for baseline` builds .venv/; or `deno task baseline`)
    .venv/bin/python python/benchmark.py --system=retrieval --val_file=data/sample/validation.jsonl \
        --train_file=data/sample/train.jsonl --out=runs/baseline
    # GPU: base and fine-tuned Qwen3 (Transformers, batched, left padding)
    python python/benchmark.py --model_name=Qwen/Qwen3-4B --n=500
    python python/benchmark.py --model_name=Qwen/Qwen3-4B --adapter=runs/qwen3-4b-lora/adapter
    # RAG: TF-IDF top-k training Q&A pairs in the prompt (the study's ablation)
    python python/benchmark.py --model_name=Qwen/Qwen3-4B --rag_top_k=3 --n=200
    # RAG with dense retrieval (multilingual-e5, query:/passage: prefixes), dropping pairs farther than 0.2
    python python/benchmark.py --model_name=Qwen/Qwen3-4B --rag_top_k=3 --n=200 --retriever=dense \
        --dense_model=intfloat/multilingual-e5-base --max_distance=0.2
    # vLLM, or any OpenAI-compatible server (urllib, no extra packages)
    python python/benchmark.py --system=vllm --model_name=Qwen/Qwen3-4B
    python python/benchmark.py --system=http --http_url=http://127.0.0.1:8000/v1 --http_model=Qwen/Qwen3-4B

Settings: the defaults below, then --config=FILE, then --key=value; unknown keys are errors.
Outputs in `out`: `{run_id}.json` (validated, written atomically), `{run_id}.samples.jsonl`
(one line per answered question, appended per batch: rerun the same command to resume; at most
one batch is lost on interruption) and `manifests/` (the sampled question ids, identical across
runs with the same data file, n and seed: the study's random.seed(42); random.sample).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbench.core.config import ConfigError, help_text, resolve_config, wants_help  # noqa: E402
from workbench.core.preflight import Unavailable, require_modules  # noqa: E402

DEFAULTS = {
    "system": "hf",  # hf (transformers) | vllm | http (OpenAI-compatible) | retrieval (CPU baseline)
    # what is evaluated
    "model_name": "Qwen/Qwen3-4B",
    "size_b": 4.0,  # null for unknown (external)
    "family": "qwen3",
    "adapter": "",  # LoRA folder; non-empty makes the run "fine-tuned"
    "variant": "auto",  # auto | base | fine-tuned | external | baseline
    "label": "",
    "run_id": "",  # default: derived from system, model, adapter, rag and n
    "quantization": "none",  # none | 4bit (bitsandbytes) | auto
    "device": "cuda",  # cuda (hf backend: a GPU is required) | cpu (a small local model, for smoke tests)
    # data
    "val_file": "data/sample/validation.jsonl",
    "train_file": "data/sample/train.jsonl",  # retrieval corpus (baseline and RAG)
    "n": 500,  # questions sampled from val_file (all when >= rows)
    "seed": 42,  # sampling seed (the study's random.seed(42)) and generation seed
    "manifest": "",  # default: {out}/manifests/{val stem}_n{n}_seed{seed}.json
    "out": "runs/results",  # ignored by git; `deno task report --results runs/results` reads it
    "resume": True,
    # prompt and decoding (the study: Alpaca prompt, max_new_tokens 512, temperature 0.1, top_p 0.9,
    # sampling on because Qwen3's generation_config sets do_sample=True and top_k=20)
    "prompt_format": "alpaca",  # alpaca | chat (chat template, thinking disabled)
    "max_new_tokens": 512,
    "do_sample": True,
    "temperature": 0.1,
    "top_p": 0.9,
    "top_k": 20,
    "repetition_penalty": 1.0,
    "batch_size": 8,
    "max_prompt_tokens": 2048,  # longer prompts are an error, not silently cut
    "strip_thinking": False,  # remove <think>...</think> from predictions (recorded)
    # retrieval (baseline and RAG)
    "rag_top_k": 0,  # > 0: RAG prompt with the top-k training Q&A pairs
    "retriever": "tfidf",  # tfidf | bm25 | dense (sentence-transformers embeddings)
    "exclude_above": 0.95,  # drop training questions with TF-IDF cosine above this; null = keep all
    "max_distance": None,  # drop documents with cosine distance (1 - cosine; tfidf, dense) above this;
                           # a question left with none gets the prompt without context; null = keep all
    "index_on": "question",  # question (question-only indexing) | question_answer
    "max_features": 50000,
    "retrieval_k": 5,  # retrieval records kept per sample by the baseline (its answer is rank 1)
    "sibling_window": 0,  # chunked corpora (rows with source and chunk): add the chunks within this
                          # distance of each retrieved chunk to its context item
    "gold_field": "source",  # field naming a row's source document in val_file and train_file: hit rate@k
                             # and MRR over the questions that have it
    # dense retrieval
    "dense_model": "intfloat/multilingual-e5-base",  # sentence-transformers id or local folder (must be cached on GPU machines)
    "dense_query_prefix": "query: ",  # multilingual-e5 convention; "" for encoders trained without prefixes
    "dense_passage_prefix": "passage: ",
    "dense_batch_size": 64,
    "dense_device": "auto",  # auto (CUDA when visible) | cpu | cuda
    "dense_search": "auto",  # auto (FAISS exact inner product when installed, else NumPy) | numpy | faiss
    # metrics
    "bertscore": "auto",  # auto (when bert-score is installed) | off
    "bertscore_model": "xlm-roberta-large",
    "bertscore_batch_size": 32,
    # backends
    "vllm_gpu_memory_utilization": 0.85,
    "vllm_max_lora_rank": 16,
    "http_url": "http://127.0.0.1:8000/v1",
    "http_model": "",  # default: model_name
    "http_api_key_env": "OPENAI_API_KEY",  # name of the environment variable holding the key
    "http_timeout_s": 300.0,
    "http_retries": 3,
    "http_chat_template_kwargs": True,  # send {"enable_thinking": false} (vLLM/SGLang servers)
}

CHOICES = {
    "system": ["hf", "vllm", "http", "retrieval"],
    "variant": ["auto", "base", "fine-tuned", "external", "baseline"],
    "quantization": ["none", "4bit", "auto"],
    "device": ["cuda", "cpu"],
    "prompt_format": ["alpaca", "chat"],
    "retriever": ["tfidf", "bm25", "dense"],
    "dense_device": ["auto", "cpu", "cuda"],
    "dense_search": ["auto", "numpy", "faiss"],
    "index_on": ["question", "question_answer"],
    "bertscore": ["auto", "off"],
}


def needed_modules(config: dict) -> list[str]:
    """The packages a run with `config` imports, checked before anything is written."""
    modules = {"hf": ["torch", "transformers"], "vllm": ["vllm"], "http": [], "retrieval": []}[config["system"]]
    if config["adapter"] and config["system"] == "hf":
        modules.append("peft")
    if config["system"] == "retrieval" or config["rag_top_k"] > 0:
        modules += ["numpy", "sklearn"]
        if config["retriever"] == "dense":
            modules += ["torch", "sentence_transformers"] + (["faiss"] if config["dense_search"] == "faiss" else [])
    return list(dict.fromkeys(modules))


def check_settings(config: dict) -> None:
    """Refuses settings that cannot work together, before anything is written."""
    if config["max_distance"] is not None:
        if not isinstance(config["max_distance"], (int, float)) or isinstance(config["max_distance"], bool) \
                or not 0 <= config["max_distance"] <= 2:
            raise ConfigError(f"max_distance must be null or a cosine distance in [0, 2], got {config['max_distance']!r}")
        if config["retriever"] == "bm25":
            raise ConfigError("max_distance is a cosine distance: use it with retriever tfidf or dense, not bm25")
    if config["sibling_window"] < 0:
        raise ConfigError("sibling_window must be >= 0")


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
        require_modules(needed_modules(config), f"benchmark.py --system={config['system']}",
                        "python/benchmark.py", "baseline" if config["system"] == "retrieval" else "test")
    except Unavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from workbench.backends.hf import GPUUnavailable
    from workbench.benchmarking import run_benchmark

    try:
        path = run_benchmark(config)
    except GPUUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Result file: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
