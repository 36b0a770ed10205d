"""Retrieval over the training questions (CPU or GPU): lexical (scikit-learn) and dense
(sentence-transformers embeddings).

- TF-IDF as in the study: `TfidfVectorizer(max_features=50000, sublinear_tf=True)`, cosine
  similarity (rows are L2-normalised, so a sparse dot product is the cosine).
- BM25 (Okapi, k1=1.5, b=0.75) over the same tokens, as an option.
- Dense: a sentence-transformers encoder with multilingual-e5 style prefixes (`query: ` for
  questions, `passage: ` for indexed documents), L2-normalised embeddings, exact cosine search by
  a matrix product (NumPy) or FAISS's exact inner-product index (`IndexFlatIP`) when installed.

Near-duplicate exclusion (the study's leakage guard): a training document whose TF-IDF cosine
with the query is above `exclude_above` is never returned, whatever the ranking retriever.
`exclude_above=None` turns the guard off. `max_distance` drops documents whose cosine distance
(1 - cosine; TF-IDF or dense) to the query is larger; a question may then have no document at all
(the benchmark then prompts without context). Ties in score are broken by the lower document
index, so results are deterministic.

Retrieval quality (`retrieval_quality`): where questions and documents name their source (a
`source` field), hit rate@k (share of questions with a document of the same source in the top k)
and MRR (mean of 1/rank of the first such document, 0 when none is in the top k).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

RETRIEVERS = ("tfidf", "bm25", "dense")
SEARCH_BACKENDS = ("auto", "numpy", "faiss")


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


def top_hits(row: Any, k: int) -> list[Hit]:
    """The `k` best finite scores of one row, best first, lower index first on ties."""
    import numpy as np

    k = min(k, row.size)
    # Candidates: every document scoring at least the k-th best (ties included), then a stable
    # order: higher score first, lower index on ties.
    kth = np.partition(row, row.size - k)[row.size - k]
    candidates = np.flatnonzero(row >= kth)
    order = candidates[np.lexsort((candidates, -row[candidates]))][:k]
    return [Hit(int(i), float(row[i]), rank) for rank, i in enumerate((i for i in order if np.isfinite(row[i])), 1)]


def check_max_distance(max_distance: float | None) -> None:
    if max_distance is not None and not 0.0 <= max_distance <= 2.0:
        raise ValueError(f"max_distance is a cosine distance in [0, 2], got {max_distance}")


class LexicalIndex:
    """An index over `documents`; `search()` returns the top-k hits per query."""

    def __init__(self, documents: Sequence[str], retriever: str = "tfidf", max_features: int = 50000,
                 sublinear_tf: bool = True, k1: float = 1.5, b: float = 0.75):
        if retriever not in ("tfidf", "bm25"):
            raise ValueError(f'Unknown lexical retriever "{retriever}": expected "tfidf" or "bm25" '
                             '(DenseIndex is the "dense" retriever)')
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

    def cosine(self, queries: Sequence[str]) -> Any:
        """TF-IDF cosine of each query with every document (a dense queries x documents array)."""
        return (self.tfidf.transform(list(queries)) @ self.doc_tfidf.T).toarray()

    def search(self, queries: Sequence[str], top_k: int, exclude_above: float | None = None,
               chunk: int = 512, max_distance: float | None = None) -> list[list[Hit]]:
        """Top-`top_k` hits per query, best first, after near-duplicate exclusion and (tfidf only)
        dropping documents farther than `max_distance` (1 - cosine)."""
        import numpy as np

        if top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {top_k}")
        check_max_distance(max_distance)
        if max_distance is not None and self.retriever != "tfidf":
            raise ValueError("max_distance is a cosine distance: it applies to tfidf and dense, not bm25")
        out: list[list[Hit]] = []
        for start in range(0, len(queries), chunk):
            part = list(queries[start:start + chunk])
            cosine = self.cosine(part)
            if self.retriever == "tfidf":
                scores = cosine.copy()
            else:
                query_terms = self.counter.transform(part)
                query_terms.data[:] = 1.0  # each query term counts once
                scores = (query_terms @ self.doc_bm25.T).toarray()
            if exclude_above is not None:
                scores[cosine > exclude_above] = -np.inf
            if max_distance is not None:
                scores[1.0 - cosine > max_distance] = -np.inf
            out.extend(top_hits(row, top_k) for row in scores)
        return out


def load_encoder(model: Any, device: str = "auto") -> Any:
    """A SentenceTransformer: `model` itself when it is one, else loaded from a hub id or folder."""
    if not isinstance(model, str):
        return model
    from sentence_transformers import SentenceTransformer

    if device == "auto":
        import torch

        device = "cuda" if torch.cuda.is_available() else "cpu"
    return SentenceTransformer(model, device=device)


class DenseIndex:
    """Exact cosine search over sentence-transformers embeddings of `documents`.

    `encoder` is a SentenceTransformer (tests build a tiny one in code) or a model id or folder
    (e.g. `intfloat/multilingual-e5-base`; GPU machines have no network, so it must be cached).
    Documents are encoded as `passage_prefix + text` and queries as `query_prefix + text` (the
    multilingual-e5 convention; pass "" for encoders trained without prefixes), both
    L2-normalised, so the inner product is the cosine. The near-duplicate guard uses a TF-IDF
    index over the same documents, as the lexical retrievers do.
    """

    def __init__(self, documents: Sequence[str], encoder: Any, query_prefix: str = "query: ",
                 passage_prefix: str = "passage: ", batch_size: int = 64, search: str = "auto",
                 device: str = "auto", max_features: int = 50000):
        import numpy as np

        if not documents:
            raise ValueError("cannot index an empty corpus")
        if search not in SEARCH_BACKENDS:
            raise ValueError(f'Unknown search "{search}": expected one of {list(SEARCH_BACKENDS)}')
        if search == "auto":
            import importlib.util

            search = "faiss" if importlib.util.find_spec("faiss") is not None else "numpy"
        self.encoder = load_encoder(encoder, device)
        self.query_prefix, self.passage_prefix, self.batch_size = query_prefix, passage_prefix, batch_size
        self.size = len(documents)
        self.retriever = "dense"
        self.doc_embeddings = self.encode([passage_prefix + d for d in documents])
        self.guard = LexicalIndex(documents, "tfidf", max_features=max_features)
        self.search_backend = search
        if search == "faiss":
            import faiss

            self.faiss_index = faiss.IndexFlatIP(self.doc_embeddings.shape[1])
            self.faiss_index.add(np.ascontiguousarray(self.doc_embeddings))
        name = encoder if isinstance(encoder, str) else getattr(self.encoder, "model_card_data", None)
        name = name if isinstance(name, str) else getattr(name, "base_model", None) or type(self.encoder).__name__
        self.settings = {"retriever": "dense", "encoder": name, "query_prefix": query_prefix,
                         "passage_prefix": passage_prefix, "embedding_dim": int(self.doc_embeddings.shape[1]),
                         "normalized": True, "similarity": "cosine", "search": search,
                         "exact": True, "guard": "tfidf-cosine", "max_features": max_features}

    def encode(self, texts: Sequence[str]) -> Any:
        import numpy as np

        vectors = self.encoder.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, queries: Sequence[str]) -> Any:
        return self.encode([self.query_prefix + q for q in queries])

    def search(self, queries: Sequence[str], top_k: int, exclude_above: float | None = None,
               chunk: int = 512, max_distance: float | None = None) -> list[list[Hit]]:
        """Top-`top_k` hits per query by cosine of the embeddings, best first, after near-duplicate
        exclusion (TF-IDF cosine above `exclude_above`) and dropping documents whose cosine
        distance is above `max_distance`."""
        import numpy as np

        if top_k < 1:
            raise ValueError(f"top_k must be >= 1, got {top_k}")
        check_max_distance(max_distance)
        out: list[list[Hit]] = []
        for start in range(0, len(queries), chunk):
            part = list(queries[start:start + chunk])
            embedded = self.encode_queries(part)
            if self.search_backend == "faiss":
                # Exact inner products from FAISS for every document, in document order.
                found, ids = self.faiss_index.search(embedded, self.size)
                scores = np.full((len(part), self.size), -np.inf, dtype=np.float64)
                np.put_along_axis(scores, ids, found.astype(np.float64), axis=1)
            else:
                scores = (embedded @ self.doc_embeddings.T).astype(np.float64)
            if exclude_above is not None:
                scores[self.guard.cosine(part) > exclude_above] = -np.inf
            if max_distance is not None:
                scores[1.0 - scores > max_distance] = -np.inf
            out.extend(top_hits(row, top_k) for row in scores)
        return out


def make_index(documents: Sequence[str], config: dict[str, Any], encoder: Any = None) -> LexicalIndex | DenseIndex:
    """The index a benchmark configuration asks for (`retriever`, `max_features`, `dense_*`)."""
    if config["retriever"] == "dense":
        return DenseIndex(documents, encoder if encoder is not None else config["dense_model"],
                          query_prefix=config["dense_query_prefix"], passage_prefix=config["dense_passage_prefix"],
                          batch_size=config["dense_batch_size"], search=config["dense_search"],
                          device=config["dense_device"], max_features=config["max_features"])
    return LexicalIndex(documents, config["retriever"], max_features=config["max_features"])


def expand_siblings(corpus: Sequence[dict[str, Any]], hits: Sequence[Hit], window: int) -> list[list[int]]:
    """For chunked corpora (rows with `source` and an integer `chunk`): each hit's group of corpus
    indices, the chunks of the same source within `window` of the hit's chunk, in chunk order. A
    chunk already in an earlier group is not repeated; rows without `source`/`chunk` stay alone.
    `window=0` returns one-element groups."""
    by_source: dict[Any, dict[int, int]] = {}
    if window > 0:
        for index, row in enumerate(corpus):
            if row.get("source") not in (None, "") and isinstance(row.get("chunk"), int):
                by_source.setdefault(row["source"], {})[row["chunk"]] = index
    seen: set[int] = set()
    groups: list[list[int]] = []
    for hit in hits:
        row = corpus[hit.index]
        chunks = by_source.get(row.get("source"))
        if window > 0 and chunks is not None and isinstance(row.get("chunk"), int):
            wanted = range(row["chunk"] - window, row["chunk"] + window + 1)
            group = [chunks[c] for c in wanted if c in chunks and chunks[c] not in seen]
        else:
            group = [hit.index] if hit.index not in seen else []
        seen.update(group)
        if group:
            groups.append(group)
    return groups


def merge_group(corpus: Sequence[dict[str, Any]], group: Sequence[int]) -> dict[str, Any]:
    """One context item from a group of neighbouring chunks: the first chunk's question and the
    chunks' texts joined in order; `units` lets format_context cut it `units` times longer."""
    first = corpus[group[0]]
    return {"instruction": first.get("instruction", ""), "input": first.get("input", ""),
            "output": " ".join(corpus[i].get("output", "") for i in group), "units": len(group)}


def retrieval_quality(rows: Sequence[dict[str, Any]], hits: Sequence[Sequence[Hit]],
                      corpus: Sequence[dict[str, Any]], k: int, gold_field: str = "source") -> dict[str, Any]:
    """Hit rate@k and MRR over the questions whose `gold_field` is known (non-empty), with the
    retrieved documents' own `gold_field`; null when no question has one. `no_context` counts the
    questions left without any document (guard or distance threshold)."""
    with_gold = 0
    found = 0
    reciprocal = 0.0
    for row, row_hits in zip(rows, hits):
        gold = row.get(gold_field)
        if gold in (None, ""):
            continue
        with_gold += 1
        rank = next((h.rank for h in row_hits[:k] if corpus[h.index].get(gold_field) == gold), None)
        if rank is not None:
            found += 1
            reciprocal += 1.0 / rank
    return {"k": k, "questions": len(rows), "with_gold": with_gold, "gold_field": gold_field,
            "hit_rate": found / with_gold if with_gold else None,
            "mrr": reciprocal / with_gold if with_gold else None,
            "no_context": sum(1 for row_hits in hits if not row_hits)}
