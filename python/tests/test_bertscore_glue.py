"""The BERTScore wrapper around bert-score, with a stand-in `bert_score` module: bert-score and
xlm-roberta-large are not installable here, so this checks our side of the call (arguments,
signature, the reasons recorded when it cannot run), not the metric's numbers."""

import sys
import types

import pytest

from conftest import need_module
from workbench.metrics import MetricUnavailable, bertscore_f1

need_module("torch")


class FakeTensor(list):
    def tolist(self):
        return list(self)


def install_fake(monkeypatch, calls, fail=None):
    module = types.ModuleType("bert_score")
    module.__version__ = "0.3.13"

    def score(cands, refs, **kwargs):
        calls.append((cands, refs, kwargs))
        if fail:
            raise fail
        return None, None, FakeTensor([0.5 + 0.1 * i for i in range(len(cands))])

    module.score = score
    utils = types.ModuleType("bert_score.utils")
    utils.model2layers = {"xlm-roberta-large": 17}
    module.utils = utils
    monkeypatch.setitem(sys.modules, "bert_score", module)
    monkeypatch.setitem(sys.modules, "bert_score.utils", utils)


def test_bertscore_call_and_signature(monkeypatch):
    calls = []
    install_fake(monkeypatch, calls)
    scores, signature = bertscore_f1(["Иә", "Жоқ"], ["Иә, болады", "Жоқ"], batch_size=4)
    assert scores == [0.5, 0.6]
    (cands, refs, kwargs), = calls
    assert cands == ["Иә", "Жоқ"] and refs == ["Иә, болады", "Жоқ"]
    assert kwargs["model_type"] == "xlm-roberta-large" and kwargs["num_layers"] == 17
    assert kwargs["idf"] is False and kwargs["rescale_with_baseline"] is False and kwargs["batch_size"] == 4
    assert signature == "bertscore|model:xlm-roberta-large|layers:17|idf:no|rescale:no|version:0.3.13"


def test_bertscore_reasons_when_it_cannot_run(monkeypatch):
    install_fake(monkeypatch, [], fail=OSError("We couldn't connect to the Hub"))
    with pytest.raises(MetricUnavailable, match="cannot load xlm-roberta-large for BERTScore: We couldn't connect"):
        bertscore_f1(["a"], ["b"])
    with pytest.raises(ValueError, match="2 predictions but 1 references"):
        bertscore_f1(["a", "b"], ["c"])
    monkeypatch.setitem(sys.modules, "bert_score", None)  # import fails, as where it is not installed
    with pytest.raises(MetricUnavailable, match="bert-score is not installed"):
        bertscore_f1(["a"], ["b"])
