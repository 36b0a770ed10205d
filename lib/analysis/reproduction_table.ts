/**
 * Do the numbers stored in the result files reproduce? Stored aggregates (the study's
 * `avg_metrics` and `confidence_intervals`) against the values recomputed from the same files'
 * per-sample records.
 * @module
 */
import type { ScoredRun } from "../scored/load_scored.ts";
import type { ScalingRow } from "./scaling_table.ts";
import { orderMetrics } from "../metrics/metric_order.ts";

/** One row of the reproduction table. */
export interface ReproductionRow {
  run: string;
  metric: string;
  stored_mean: number;
  recomputed_mean: number | null;
  stored_lo: number | null;
  stored_hi: number | null;
  recomputed_lo: number | null;
  recomputed_hi: number | null;
}

/**
 * For every run with samples and every stored aggregate, the stored mean and interval next to
 * the recomputed ones from `scaling` (rows of {@linkcode scalingTable}).
 *
 * @example
 * ```ts
 * import { reproductionTable } from "./reproduction_table.ts";
 * import assert from "node:assert/strict";
 * const run = { run: { id: "r" }, samples: 2, summary: { m: { mean: 0.5, lo: 0.4, hi: 0.6, n: 2 } } } as never;
 * const scaling = [{ run: "r", metric: "m", mean: 0.5, lo: 0.41, hi: 0.59 }] as never;
 * assert.deepEqual(reproductionTable([run], scaling).map((r) => [r.stored_mean, r.recomputed_lo]), [[0.5, 0.41]]);
 * ```
 */
export function reproductionTable(
  runs: readonly ScoredRun[],
  scaling: readonly ScalingRow[],
): ReproductionRow[] {
  const out: ReproductionRow[] = [];
  for (const r of runs) {
    if (r.samples === 0) continue;
    for (const m of orderMetrics(Object.keys(r.summary))) {
      const a = r.summary[m];
      const row = scaling.find((s) => s.run === r.run.id && s.metric === m);
      out.push({
        run: r.run.id,
        metric: m,
        stored_mean: a.mean,
        recomputed_mean: row?.mean ?? null,
        stored_lo: a.lo,
        stored_hi: a.hi,
        recomputed_lo: row?.lo ?? null,
        recomputed_hi: row?.hi ?? null,
      });
    }
  }
  return out;
}

/** The largest absolute difference between stored and recomputed means, and where it is. */
export function largestMeanDifference(
  rows: readonly ReproductionRow[],
): { run: string; metric: string; diff: number } | null {
  let best: { run: string; metric: string; diff: number } | null = null;
  for (const r of rows) {
    if (r.recomputed_mean === null) continue;
    const diff = Math.abs(r.recomputed_mean - r.stored_mean);
    if (!best || diff > best.diff) best = { run: r.run, metric: r.metric, diff };
  }
  return best;
}
