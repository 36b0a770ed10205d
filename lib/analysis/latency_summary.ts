/**
 * Per-run latency distribution: not only the mean, which a few slow answers dominate.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { metricValues, runRows } from "../scored/run_columns.ts";
import { quantileSorted } from "../stats/quantile.ts";

/** One run's latency summary (seconds). */
export interface LatencyRow {
  run: string;
  label: string;
  /** `external` runs are API calls: their latency includes the network and the provider's load. */
  variant: string;
  n: number | null;
  mean: number | null;
  median: number | null;
  p95: number | null;
  max: number | null;
  /** `samples` (computed here) or `summary` (only the stored mean is known). */
  source: "samples" | "summary";
}

/**
 * Mean, median, 95th percentile and maximum of per-sample latency (`latency_s`) per run
 * (quantiles by linear interpolation, numpy's default). Summary-only runs give their stored mean
 * and nothing else. Caveat: latencies depend on hardware, batch size and, for API models, the
 * network and the provider's load; only runs measured on the same machine compare.
 *
 * @example
 * ```ts
 * import { latencySummary } from "./latency_summary.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const [row] = latencySummary(fakeScored([{ id: "r", values: {}, latency_s: [1, 2, 3, 4, 100] }]));
 * assert.deepEqual([row.mean, row.median, row.max], [22, 3, 100]);
 * assert.ok(Math.abs(row.p95! - 80.8) < 1e-9); // position 0.95·4 = 3.8: 4 + 0.8·(100 - 4)
 * ```
 */
export function latencySummary(scored: ScoredResults): LatencyRow[] {
  return scored.runs.map((r): LatencyRow => {
    const base = { run: r.run.id, label: r.run.label, variant: r.run.variant };
    if (r.samples === 0) {
      const a = r.summary.latency_s;
      return {
        ...base,
        n: a?.n ?? null,
        mean: a?.mean ?? null,
        median: null,
        p95: null,
        max: null,
        source: "summary",
      };
    }
    const sorted = metricValues(runRows(scored.frame, r.run.id), "latency_s")
      .filter((v) => !Number.isNaN(v)).sort();
    const n = sorted.length;
    let sum = 0;
    for (const v of sorted) sum += v;
    const f = (v: number) => (n ? v : null);
    return {
      ...base,
      n,
      mean: f(sum / n),
      median: f(quantileSorted(sorted, 0.5)),
      p95: f(quantileSorted(sorted, 0.95)),
      max: f(sorted[n - 1]),
      source: "samples",
    };
  });
}
