"""Training and generation paths with a tiny Qwen3 built in code (no downloads).

They need torch, transformers, peft and tokenizers; where those are missing every test here
is skipped with the reason (see `pytest -rs`), or fails when WORKBENCH_REQUIRE_ML_TESTS=1 (CI). They run on CPU too, slowly, and on a GPU machine
in seconds.
"""

import json
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR, need_module

torch = need_module("torch")
transformers = need_module("transformers")
need_module("peft")
tokenizers = need_module("tokenizers")

sys.path.insert(0, str(PYTHON_DIR))
import benchmark  # noqa: E402
import train  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.core.schema import validate_result  # noqa: E402
from _tiny_qwen3 import tiny_model, tiny_tokenizer  # noqa: E402


@pytest.fixture(scope="module")
def tokenizer():
    return tiny_tokenizer()


def train_config(tmp_path, *extra):
    return resolve_config(train.DEFAULTS, [
        f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}",
        f"--out_dir={tmp_path}", "--run_name=tiny", "--max_steps=2", "--batch_size=2", "--grad_accum=1",
        "--logging_steps=1", "--save_steps=1", "--eval_steps=1", "--eval_samples=2", "--optim=adamw_torch",
        "--gradient_checkpointing=false", f"--bf16={'true' if torch.cuda.is_available() else 'false'}",
        f"--device={'cuda' if torch.cuda.is_available() else 'cpu'}",
        "--max_seq_length=256", *extra], train.CHOICES)


def test_two_lora_steps_write_a_run_folder(tmp_path, tokenizer):
    from workbench.core.training_log import read_training_log
    from workbench.training import TrainingConfigError, run_training

    model = tiny_model(len(tokenizer))
    folder = run_training(train_config(tmp_path), model=model, tokenizer=tokenizer)
    assert json.loads((folder / "config.json").read_text())["max_steps"] == 2
    records = read_training_log(folder)
    losses = [r for r in records if r["loss"] is not None]
    assert [r["step"] for r in losses] == [1, 2] and all(r["loss"] > 0 for r in losses)
    assert any(r["eval_loss"] is not None for r in records)
    assert losses[0]["learning_rate"] is not None and losses[0]["grad_norm"] is not None
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["global_step"] == 2 and 0 < summary["trainable_params"] < summary["total_params"]
    assert (folder / "adapter" / "adapter_config.json").exists()
    lora_b = [p for n, p in model.named_parameters() if "lora_B" in n]
    assert lora_b and any(float(p.detach().abs().sum()) > 0 for p in lora_b), "LoRA B weights did not move"
    with pytest.raises(TrainingConfigError, match="learning_rate differ"):
        run_training(train_config(tmp_path, "--learning_rate=1e-3"), model=tiny_model(len(tokenizer)), tokenizer=tokenizer)


def test_batched_generation_with_left_padding(tmp_path, tokenizer):
    from workbench.backends.hf import HFBackend
    from workbench.benchmarking import run_benchmark

    config = resolve_config(benchmark.DEFAULTS, [
        f"--val_file={FIXTURES / 'validation.jsonl'}", f"--train_file={FIXTURES / 'train.jsonl'}",
        f"--out={tmp_path}", "--batch_size=3", "--max_new_tokens=6", "--do_sample=false", "--bertscore=off",
        "--model_name=tiny/qwen3", "--size_b=0.001", "--prompt_format=chat"], benchmark.CHOICES)
    backend = HFBackend(config, model=tiny_model(len(tokenizer)).eval(), tokenizer=tokenizer)
    assert tokenizer.padding_side == "left"
    rows = [{"id": "a", "instruction": "Да?", "input": ""},
            {"id": "b", "instruction": "Еңбек демалысы қанша күн болады, заң бойынша?", "input": "толық"}]
    out = backend.generate(rows, [None, None])
    assert len(out) == 2 and out[0]["prompt_tokens"] < out[1]["prompt_tokens"]
    for item in out:
        assert 0 <= item["new_tokens"] <= 6 and isinstance(item["prediction"], str)
        assert item["hit_max_new_tokens"] == (item["new_tokens"] == 6)
    path = run_benchmark(config, backend=backend)
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_result(doc, str(path))
    assert len(doc["samples"]) == 6 and {s["batch"] for s in doc["samples"]} == {0, 1}
    assert doc["decoding"]["padding_side"] == "left" and doc["decoding"]["prompt"]["enable_thinking"] is False


def test_rag_generation_puts_retrieved_pairs_in_the_prompt(tmp_path, tokenizer):
    need_module("sklearn", "scikit-learn is not installed: the RAG retriever needs it")
    from workbench.backends.hf import HFBackend
    from workbench.benchmarking import run_benchmark

    def run(out, *extra):
        config = resolve_config(benchmark.DEFAULTS, [
            f"--val_file={FIXTURES / 'validation.jsonl'}", f"--train_file={FIXTURES / 'train.jsonl'}",
            f"--out={out}", "--batch_size=4", "--max_new_tokens=3", "--do_sample=false", "--bertscore=off",
            "--model_name=tiny/qwen3", "--size_b=0.001", "--max_prompt_tokens=4096", *extra], benchmark.CHOICES)
        backend = HFBackend(config, model=tiny_model(len(tokenizer)).eval(), tokenizer=tokenizer)
        return json.loads(run_benchmark(config, backend=backend).read_text(encoding="utf-8"))

    plain = run(tmp_path / "plain")
    rag = run(tmp_path / "rag", "--rag_top_k=2")
    validate_result(rag, "rag")
    assert rag["run"]["rag"]["top_k"] == 2 and rag["run"]["id"].startswith("qwen3-base-rag2-hf")
    assert rag["decoding"]["rag_top_k"] == 2 and rag["decoding"]["exclude_above"] == 0.95
    plain_tokens = {s["id"]: s["prompt_tokens"] for s in plain["samples"]}
    for sample in rag["samples"]:
        hits = sample["retrieval"]
        assert 1 <= len(hits) <= 2 and [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
        assert sample["prompt_tokens"] > plain_tokens[sample["id"]], "retrieved pairs are in the prompt"


def test_training_resumes_from_the_last_checkpoint(tmp_path, tokenizer):
    """A run stopped after step 2 of 3 resumes from checkpoint-2; the log has each step once."""
    import shutil

    from workbench.core.training_log import read_training_log
    from workbench.training import run_training

    config = train_config(tmp_path, "--max_steps=3")
    folder = run_training(config, model=tiny_model(len(tokenizer)), tokenizer=tokenizer)
    # What an interruption during step 3 leaves behind: checkpoints 1-2, no adapter, no summary.
    shutil.rmtree(folder / "checkpoints" / "checkpoint-3")
    shutil.rmtree(folder / "adapter")
    (folder / "summary.json").unlink()
    folder = run_training(config, model=tiny_model(len(tokenizer)), tokenizer=tokenizer)
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["resumed_from"].endswith("checkpoint-2") and summary["global_step"] == 3
    assert [r["step"] for r in read_training_log(folder) if r["loss"] is not None] == [1, 2, 3]
    assert (folder / "adapter" / "adapter_config.json").exists()


def test_chat_format_training_masks_exactly_the_prompt(tokenizer):
    """With the real tokenizer and chat template: the loss covers the answer and EOS, nothing else."""
    from workbench.core.labels import IGNORE_INDEX
    from workbench.core.prompts import render_chat
    from workbench.training import tokenize_rows

    from workbench.core.data import read_alpaca_jsonl

    rows = read_alpaca_jsonl(FIXTURES / "train.jsonl")[:3]
    config = train_config("unused", "--prompt_format=chat")
    for row, example in zip(rows, tokenize_rows(rows, tokenizer, config, "fixture")):
        labels = example["labels"]
        start = next(i for i, x in enumerate(labels) if x != IGNORE_INDEX)
        assert all(x != IGNORE_INDEX for x in labels[start:]), "no masked token inside the answer"
        assert labels[start:] == example["input_ids"][start:]
        assert tokenizer.decode(labels[start:]) == row["output"] + "<|im_end|>"
        prompt = tokenizer.decode(example["input_ids"][:start])
        assert prompt == render_chat(tokenizer, row["instruction"], row["input"])
        assert prompt.endswith("<|im_start|>assistant\n<think>\n\n</think>\n\n"), "thinking disabled"


def test_sampling_is_reproducible_per_batch(tokenizer):
    from workbench.backends.hf import HFBackend

    config = resolve_config(benchmark.DEFAULTS, ["--max_new_tokens=8", "--do_sample=true", "--temperature=1.5",
                                                 "--top_k=0", "--top_p=1.0", "--prompt_format=alpaca"],
                            benchmark.CHOICES)
    backend = HFBackend(config, model=tiny_model(len(tokenizer)).eval(), tokenizer=tokenizer)
    rows = [{"id": str(i), "instruction": q, "input": ""} for i, q in enumerate(["Салық кодексі?", "Еңбек шарты?"])]
    first = [o["prediction"] for o in backend.generate(rows, [None, None], batch_index=3)]
    again = [o["prediction"] for o in backend.generate(rows, [None, None], batch_index=3)]
    assert first == again, "the same batch index gives the same sample (seed + batch index), also after a resume"
    others = [[o["prediction"] for o in backend.generate(rows, [None, None], batch_index=b)] for b in range(4, 8)]
    assert any(o != first for o in others), "other batch indices draw other samples"
