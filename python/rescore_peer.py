"""The Python peer of `deno task rescore --suite all --out DIR PATH`, for timing the two side by side.

    .venv/bin/python python/rescore_peer.py --results=data/results --out=runs/rescored_peer

Reads every legacy result file in `results` (a folder: every `*.json` in it, not recursive; or one
file), scores every sample of its `detailed_results` with the metrics that have a standard Python
implementation, averages them with numpy and writes one JSON per run to `out` as
`<file stem>.json`: `{"run", "source": {"path", "sha256"}, "tool", "packages", "summary":
{metric: {"mean", "n"}}, "samples": [{"id", "metrics"}]}`. Files without `detailed_results` (the
RAG ablation files) are skipped with a note, as rescore skips them.

Metrics, named as in lib/metrics/registry.ts:
- chrf, chrf_pp: sacrebleu `CHRF()` / `CHRF(word_order=2)` `.sentence_score(pred, [ref]).score`;
- rouge1, rouge2, rougeL: F1 of rouge-score's `RougeScorer(["rouge1", "rouge2", "rougeL"])`
  (default tokenizer, no stemmer) `.score(ref, pred)`, as the study's legacy suite; where the
  rouge-score package is not installed (the local package folders lack it), a
  transcription of its 0.1.2 default tokenizer, n-gram overlap and LCS table, named in `packages`;
- bleu: NLTK `sentence_bleu([ref], pred, smoothing_function=SmoothingFunction().method1)` on
  `text.lower().split()` tokens, 0 when either side has no token, as the study did;
- length_ratio: the study's `str.split()` word-count ratio (min(p/r, r/p), 0 for an empty reference).

It is a peer, not a reimplementation of rescore: it does not validate the input against the
legacy schema, does not compute the study's citation, hallucination and key-info metrics nor the
v2 suite (ROUGE on Unicode tokens, exact match, citation accuracy and hallucination v2, key-info
v2), and writes a small JSON rather than a schema-v1 document validated before writing. The Deno
side does all of that, so a timing of the two whole processes favours this peer.
lib/metrics/rescore_peer_bench.ts times both; lib/metrics/rescore_peer_test.ts checks that the
means of chrf, chrf_pp and rouge1/2/L here equal rescore's within 1e-9.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbench.core.config import ConfigError, help_text, resolve_config, wants_help  # noqa: E402

DEFAULTS = {
    "results": "data/results",  # a folder of legacy result files (every *.json in it) or one file
    "out": "runs/rescored_peer",  # one <file stem>.json per run
}

METRICS = ["chrf", "chrf_pp", "rouge1", "rouge2", "rougeL", "bleu", "length_ratio"]


def _rouge_transcribed():
    """rouge-score 0.1.2 `RougeScorer(["rouge1", "rouge2", "rougeL"]).score(ref, pred)` F1s:
    its `tokenize.tokenize` (no stemmer), `_create_ngrams`/`_score_ngrams` and `_score_lcs`."""
    import collections
    import re

    non_alnum = re.compile(r"[^a-z0-9]+")
    spaces = re.compile(r"\s+")
    valid = re.compile(r"^[a-z0-9]+$")

    def tokenize(text):
        text = non_alnum.sub(" ", text.lower())
        return [t for t in spaces.split(text) if valid.match(t)]

    def fmeasure(precision, recall):
        return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0

    def ngrams(tokens, n):
        return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))

    def score_ngrams(target, prediction):
        overlap = sum(min(count, prediction[ng]) for ng, count in target.items())
        precision = overlap / max(sum(prediction.values()), 1)
        recall = overlap / max(sum(target.values()), 1)
        return fmeasure(precision, recall)

    def score_lcs(target, prediction):
        if not target or not prediction:
            return 0.0
        rows, cols = len(target), len(prediction)
        table = [[0] * (cols + 1) for _ in range(rows + 1)]
        for i in range(1, rows + 1):
            for j in range(1, cols + 1):
                if target[i - 1] == prediction[j - 1]:
                    table[i][j] = table[i - 1][j - 1] + 1
                else:
                    table[i][j] = max(table[i - 1][j], table[i][j - 1])
        lcs = table[-1][-1]
        return fmeasure(lcs / len(prediction), lcs / len(target))

    def score(reference, prediction):
        ref, pred = tokenize(reference), tokenize(prediction)
        return {
            "rouge1": score_ngrams(ngrams(ref, 1), ngrams(pred, 1)),
            "rouge2": score_ngrams(ngrams(ref, 2), ngrams(pred, 2)),
            "rougeL": score_lcs(ref, pred),
        }

    return score


def _rouge():
    """(scorer of (reference, prediction) -> {rouge1, rouge2, rougeL} F1, its description)."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        return _rouge_transcribed(), "transcription of rouge-score 0.1.2 (package not installed)"
    import importlib.metadata

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])

    def score(reference, prediction):
        return {k: v.fmeasure for k, v in scorer.score(reference, prediction).items()}

    return score, f"rouge-score {importlib.metadata.version('rouge-score')}"


def _input_files(results: Path) -> list[Path]:
    if results.is_dir():
        return sorted(p for p in results.iterdir() if p.suffix == ".json" and p.name != "runs.json")
    if results.is_file():
        return [results]
    raise FileNotFoundError(f'Cannot read "{results}": no such file or folder')


def main(argv: list[str]) -> int:
    if wants_help(argv):
        print(help_text(__doc__, DEFAULTS, __file__))
        return 0
    try:
        config = resolve_config(DEFAULTS, argv)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        import nltk
        import numpy as np
        import sacrebleu
        from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu
        from sacrebleu.metrics import CHRF
    except ImportError as error:
        print(f"error: {sys.executable} cannot import {error.name}; rescore_peer.py needs sacrebleu, "
              "nltk and numpy (python/requirements/pytest.txt): run `deno task setup --for test` and "
              "use .venv/bin/python", file=sys.stderr)
        return 1

    chrf, chrf_pp = CHRF(), CHRF(word_order=2)
    method1 = SmoothingFunction().method1
    rouge, rouge_impl = _rouge()
    packages = {"python": sys.version.split()[0], "sacrebleu": sacrebleu.__version__,
                "nltk": nltk.__version__, "numpy": np.__version__, "rouge": rouge_impl}

    def bleu(prediction, reference):
        pred, ref = prediction.lower().split(), reference.lower().split()
        if not pred or not ref:
            return 0.0
        return float(sentence_bleu([ref], pred, smoothing_function=method1))

    def length_ratio(prediction, reference):
        p, r = len(prediction.split()), len(reference.split())
        if r == 0:
            return 0.0
        return r / p if p > r else p / r

    out_dir = Path(config["out"])
    written = []
    try:
        files = _input_files(Path(config["results"]))
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in files:
        data = path.read_bytes()
        doc = json.loads(data)
        rows = doc.get("detailed_results") if isinstance(doc, dict) else None
        if not isinstance(rows, list):
            print(f'note: skipping "{path}" (no detailed_results)', file=sys.stderr)
            continue
        samples = []
        for i, row in enumerate(rows):
            try:
                pred, ref = row["prediction"], row["reference"]
            except (KeyError, TypeError):
                print(f'error: "{path}": detailed_results[{i}] has no prediction and reference',
                      file=sys.stderr)
                return 1
            metrics = {
                "chrf": chrf.sentence_score(pred, [ref]).score,
                "chrf_pp": chrf_pp.sentence_score(pred, [ref]).score,
                **rouge(ref, pred),
                "bleu": bleu(pred, ref),
                "length_ratio": length_ratio(pred, ref),
            }
            samples.append({"id": str(row.get("id", i)), "metrics": metrics})
        summary = {name: {"mean": float(np.mean([s["metrics"][name] for s in samples])),
                          "n": len(samples)} for name in METRICS} if samples else {}
        written.append((out_dir / f"{path.stem}.json", {
            "run": path.stem,
            "source": {"path": str(path), "sha256": hashlib.sha256(data).hexdigest()},
            "tool": "python/rescore_peer.py",
            "packages": packages,
            "summary": summary,
            "samples": samples,
        }))
    out_dir.mkdir(parents=True, exist_ok=True)
    for target, result in written:
        target.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target} ({len(result['samples'])} samples)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
