/**
 * The order in which metrics appear in tables and figures, and their display labels. The metric
 * registry (lib/metrics/) holds definitions; this file only orders and names columns.
 * @module
 */

import { METRICS } from "./registry.ts";

/** Preferred column order; metrics not listed follow in alphabetical order. */
export const METRIC_ORDER: readonly string[] = [
  "bertscore_f1",
  "citation_accuracy",
  "citation_accuracy_v2",
  "hallucination_rate",
  "hallucination_rate_v2",
  "key_info",
  "key_info_v2",
  "rouge1",
  "rouge2",
  "rougeL",
  "rouge1_v2",
  "rouge2_v2",
  "rougeL_v2",
  "chrf",
  "chrf_corpus",
  "exact_match",
  "bleu",
  "length_ratio",
  "latency_s",
];

/** Display labels for figures and tables. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  bertscore_f1: "BERTScore F1",
  citation_accuracy: "Citation accuracy",
  citation_accuracy_v2: "Citation accuracy (v2)",
  hallucination_rate: "Hallucination rate",
  hallucination_rate_v2: "Hallucination rate (v2)",
  key_info: "Key info",
  key_info_v2: "Key info (v2)",
  rouge1: "ROUGE-1",
  rouge2: "ROUGE-2",
  rougeL: "ROUGE-L",
  rouge1_v2: "ROUGE-1 (v2)",
  rouge2_v2: "ROUGE-2 (v2)",
  rougeL_v2: "ROUGE-L (v2)",
  chrf: "chrF",
  chrf_corpus: "chrF (corpus)",
  exact_match: "Exact match",
  bleu: "BLEU",
  length_ratio: "Length ratio",
  latency_s: "Latency (s)",
};

/** Metrics where lower is better (the rest: higher is better), from the metric registry. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(
  Object.values(METRICS).filter((m) => !m.higherIsBetter).map((m) => m.name),
);

/** Sorts metric names in the preferred order. */
export function orderMetrics(names: readonly string[]): string[] {
  const rank = (m: string) => {
    const i = METRIC_ORDER.indexOf(m);
    return i < 0 ? METRIC_ORDER.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A metric's display label. */
export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? name;
}
