/**
 * The study's published table against the values recomputed from its own result files: which
 * published numbers the files reproduce, and which they do not.
 * @module
 */
import type { ScoredRun } from "../scored/load_scored.ts";
import type { ScalingRow } from "./scaling_table.ts";
import { orderMetrics } from "../metrics/metric_order.ts";

/** One published number next to its recomputed counterpart. */
export interface PublishedComparisonRow {
  /** The recomputed run (a result file). */
  run: string;
  /** The published row it matches (same family, size and variant). */
  published: string;
  metric: string;
  published_mean: number;
  published_lo: number | null;
  published_hi: number | null;
  recomputed_mean: number | null;
  recomputed_lo: number | null;
  recomputed_hi: number | null;
  /** recomputed − published. */
  diff: number | null;
  /** Whether the published mean lies inside the recomputed 95% interval. */
  within_interval: boolean | null;
}

/**
 * For each published (summary-only) run and each of its metrics, the run of `scaling` with the
 * same family, size and variant, and its recomputed estimate. Published runs without such a
 * counterpart are left out.
 *
 * @example
 * ```ts
 * import { publishedComparison } from "./published_comparison.ts";
 * import assert from "node:assert/strict";
 * const published = [{ run: { id: "p4", family: "qwen3", size_b: 4, variant: "base" },
 *   summary: { bertscore_f1: { mean: 0.824, lo: 0.821, hi: 0.827, n: 500 } } }] as never;
 * const scaling = [{ run: "baseline_4b", family: "qwen3", size_b: 4, variant: "base", source: "samples", metric: "bertscore_f1",
 *   mean: 0.81, lo: 0.807, hi: 0.813 }] as never;
 * const [row] = publishedComparison(published, scaling);
 * assert.equal(row.run, "baseline_4b");
 * assert.ok(Math.abs(row.diff! + 0.014) < 1e-12);
 * assert.equal(row.within_interval, false);
 * ```
 */
export function publishedComparison(
  published: readonly ScoredRun[],
  scaling: readonly ScalingRow[],
): PublishedComparisonRow[] {
  const out: PublishedComparisonRow[] = [];
  for (const p of published) {
    const match = scaling.find((r) =>
      r.family === p.run.family && r.size_b === p.run.size_b && r.variant === p.run.variant &&
      r.source === "samples"
    );
    if (!match) continue;
    for (const metric of orderMetrics(Object.keys(p.summary))) {
      const a = p.summary[metric];
      const r = scaling.find((x) => x.run === match.run && x.metric === metric);
      const mean = r?.mean ?? null;
      out.push({
        run: match.run,
        published: p.run.id,
        metric,
        published_mean: a.mean,
        published_lo: a.lo,
        published_hi: a.hi,
        recomputed_mean: mean,
        recomputed_lo: r?.lo ?? null,
        recomputed_hi: r?.hi ?? null,
        diff: mean === null ? null : mean - a.mean,
        within_interval: r?.lo == null || r?.hi == null ? null : a.mean >= r.lo && a.mean <= r.hi,
      });
    }
  }
  return out;
}
