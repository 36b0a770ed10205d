/**
 * Stored against recomputed aggregates: for runs that carry both per-sample records and the
 * producer's own aggregates (the study's `avg_metrics` and `confidence_intervals`), one row per
 * run × metric with both means and both intervals, so a reader sees that the numbers reproduce.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import type { ScalingRow } from "./scaling_table.ts";
import { orderMetrics } from "./metric_order.ts";

/** One row of the reproduction table. */
export interface ReproductionRow {
  [key: string]: string | number | null;
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
 * Rows for every run with samples and stored aggregates. `scaling` are the rows of
 * {@linkcode scalingTable} computed from the same runs.
 */
export function reproductionTable(
  runs: readonly RunResult[],
  scaling: readonly ScalingRow[],
): ReproductionRow[] {
  const out: ReproductionRow[] = [];
  for (const r of runs) {
    if (!r.samples) continue;
    const row = scaling.find((s) => s.run === r.run.id);
    if (!row) continue;
    for (const m of orderMetrics(Object.keys(r.summary))) {
      const a = r.summary[m];
      out.push({
        run: r.run.id,
        metric: m,
        stored_mean: a.mean,
        recomputed_mean: (row[`${m}_mean`] as number | null) ?? null,
        stored_lo: a.lo,
        stored_hi: a.hi,
        recomputed_lo: (row[`${m}_lo`] as number | null) ?? null,
        recomputed_hi: (row[`${m}_hi`] as number | null) ?? null,
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
