import pytest

from workbench.core import labels as L
from workbench.core import prompts as P


def test_alpaca_prompt_matches_the_study_template():
    text = P.render_alpaca("Вопрос?", "", "")
    assert text.startswith("Below is an instruction that describes a task, paired with an input")
    assert text.endswith("### Instruction:\nВопрос?\n\n### Input:\n\n\n### Response:\n")
    assert P.render_alpaca("q", "i", "ответ").endswith("### Response:\nответ")


def test_rag_prompt_has_legal_context_section():
    ctx = P.format_context([{"instruction": "Сұрақ", "input": "", "output": "Жауап " * 200}])
    assert ctx.startswith("[1] Q: Сұрақ\nA: Жауап") and len(ctx) <= len("[1] ") + P.CONTEXT_CHARS
    text = P.render_alpaca("q", "", context=ctx)
    assert "### Legal Context:\n[1] Q:" in text and text.endswith("### Response:\n")


class FakeTokenizer:
    chat_template = "{% for m in messages %}...{% endfor %}"

    def __init__(self):
        self.calls = []

    def apply_chat_template(self, messages, **kwargs):
        self.calls.append((messages, kwargs))
        return "<|im_start|>user\n" + messages[0]["content"] + "<|im_end|>\n<|im_start|>assistant\n"


def test_chat_prompt_disables_thinking_and_is_recorded():
    tok = FakeTokenizer()
    text = P.render_prompt("chat", "Вопрос", "контекст", tokenizer=tok)
    messages, kwargs = tok.calls[0]
    assert kwargs == {"tokenize": False, "add_generation_prompt": True, "enable_thinking": False}
    assert messages[0]["content"] == "Вопрос\n\nконтекст" and "assistant" in text
    spec = P.prompt_spec("chat", tok)
    assert spec["enable_thinking"] is False and len(spec["chat_template_sha256"]) == 64
    assert P.prompt_spec("alpaca")["template_sha256"] == P.sha256_text(P.ALPACA_TEMPLATE)
    with pytest.raises(ValueError, match="needs a tokenizer"):
        P.render_prompt("chat", "q")
    with pytest.raises(ValueError, match='Unknown prompt_format "xml"'):
        P.render_prompt("xml", "q")


def test_strip_thinking():
    assert P.strip_thinking("<think>\nhmm\n</think>\n\nОтвет") == "Ответ"
    assert P.strip_thinking("Ответ <think>unfinished") == "Ответ"


def test_labels_mask_the_prompt_only():
    ex = L.build_example([1, 2, 3], [7, 8, 9], max_length=10)
    assert ex["input_ids"] == [1, 2, 3, 7, 8, 9]
    assert ex["labels"] == [-100, -100, -100, 7, 8, 9]
    assert ex["attention_mask"] == [1] * 6


def test_truncation_cuts_the_answer_and_fails_when_nothing_is_left():
    assert L.build_example([1, 2], [7, 8, 9], max_length=3)["labels"] == [-100, -100, 7]
    with pytest.raises(L.AllLabelsMaskedError, match="row 17: every label is masked"):
        L.build_example([1, 2, 3], [7], max_length=3, where="row 17")
    with pytest.raises(L.AllLabelsMaskedError):
        L.build_example([1], [], max_length=5)
    with pytest.raises(L.AllLabelsMaskedError):
        L.mask_all_but_answer([1, 2], 2)
    assert L.mask_all_but_answer([1, 2, 3], 1) == [-100, 2, 3]


def test_pad_batch_left_and_right():
    a = L.build_example([1], [2], 8)
    b = L.build_example([1, 2, 3], [4], 8)
    right = L.pad_batch([a, b], pad_id=0)
    assert right["input_ids"] == [[1, 2, 0, 0], [1, 2, 3, 4]]
    assert right["labels"][0] == [-100, 2, -100, -100]
    left = L.pad_batch([{"input_ids": [5]}, {"input_ids": [5, 6]}], pad_id=0, side="left")
    assert left == {"input_ids": [[0, 5], [5, 6]], "attention_mask": [[0, 1], [1, 1]]}
    with pytest.raises(L.AllLabelsMaskedError):
        L.pad_batch([{"input_ids": [1], "labels": [-100]}], pad_id=0)
