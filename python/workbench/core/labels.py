"""Label masking on token ids: the loss is computed on the answer only.

`build_example(prompt_ids, answer_ids, max_length)` returns `input_ids` and `labels` where
prompt positions are `IGNORE_INDEX` (-100, what PyTorch's cross-entropy skips). Truncation
cuts from the end of the answer. If no answer token survives, it fails loudly: a batch of
fully masked examples would give a NaN or zero loss and train nothing without a word.
"""

from __future__ import annotations

from typing import Sequence

IGNORE_INDEX = -100


class AllLabelsMaskedError(ValueError):
    """Every label of an example (or batch) is masked: nothing to learn from."""


def build_example(prompt_ids: Sequence[int], answer_ids: Sequence[int], max_length: int,
                  where: str = "example") -> dict[str, list[int]]:
    """Concatenates prompt and answer ids, masks the prompt, truncates to `max_length`."""
    if max_length < 1:
        raise ValueError(f"max_length must be >= 1, got {max_length}")
    input_ids = list(prompt_ids) + list(answer_ids)
    labels = [IGNORE_INDEX] * len(prompt_ids) + list(answer_ids)
    input_ids, labels = input_ids[:max_length], labels[:max_length]
    if all(label == IGNORE_INDEX for label in labels):
        raise AllLabelsMaskedError(
            f"{where}: every label is masked (prompt {len(prompt_ids)} tokens, answer "
            f"{len(answer_ids)} tokens, max_length {max_length}); expected at least one answer token"
        )
    return {"input_ids": input_ids, "labels": labels, "attention_mask": [1] * len(input_ids)}


def mask_all_but_answer(input_ids: Sequence[int], prompt_length: int) -> list[int]:
    """Labels for an already concatenated sequence whose first `prompt_length` ids are the prompt."""
    labels = [IGNORE_INDEX] * min(prompt_length, len(input_ids)) + list(input_ids[prompt_length:])
    if all(label == IGNORE_INDEX for label in labels):
        raise AllLabelsMaskedError(
            f"every label is masked (prompt_length {prompt_length} >= sequence length {len(input_ids)})"
        )
    return labels


def pad_batch(examples: Sequence[dict[str, list[int]]], pad_id: int, side: str = "right",
              multiple_of: int = 1) -> dict[str, list[list[int]]]:
    """Pads `input_ids`/`labels`/`attention_mask` to a common length (labels with IGNORE_INDEX).

    Training pads on the right; generation pads on the left. Raises if the whole batch is masked.
    """
    if side not in ("left", "right"):
        raise ValueError(f'side must be "left" or "right", got "{side}"')
    if not examples:
        raise ValueError("cannot pad an empty batch")
    longest = max(len(e["input_ids"]) for e in examples)
    if multiple_of > 1:
        longest = -(-longest // multiple_of) * multiple_of
    batch: dict[str, list[list[int]]] = {"input_ids": [], "attention_mask": []}
    with_labels = all("labels" in e for e in examples)
    if with_labels:
        batch["labels"] = []
    for e in examples:
        n = longest - len(e["input_ids"])
        pads = {"input_ids": [pad_id] * n, "attention_mask": [0] * n, "labels": [IGNORE_INDEX] * n}
        mask = e.get("attention_mask", [1] * len(e["input_ids"]))
        for key, row in (("input_ids", e["input_ids"]), ("attention_mask", mask)) + (
            (("labels", e["labels"]),) if with_labels else ()
        ):
            batch[key].append(pads[key] + list(row) if side == "left" else list(row) + pads[key])
    if with_labels and all(x == IGNORE_INDEX for row in batch["labels"] for x in row):
        raise AllLabelsMaskedError(f"every label in a batch of {len(examples)} examples is masked")
    return batch
