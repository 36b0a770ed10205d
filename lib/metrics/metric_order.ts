/**
 * The order in which metrics appear in tables and figures, and their display labels: both the
 * metric registry's (lib/metrics/registry.ts), whose entries are listed in display order.
 * @module
 */

import { METRICS } from "./registry.ts";

/** Display order of the metrics: the registry's order. */
export const METRIC_ORDER: readonly string[] = Object.freeze(Object.keys(METRICS));

/** Display labels for figures, tables and prose, by metric name: the registry's `label`s. */
export const METRIC_LABELS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.values(METRICS).map((m) => [m.name, m.label])),
);

/** Metrics where lower is better (the rest: higher is better), from the metric registry. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(
  Object.values(METRICS).filter((m) => !m.higherIsBetter).map((m) => m.name),
);

const RANK: ReadonlyMap<string, number> = new Map(METRIC_ORDER.map((name, i) => [name, i]));

/**
 * Sorts metric names in display order (the registry's), dropping repeats; names the registry
 * lacks (e.g. a result file's own `keyword_coverage`) follow in alphabetical order.
 *
 * @example
 * ```ts
 * import { orderMetrics } from "./metric_order.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(orderMetrics(["zeta", "rougeL_v2", "bertscore_f1", "alpha", "rougeL_v2"]),
 *   ["bertscore_f1", "rougeL_v2", "alpha", "zeta"]);
 * ```
 */
export function orderMetrics(names: readonly string[]): string[] {
  const rank = (m: string) => RANK.get(m) ?? METRIC_ORDER.length;
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A metric's display label (the registry's `label`), or its name for a metric the registry lacks. */
export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? name;
}
