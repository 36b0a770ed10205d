"""Prompt rendering: the study's Alpaca template (plain text, no chat template) and the
model's own chat template with Qwen3 thinking disabled. What was used is recorded in each run
through `prompt_spec()`.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Sequence

# The study's training and benchmark prompt (Alpaca, English frame). `response` is empty at
# generation time; at training time it is the reference answer followed by the EOS token.
ALPACA_TEMPLATE = (
    "Below is an instruction that describes a task, paired with an input that provides further "
    "context. Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n"
    "### Input:\n{input}\n\n"
    "### Response:\n{response}"
)

# RAG prompt: the Alpaca frame plus a "Legal Context" section holding retrieved Q&A pairs.
RAG_TEMPLATE = (
    "Below is an instruction that describes a task, paired with an input that provides further "
    "context and relevant legal articles. Write a response that appropriately completes the "
    "request using the provided legal context.\n\n"
    "### Instruction:\n{instruction}\n\n"
    "### Input:\n{input}\n\n"
    "### Legal Context:\n{context}\n\n"
    "### Response:\n{response}"
)

PROMPT_FORMATS = ("alpaca", "chat")
CONTEXT_CHARS = 500  # each retrieved pair is cut to this many characters, as in the study


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def format_context(pairs: Sequence[dict[str, Any]], max_chars: int = CONTEXT_CHARS) -> str:
    """Numbered retrieved Q&A pairs: `[1] Q: ...\\nA: ...`, each cut to `max_chars` (times the
    pair's `units` when it merges several neighbouring chunks of a chunked corpus)."""
    parts = []
    for rank, pair in enumerate(pairs, 1):
        question = " ".join(x for x in (pair.get("instruction", ""), pair.get("input", "")) if x)
        text = f"Q: {question}\nA: {pair.get('output', '')}"
        parts.append(f"[{rank}] {text[:max_chars * int(pair.get('units', 1))]}")
    return "\n\n".join(parts)


def render_alpaca(instruction: str, input: str = "", response: str = "",
                  context: str | None = None) -> str:
    """The study's prompt; with `context` the RAG variant. `response=""` for generation."""
    if context is None:
        return ALPACA_TEMPLATE.format(instruction=instruction, input=input, response=response)
    return RAG_TEMPLATE.format(instruction=instruction, input=input, context=context, response=response)


def user_message(instruction: str, input: str = "", context: str | None = None) -> str:
    """The user turn for chat-format prompts: instruction, optional input, optional context."""
    text = instruction
    if input:
        text += f"\n\n{input}"
    if context:
        text += f"\n\nLegal context:\n{context}"
    return text


def render_chat(tokenizer: Any, instruction: str, input: str = "", context: str | None = None) -> str:
    """The model's chat template with a generation prompt and thinking disabled (Qwen3's
    `enable_thinking=False` inserts an empty think block, so the answer starts at once)."""
    messages = [{"role": "user", "content": user_message(instruction, input, context)}]
    return tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=True, enable_thinking=False
    )


def render_prompt(fmt: str, instruction: str, input: str = "", context: str | None = None,
                  tokenizer: Any = None) -> str:
    """Generation prompt for `fmt` ("alpaca" or "chat")."""
    if fmt == "alpaca":
        return render_alpaca(instruction, input, "", context)
    if fmt == "chat":
        if tokenizer is None:
            raise ValueError('prompt_format "chat" needs a tokenizer with a chat template')
        return render_chat(tokenizer, instruction, input, context)
    raise ValueError(f'Unknown prompt_format "{fmt}": expected one of {list(PROMPT_FORMATS)}')


def prompt_spec(fmt: str, tokenizer: Any = None, rag: bool = False) -> dict[str, Any]:
    """What to record in a run so the prompt can be reproduced and compared."""
    if fmt == "alpaca":
        template = RAG_TEMPLATE if rag else ALPACA_TEMPLATE
        return {"prompt_format": "alpaca", "template": template, "template_sha256": sha256_text(template),
                "chat_template": False}
    if fmt == "chat":
        chat_template = getattr(tokenizer, "chat_template", None) if tokenizer is not None else None
        return {
            "prompt_format": "chat",
            "enable_thinking": False,
            "chat_template_sha256": sha256_text(chat_template) if isinstance(chat_template, str) else None,
            "context_heading": "Legal context:" if rag else None,
        }
    raise ValueError(f'Unknown prompt_format "{fmt}": expected one of {list(PROMPT_FORMATS)}')


_THINK = re.compile(r"<think>.*?(</think>|$)", re.DOTALL)


def strip_thinking(text: str) -> str:
    """Removes `<think>...</think>` blocks (and an unterminated trailing one) and trims."""
    return _THINK.sub("", text).strip()
