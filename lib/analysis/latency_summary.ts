/**
 * Per-run latency distribution: not only the mean, which a few slow answers dominate.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import { quantileSorted } from "../stats/quantile.ts";

/** Options for {@linkcode latencySummary}. */
export interface LatencySummaryOptions {
  /** Metric holding each sample's generation time in seconds. Default: `"latency_s"`. */
  metric?: string;
}

/** One run's latency summary (seconds). */
export interface LatencyRow {
  run: string;
  label: string;
  n: number | null;
  mean: number | null;
  median: number | null;
  p95: number | null;
  max: number | null;
  /** `samples` (computed here) or `summary` (only the stored mean is known). */
  source: "samples" | "summary";
}

/**
 * Mean, median, 95th percentile and maximum of per-sample latency per run (quantiles by linear
 * interpolation, numpy's default). Summary-only runs give their stored mean and nothing else.
 * Caveat: latencies depend on hardware, batch size and the API's load at the time; compare runs
 * measured on the same machine.
 *
 * @example
 * ```ts
 * import { latencySummary } from "./latency_summary.ts";
 * import assert from "node:assert/strict";
 * const samples = [1, 2, 3, 4, 100].map((x, i) => ({ id: String(i), metrics: { latency_s: x } }));
 * const [row] = latencySummary([{ run: { id: "r", label: "R" }, samples, summary: {} } as never]);
 * assert.deepEqual([row.mean, row.median, row.max], [22, 3, 100]);
 * assert.ok(Math.abs(row.p95! - 80.8) < 1e-9); // position 0.95·4 = 3.8: 4 + 0.8·(100 - 4)
 * ```
 */
export function latencySummary(
  runs: readonly RunResult[],
  options: LatencySummaryOptions = {},
): LatencyRow[] {
  const { metric = "latency_s" } = options;
  return runs.map((r) => {
    if (r.samples === null) {
      const a = r.summary[metric];
      return {
        run: r.run.id,
        label: r.run.label,
        n: a?.n ?? null,
        mean: a?.mean ?? null,
        median: null,
        p95: null,
        max: null,
        source: "summary",
      };
    }
    const x = r.samples.map((s) => s.metrics[metric]).filter((v): v is number =>
      typeof v === "number" && !Number.isNaN(v)
    );
    const sorted = Float64Array.from(x).sort();
    const n = sorted.length;
    const f = (v: number) => (n ? v : null);
    return {
      run: r.run.id,
      label: r.run.label,
      n,
      mean: f(sorted.reduce((s, v) => s + v, 0) / n),
      median: f(quantileSorted(sorted, 0.5)),
      p95: f(quantileSorted(sorted, 0.95)),
      max: f(sorted[n - 1]),
      source: "samples",
    };
  });
}
