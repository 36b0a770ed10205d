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

/** Display labels for figures, tables and prose, by metric name: the registry's `label`s. */
export const METRIC_LABELS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.values(METRICS).map((m) => [m.name, m.label])),
);

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

/** A metric's display label (the registry's `label`), or its name for a metric the registry lacks. */
export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? name;
}
