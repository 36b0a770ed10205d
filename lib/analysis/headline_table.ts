/**
 * The compact headline table of the paper: one line per run, the corrected (v2) metrics as
 * "mean [95% interval]". The full scaling table, every metric in both suites, stays as CSV.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { metricLabel } from "../metrics/metric_order.ts";
import { metricsWithRole } from "../metrics/registry.ts";
import type { ScalingRow } from "./scaling_table.ts";

/**
 * The headline metrics: the registry's metrics with the `headline` role (BERTScore, chrF and the
 * corrected (v2) suite), in display order, then latency.
 */
export const HEADLINE_METRICS: readonly string[] = Object.freeze([
  ...metricsWithRole("headline"),
  "latency_s",
]);

/**
 * Rows `label, variant, size_b, n`, then `<metric>_mean/_lo/_hi` for each headline metric any
 * run has (the table writer prints each triple as one "mean [lo, hi]" column), followed by
 * `<metric>_n`, the answers that define the metric (what its mean is over), for every metric
 * where that differs from `n` for some run; and display labels for the columns.
 *
 * @example
 * ```ts
 * import { headlineTable } from "./headline_table.ts";
 * import assert from "node:assert/strict";
 * const rows = [{ run: "a", label: "A", variant: "base", size_b: 4, n: 500, metric: "chrf", mean: 13, lo: 12, hi: 14 }];
 * const t = headlineTable(rows as never);
 * assert.deepEqual(t.rows[0], { model: "A", variant: "base", size_b: 4, n: 500, chrf_mean: 13, chrf_lo: 12, chrf_hi: 14 });
 * assert.equal(t.labels.chrf, "chrF");
 * ```
 */
export function headlineTable(
  scaling: readonly ScalingRow[],
  metrics: readonly string[] = HEADLINE_METRICS,
): { rows: Record<string, Cell>[]; labels: Record<string, string> } {
  const present = metrics.filter((m) => scaling.some((r) => r.metric === m && r.mean !== null));
  const runs = [...new Set(scaling.map((r) => r.run))];
  const partial = new Set(
    present.filter((m) =>
      scaling.some((r) => r.metric === m && r.n_defined !== undefined && r.n_defined !== r.n)
    ),
  );
  const rows = runs.map((run) => {
    const first = scaling.find((r) => r.run === run)!;
    const row: Record<string, Cell> = {
      model: first.label,
      variant: first.variant,
      size_b: first.size_b,
      n: first.n,
    };
    for (const m of present) {
      const r = scaling.find((x) => x.run === run && x.metric === m);
      Object.assign(row, {
        [`${m}_mean`]: r?.mean ?? null,
        [`${m}_lo`]: r?.lo ?? null,
        [`${m}_hi`]: r?.hi ?? null,
      });
      if (partial.has(m)) row[`${m}_n`] = r?.n_defined ?? null;
    }
    return row;
  });
  const labels: Record<string, string> = { size_b: "size (B)" };
  for (const m of present) {
    labels[m] = metricLabel(m);
    if (partial.has(m)) labels[`${m}_n`] = `n (${metricLabel(m)})`;
  }
  return { rows, labels };
}
