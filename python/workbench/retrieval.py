"""Lexical retrieval over the training questions (scikit-learn + NumPy/SciPy, CPU).

- TF-IDF as in the study: `TfidfVectorizer(max_features=50000, sublinear_tf=True)`, cosine
  similarity (rows are L2-normalised, so a sparse dot product is the cosine).
- BM25 (Okapi, k1=1.5, b=0.75) over the same tokens, as an option.

Near-duplicate exclusion (the study's leakage guard): a training document whose TF-IDF cosine
with the query is above `exclude_above` is never returned, whatever the ranking retriever.
`exclude_above=None` turns the guard off. Ties in score are broken by the lower document index,
so results are deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

RETRIEVERS = ("tfidf", "bm25")


def question_text(row: dict[str, str]) -> str:
    """The text a question is indexed and queried by: instruction and input, as in the study."""
    return f"{row.get('instruction', '')} {row.get('input', '')}".strip()


def document_text(row: dict[str, str], index_on: str) -> str:
    if index_on == "question":
        return question_text(row)
    if index_on == "question_answer":
        return f"{question_text(row)} {row.get('output', '')}".strip()
    raise ValueError(f'Unknown index_on "{index_on}": expected "question" or "question_answer"')


@dataclass(frozen=True)
class Hit:
    index: int  # position in the corpus
    score: float  # ranking score (cosine for tfidf, BM25 score for bm25)
    rank: int  # 1-based


class LexicalIndex:
    """An index over `documents`; `search()` returns the top-k hits per query."""

    def __init__(self, documents: Sequence[str], retriever: str = "tfidf", max_features: int = 50000,
                 sublinear_tf: bool = True, k1: float = 1.5, b: float = 0.75):
        if retriever not in RETRIEVERS:
            raise ValueError(f'Unknown retriever "{retriever}": expected one of {list(RETRIEVERS)}')
        if not documents:
            raise ValueError("cannot index an empty corpus")
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.retriever = retriever
        self.size = len(documents)
        self.tfidf = TfidfVectorizer(max_features=max_features, sublinear_tf=sublinear_tf)
        self.doc_tfidf = self.tfidf.fit_transform(documents)  # rows L2-normalised
        self.settings = {"retriever": retriever, "max_features": max_features, "sublinear_tf": sublinear_tf,
                         "vocabulary_size": len(self.tfidf.vocabulary_)}
        if retriever == "bm25":
            from sklearn.feature_extraction.text import CountVectorizer

            self.counter = CountVectorizer(vocabulary=self.tfidf.vocabulary_)
            tf = self.counter.transform(documents).tocsr().astype(np.float64)
            lengths = np.asarray(tf.sum(axis=1)).ravel()
            avg = lengths.mean() if lengths.mean() > 0 else 1.0
            df = np.bincount(tf.indices, minlength=tf.shape[1])
            idf = np.log(1.0 + (self.size - df + 0.5) / (df + 0.5))
            rows = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))
            denom = tf.data + k1 * (1.0 - b + b * lengths[rows] / avg)
            tf.data = idf[tf.indices] * tf.data * (k1 + 1.0) / denom
            self.doc_bm25 = tf
            self.settings.update({"k1": k1, "b": b})

    def search(self, queries: Sequence[str], top_k: int, exclude_above: float | None = None,
               chunk: int = 512) -> list[list[Hit]]:
        """Top-`top_k` hits per query, best first, after near-duplicate exclusion."""
        import numpy as np

        if top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {top_k}")
        out: list[list[Hit]] = []
        for start in range(0, len(queries), chunk):
            part = list(queries[start:start + chunk])
            cosine = (self.tfidf.transform(part) @ self.doc_tfidf.T).toarray()
            if self.retriever == "tfidf":
                scores = cosine.copy()
            else:
                query_terms = self.counter.transform(part)
                query_terms.data[:] = 1.0  # each query term counts once
                scores = (query_terms @ self.doc_bm25.T).toarray()
            if exclude_above is not None:
                scores[cosine > exclude_above] = -np.inf
            k = min(top_k, self.size)
            for row in scores:
                # Candidates: every document scoring at least the k-th best (ties included), then a
                # stable order: higher score first, lower index on ties.
                kth = np.partition(row, row.size - k)[row.size - k]
                candidates = np.flatnonzero(row >= kth)
                order = candidates[np.lexsort((candidates, -row[candidates]))][:k]
                hits = [Hit(int(i), float(row[i]), rank) for rank, i in enumerate(
                    (i for i in order if np.isfinite(row[i])), 1)]
                out.append(hits)
        return out
