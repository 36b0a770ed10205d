"""Training and generation paths with a tiny Qwen3 built in code (no downloads).

They need torch, transformers, peft and tokenizers; where those are missing every test here
is skipped with the reason (see `pytest -rs`). They run on CPU too, slowly, and on a GPU machine
in seconds.
"""

import json
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR

torch = pytest.importorskip("torch", reason="torch is not installed: GPU-path tests need torch, transformers, peft")
transformers = pytest.importorskip("transformers", reason="transformers is not installed: GPU-path tests skipped")
pytest.importorskip("peft", reason="peft is not installed: GPU-path tests skipped")
tokenizers = pytest.importorskip("tokenizers", reason="tokenizers is not installed: GPU-path tests skipped")

sys.path.insert(0, str(PYTHON_DIR))
import benchmark  # noqa: E402
import train  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.core.schema import validate_result  # noqa: E402

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n"
    "{% if enable_thinking is defined and enable_thinking is false %}<think>\n\n</think>\n\n{% endif %}{% endif %}"
)


def tiny_tokenizer():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    texts = []
    for name in ("train.jsonl", "validation.jsonl"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts += [row["instruction"], row["input"], row["output"]]
    texts.append("Below is an instruction that describes a task ### Instruction: ### Input: ### Response:")
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>", "</think>"]
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=specials,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.chat_template = CHAT_TEMPLATE
    return fast


def tiny_model(vocab_size):
    from transformers import Qwen3Config, Qwen3ForCausalLM

    torch.manual_seed(0)
    config = Qwen3Config(vocab_size=vocab_size, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, head_dim=16, max_position_embeddings=512,
                         tie_word_embeddings=True)
    model = Qwen3ForCausalLM(config)
    model.generation_config.eos_token_id = None
    return model.to("cuda" if torch.cuda.is_available() else "cpu")


@pytest.fixture(scope="module")
def tokenizer():
    return tiny_tokenizer()


def train_config(tmp_path, *extra):
    return resolve_config(train.DEFAULTS, [
        f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}",
        f"--out_dir={tmp_path}", "--run_name=tiny", "--max_steps=2", "--batch_size=2", "--grad_accum=1",
        "--logging_steps=1", "--save_steps=1", "--eval_steps=1", "--eval_samples=2", "--optim=adamw_torch",
        "--gradient_checkpointing=false", f"--bf16={'true' if torch.cuda.is_available() else 'false'}",
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
