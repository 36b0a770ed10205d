"""A tiny Qwen3 model and BPE tokenizer built in code (no downloads), for the tests that run
the real torch/transformers/peft paths on CPU (or a GPU when there is one).

Import it only after checking that torch, transformers and tokenizers import.
"""

import json
from pathlib import Path

import torch

from conftest import FIXTURES

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


def save_tiny_model(folder: Path) -> Path:
    """Saves the tiny model and tokenizer as a local model folder (`--model_name=FOLDER`)."""
    tokenizer = tiny_tokenizer()
    model = tiny_model(len(tokenizer)).to("cpu")
    model.save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    return folder
