"""The benchmark run behind `python/benchmark.py`: sample, retrieve, generate (or look up),
store per sample, score, and write one schema-v1 result file.

Backends are imported lazily: the retrieval baseline needs scikit-learn only, the HTTP backend
the standard library only, "hf" torch+transformers(+peft), "vllm" vLLM.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from .core.data import display_path, input_record, question_labels, read_alpaca_jsonl
from .core.environment import capture_environment
from .core.manifest import load_or_create_manifest, select
from .core.prompts import format_context, prompt_spec, strip_thinking
from .core.result import build_result, summarise, write_result
from .core.store import SampleStore


def short_name(model: str) -> str:
    name = model.rstrip("/").split("/")[-1].lower()
    return re.sub(r"[^a-z0-9._-]+", "-", name).strip("-.") or "model"


def derive_identity(config: dict[str, Any]) -> dict[str, Any]:
    """run id, variant, model, family, size for the result file."""
    system = config["system"]
    if system == "retrieval":
        model, family, size_b = f"{config['retriever']}-nearest-question", "retrieval", None
        default_id = f"baseline-{config['retriever']}-n{config['n']}"
        variant = "baseline"
    else:
        model = (config["http_model"] or config["model_name"]) if system == "http" else config["model_name"]
        family, size_b = config["family"], config["size_b"]
        tag = "ft" if config["adapter"] else "base"
        rag = f"-rag{config['rag_top_k']}" if config["rag_top_k"] > 0 else ""
        if rag and config["retriever"] != "tfidf":
            rag += f"-{config['retriever']}"
        default_id = f"{short_name(model)}-{tag}{rag}-{system}-n{config['n']}"
        variant = "external" if system == "http" else ("fine-tuned" if config["adapter"] else "base")
    if config["variant"] != "auto":
        variant = config["variant"]
    run_id = config["run_id"] or default_id
    if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", run_id):
        raise ValueError(f'run_id "{run_id}" must match ^[A-Za-z0-9][A-Za-z0-9._-]*$ (it is also the file stem)')
    run: dict[str, Any] = {"id": run_id, "model": model, "family": family, "size_b": size_b, "variant": variant}
    if config["label"]:
        run["label"] = config["label"]
    if config["adapter"]:
        run["adapter"] = config["adapter"]
    if system == "retrieval" or config["rag_top_k"] > 0:
        run["rag"] = {"retriever": config["retriever"],
                      "top_k": 1 if system == "retrieval" else config["rag_top_k"],
                      "corpus": display_path(config["train_file"])}
        if config["exclude_above"] is not None:
            run["rag"]["exclude_above"] = config["exclude_above"]
    else:
        run["rag"] = None
    return run


def progress(done: int, total: int, started: float, what: str) -> None:
    elapsed = time.perf_counter() - started
    rate = done / elapsed if elapsed > 0 else 0.0
    print(f"{what}: {done}/{total} ({100 * done / max(total, 1):.0f}%) {rate:.2f} samples/s", flush=True)


def run_benchmark(config: dict[str, Any], backend: Any = None, encoder: Any = None) -> Path:
    """Runs one benchmark; `backend` (generation) and `encoder` (a SentenceTransformer for
    retriever=dense) may be injected (tests), else they are built from `config`."""
    started = time.perf_counter()
    out = Path(config["out"])
    system = config["system"]
    if system != "retrieval" and backend is None:
        backend = make_backend(config)  # first: a missing GPU, package or model leaves no files behind
    gold_field = config.get("gold_field") or "source"
    val_rows = read_alpaca_jsonl(config["val_file"], extra_fields=(gold_field,))
    # The default run id names the number of questions drawn, not the number asked for: --n=500
    # on a file of 86 questions gives "...-n86".
    run = derive_identity({**config, "n": min(config["n"], len(val_rows))})
    manifest_path = config["manifest"] or out / "manifests" / f"{Path(config['val_file']).stem}_n{config['n']}_seed{config['seed']}.json"
    manifest = load_or_create_manifest(config["val_file"], config["n"], config["seed"], manifest_path)
    items = select(val_rows, manifest)
    inputs: dict[str, Any] = {"validation": input_record(config["val_file"], len(val_rows)),
                              "manifest": input_record(manifest_path)}
    uses_retrieval = system == "retrieval" or config["rag_top_k"] > 0

    decoding: dict[str, Any]
    retrieval_settings = {"max_distance": config.get("max_distance"), "distance": "1 - cosine",
                          "sibling_window": config.get("sibling_window", 0),
                          "empty": "prompt without context"}
    if system == "retrieval":
        decoding = {"backend": "retrieval", "answer": "training answer of the rank-1 training question",
                    "retrieval_k": config["retrieval_k"], "index_on": config["index_on"],
                    "exclude_above": config["exclude_above"], "exclude_measure": "tfidf-cosine",
                    "max_distance": config.get("max_distance")}
    else:
        decoding = {key: config[key] for key in ("max_new_tokens", "do_sample", "temperature", "top_p", "top_k",
                                                 "repetition_penalty", "batch_size", "max_prompt_tokens",
                                                 "strip_thinking", "seed")}
        decoding["backend"] = system
        if config["rag_top_k"] > 0:
            decoding.update(rag_top_k=config["rag_top_k"], retriever=config["retriever"],
                            index_on=config["index_on"], exclude_above=config["exclude_above"],
                            exclude_measure="tfidf-cosine", **retrieval_settings)
    header = {"run": run, "decoding": decoding, "prompt_format": config["prompt_format"],
              "manifest_ids_sha256": hashlib.sha256(json.dumps(manifest["ids"]).encode()).hexdigest(),
              "validation_sha256": inputs["validation"]["sha256"]}
    store = SampleStore(out / f"{run['id']}.samples.jsonl", header, resume=config["resume"])
    todo = [row for row in items if row["id"] not in store.done]
    if store.done:
        print(f"Resuming {run['id']}: {len(store.done)} of {len(items)} already answered", flush=True)

    corpus: list[dict[str, Any]] = []
    hits_by_id: dict[str, list[Any]] = {}
    index = None
    if uses_retrieval:
        from .retrieval import document_text, make_index

        corpus = read_alpaca_jsonl(config["train_file"], extra_fields=tuple(dict.fromkeys(("source", "chunk", gold_field))))
        inputs["train"] = input_record(config["train_file"], len(corpus))
        index = make_index([document_text(r, config["index_on"]) for r in corpus], config, encoder)
        decoding["index"] = index.settings

    def retrieve(rows: list[dict[str, str]]) -> None:
        """Fills hits_by_id for `rows` (inside the timed batch: retrieval is part of latency).
        Lexical hits with score <= 0 share no term with the question and are dropped; dense hits
        are kept whatever their cosine unless max_distance drops them."""
        if index is None:
            return
        from .retrieval import question_text

        k = config["retrieval_k"] if system == "retrieval" else config["rag_top_k"]
        found = index.search([question_text(r) for r in rows], k, config["exclude_above"],
                             max_distance=config.get("max_distance"))
        for row, hits in zip(rows, found):
            hits_by_id[row["id"]] = hits if index.retriever == "dense" else [h for h in hits if h.score > 0]

    def context_of(row_id: str) -> str | None:
        """The RAG context of a question: its retrieved pairs (with sibling chunks when asked), or
        None (the prompt without context) when nothing was retrieved."""
        from .retrieval import expand_siblings, merge_group

        groups = expand_siblings(corpus, hits_by_id[row_id], config.get("sibling_window", 0))
        return format_context([merge_group(corpus, g) for g in groups]) if groups else None

    def retrieval_records(row_id: str) -> list[dict[str, Any]]:
        return [{"id": corpus[h.index]["id"], "score": round(h.score, 6), "rank": h.rank} for h in hits_by_id[row_id]]

    def base_record(row: dict[str, str], batch: int) -> dict[str, Any]:
        return {"id": row["id"], "instruction": row["instruction"], "input": row["input"], "reference": row["output"],
                **question_labels(row["instruction"], row["input"], row["output"]), "batch": batch}

    batch_size = max(1, config["batch_size"])
    first_batch = max((r.get("batch") or 0 for r in store.records), default=-1) + 1
    peak_gpu = None
    if system == "retrieval":
        for b, start in enumerate(range(0, len(todo), batch_size), first_batch):
            t0 = time.perf_counter()
            records = []
            retrieve(todo[start:start + batch_size])
            for row in todo[start:start + batch_size]:
                hits = hits_by_id[row["id"]]
                record = base_record(row, b)
                record["prediction"] = corpus[hits[0].index]["output"] if hits else ""
                record["retrieval"] = retrieval_records(row["id"])
                records.append(record)
            share = (time.perf_counter() - t0) / max(len(records), 1)
            for record in records:
                record.update(latency_s=share, prompt_tokens=None, new_tokens=None, hit_max_new_tokens=None)
            store.append(records)
        prompt_info: dict[str, Any] = {"prompt_format": None}
    else:
        decoding.update(backend.describe())
        prompt_info = prompt_spec(config["prompt_format"], getattr(backend, "tokenizer", None),
                                  rag=config["rag_top_k"] > 0)
        if system == "http":
            prompt_info["endpoint"] = "chat/completions" if config["prompt_format"] == "chat" else "completions"
        gen_started = time.perf_counter()
        for b, start in enumerate(range(0, len(todo), batch_size), first_batch):
            rows = todo[start:start + batch_size]
            retrieve(rows)
            contexts = [context_of(r["id"]) if config["rag_top_k"] > 0 else None for r in rows]
            outputs = backend.generate(rows, contexts, batch_index=b)
            records = []
            for row, out_item in zip(rows, outputs):
                record = base_record(row, b)
                prediction = out_item["prediction"]
                record["prediction"] = strip_thinking(prediction) if config["strip_thinking"] else prediction
                for key in ("latency_s", "prompt_tokens", "new_tokens", "hit_max_new_tokens"):
                    record[key] = out_item.get(key)
                if config["rag_top_k"] > 0:
                    record["retrieval"] = retrieval_records(row["id"])
                records.append(record)
            store.append(records)
            progress(start + len(rows), len(todo), gen_started, f"{run['id']}")
        peak_gpu = backend.peak_gpu_memory_gb() if hasattr(backend, "peak_gpu_memory_gb") else None
    decoding["prompt"] = prompt_info

    samples = store.ordered(manifest["ids"])
    for sample in samples:
        sample["metrics"] = {}
    quality = None
    if uses_retrieval:
        # From the stored retrieval records, so a resumed run counts every question.
        from .retrieval import Hit, retrieval_quality

        k = config["retrieval_k"] if system == "retrieval" else config["rag_top_k"]
        gold_rows = {row["id"]: row for row in items}
        quality = retrieval_quality(
            [gold_rows[s["id"]] for s in samples],
            [[Hit(int(r["id"]), float(r["score"]), int(r["rank"])) for r in s.get("retrieval") or []] for s in samples],
            corpus, k, gold_field)
        if quality["with_gold"]:
            print(f"retrieval ({config['retriever']}): hit rate@{k} {quality['hit_rate']:.3f}, MRR {quality['mrr']:.3f} "
                  f"over {quality['with_gold']} questions with a known {gold_field}; "
                  f"{quality['no_context']} without context", flush=True)
        else:
            quality["note"] = f'no question in {display_path(config["val_file"])} has a "{gold_field}" field: hit rate and MRR not computed'
            print(f"retrieval ({config['retriever']}): {quality['note']}; {quality['no_context']} without context", flush=True)
    metric_signatures: dict[str, str] = {}
    missing: dict[str, str] = {}
    if config["bertscore"] == "off":
        missing["bertscore_f1"] = "turned off (--bertscore=off)"
    else:
        from .metrics import MetricUnavailable, bertscore_f1

        try:
            scores, signature = bertscore_f1([s["prediction"] for s in samples], [s["reference"] for s in samples],
                                             config["bertscore_model"], config["bertscore_batch_size"])
            for sample, score in zip(samples, scores):
                sample["metrics"]["bertscore_f1"] = score
            metric_signatures["bertscore_f1"] = signature
        except MetricUnavailable as error:
            missing["bertscore_f1"] = str(error)
            print(f"BERTScore not computed: {error}", file=sys.stderr)

    total_s = time.perf_counter() - started
    latencies = [s["latency_s"] for s in samples if s.get("latency_s") is not None]
    generation_s = sum(latencies)
    document = build_result(
        run,
        samples=samples,
        summary=summarise(samples),
        config=dict(config),
        environment=capture_environment(probe_gpu=system in ("hf", "vllm")),
        inputs=inputs,
        decoding=decoding,
        runtime={"total_s": total_s, "peak_gpu_memory_gb": peak_gpu,
                 "samples_per_s": (len(latencies) / generation_s) if generation_s > 0 else None},
        metric_signatures=metric_signatures,
        missing_metrics=missing or None,
        retrieval_quality=quality,
    )
    return write_result(out / f"{run['id']}.json", document)


def make_backend(config: dict[str, Any]) -> Any:
    system = config["system"]
    if system == "hf":
        from .backends.hf import HFBackend

        return HFBackend(config)
    if system == "vllm":
        from .backends.vllm_engine import VLLMBackend

        return VLLMBackend(config)
    if system == "http":
        from .backends.openai_http import HTTPBackend

        return HTTPBackend(config)
    raise ValueError(f'Unknown system "{system}": expected hf, vllm, http or retrieval')
