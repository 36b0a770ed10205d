"""A tiny sentence-transformers encoder built in code (no downloads), for the dense-retrieval tests.

A word-level tokenizer (lower-cased, split on whitespace and punctuation) over the fixture texts
and a seeded random 256-dimensional embedding per word, mean-pooled by `StaticEmbedding`: two
texts sharing most of their words get a high cosine, unrelated ones a cosine near 0, like a
hashed bag of words. It is an encoder in the sentence-transformers API, not a semantic model.

Import it only after checking that sentence_transformers, tokenizers and torch import.
"""

import json
from pathlib import Path

from conftest import FIXTURES

EXTRA_TEXT = ["query: passage:", "Еңбек кодексі Салық кодексі Гражданский кодекс статья бап"]


def _texts(extra: list[str]) -> list[str]:
    texts = list(EXTRA_TEXT) + list(extra)
    for name in ("train.jsonl", "validation.jsonl"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts += [row["instruction"], row["input"], row["output"]]
    return texts


def tiny_encoder(extra_texts: list[str] = (), dim: int = 256, seed: int = 0):
    """A SentenceTransformer whose vocabulary covers the fixtures and `extra_texts`."""
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Whitespace(), pre_tokenizers.Punctuation()])
    tok.train_from_iterator(_texts(list(extra_texts)), trainers.WordLevelTrainer(special_tokens=["[UNK]", "[PAD]"]))
    tok.enable_padding(pad_id=tok.token_to_id("[PAD]"), pad_token="[PAD]")
    weights = np.random.default_rng(seed).standard_normal((tok.get_vocab_size(), dim)).astype(np.float32)
    weights[tok.token_to_id("[PAD]")] = 0.0
    return SentenceTransformer(modules=[StaticEmbedding(tok, embedding_weights=weights)], device="cpu")


def save_tiny_encoder(folder: Path, extra_texts: list[str] = ()) -> Path:
    """Saves the encoder as a local model folder (`--dense_model=FOLDER`)."""
    tiny_encoder(extra_texts).save(str(folder))
    return folder
