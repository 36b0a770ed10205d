/**
 * Metric suites for the Russian/Kazakh legal QA benchmark.
 *
 * - `legacy`: the study's own metrics, re-implemented to reproduce every stored value
 *   (citation_accuracy, hallucination_rate, key_info, length_ratio, rouge1/2/L, bleu).
 * - `v2`: ROUGE on Unicode words, chrF/chrF++, Russian+Kazakh citations, key_info with Kazakh terms,
 *   normalised exact match.
 *
 * {@linkcode METRICS} declares every metric; docs/metrics.md lists them in tables generated from it,
 * and README.md beside this file holds the extractor details and caveats.
 * @module
 */
export * from "./registry.ts";
export * from "./score_sample.ts";
export * from "./scoring_context.ts";
export * from "./rescore_run.ts";
export * from "./check_legacy.ts";
export * from "./tokenize.ts";
export * from "./rouge.ts";
export * from "./bleu.ts";
export * from "./chrf.ts";
export * from "./chrf_corpus.ts";
export * from "./legacy_citations.ts";
export * from "./citations.ts";
export * from "./citation_accuracy.ts";
export * from "./hallucination_rate.ts";
export * from "./key_info.ts";
export * from "./length_ratio.ts";
export * from "./metric_order.ts";
export * from "./exact_match.ts";
