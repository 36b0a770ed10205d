"""Model-based metrics computed in Python. BERTScore F1 with xlm-roberta-large (the study's
multilingual choice for Russian and Kazakh), no IDF weighting, no baseline rescaling.

When bert-score is missing or its model cannot be loaded (GPU machines have no network:
the model must be in the Hugging Face cache), `MetricUnavailable` carries the reason and the
caller records it in the result file's `missing_metrics`.
"""

from __future__ import annotations

from typing import Sequence


class MetricUnavailable(RuntimeError):
    """A metric cannot be computed here; the message is the reason recorded in the result file."""


def bertscore_f1(predictions: Sequence[str], references: Sequence[str], model_type: str = "xlm-roberta-large",
                 batch_size: int = 32) -> tuple[list[float], str]:
    """Per-sample F1 and the metric signature (suite, model, layer, options, version)."""
    try:
        import bert_score
        from bert_score.utils import model2layers
    except ImportError as error:
        raise MetricUnavailable(f"bert-score is not installed ({error.name}); pip install bert-score") from error
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions but {len(references)} references")
    layers = model2layers.get(model_type)
    try:
        import torch

        device = "cuda" if torch.cuda.is_available() else "cpu"
        _, _, f1 = bert_score.score(list(predictions), list(references), model_type=model_type,
                                    num_layers=layers, idf=False, rescale_with_baseline=False,
                                    batch_size=batch_size, device=device, verbose=False)
    except OSError as error:  # model files not in the cache and no network
        raise MetricUnavailable(f"cannot load {model_type} for BERTScore: {error}") from error
    version = getattr(bert_score, "__version__", "unknown")
    signature = f"bertscore|model:{model_type}|layers:{layers}|idf:no|rescale:no|version:{version}"
    return [float(x) for x in f1.tolist()], signature
