/**
 * Retrieval quality computed from result files: citation agreement between retrieved training
 * pairs and the reference (hit rate@k and MRR, where sources are known, are computed by
 * `python/benchmark.py` and stored in the result file's `retrieval_quality`).
 * @module
 */
export * from "./citation_agreement.ts";
