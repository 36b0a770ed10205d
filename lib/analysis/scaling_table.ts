/**
 * The scaling table: each run's mean of each metric with a 95% bootstrap interval, computed from
 * the scored-samples frame (runs with samples) or taken from the stored aggregates (summary-only
 * runs).
 * @module
 */
import { bootstrapCi, type BootstrapOptions } from "../stats/bootstrap.ts";
import type { Variant } from "../results/run_result.ts";
import type { ScoredResults } from "../scored/load_scored.ts";
import { definedCount, metricValues, runRows } from "../scored/run_columns.ts";
import { orderMetrics } from "../metrics/metric_order.ts";
import { corpusChrfFromStatistics } from "./corpus_chrf.ts";
import { memo } from "../scored/memo.ts";

/** Options for {@linkcode scalingTable}. */
export interface ScalingTableOptions extends BootstrapOptions {
  /**
   * Metrics to include, in order. Default: every metric of the frame and the summaries, and the
   * corpus-level `chrf_corpus` (sacrebleu's corpus chrF) for runs with samples.
   */
  metrics?: string[];
}

/** One run's estimate of one metric: a row of the scaling table (long form). */
export interface ScalingRow {
  run: string;
  label: string;
  family: string;
  size_b: number | null;
  variant: Variant;
  /** `samples`: computed here from the run's samples; `summary`: stored in a summary-only file. */
  source: "samples" | "summary";
  /** Questions the run answered (for a summary-only run: the largest stored `n`). */
  n: number | null;
  metric: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  /** Samples where the metric is defined (for a summary-only run: the stored `n`). */
  n_defined: number | null;
}

/**
 * One row per run × metric. Runs with samples get the mean over the samples where the metric is
 * defined and a percentile-bootstrap interval (seeded; the same resamples for every metric of a
 * run); summary-only runs report their stored aggregates (bounds null where the file has none).
 * A metric a run lacks altogether (no defined value, no stored aggregate) gives a row of nulls.
 *
 * @example
 * ```ts
 * import { scalingTable } from "./scaling_table.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "ft", variant: "fine-tuned", size_b: 4, values: { chrf: [40, 60, null] } }]);
 * const [row] = scalingTable(scored, { resamples: 1000 });
 * assert.deepEqual([row.metric, row.mean, row.n, row.n_defined], ["chrf", 50, 3, 2]);
 * ```
 */
export function scalingTable(
  scored: ScoredResults,
  options: ScalingTableOptions = {},
): ScalingRow[] {
  return memo(scored, "scaling_table", options, () => compute(scored, options));
}

function compute(scored: ScoredResults, options: ScalingTableOptions): ScalingRow[] {
  const stored = scored.runs.flatMap((r) => Object.keys(r.summary));
  const corpus = scored.frame.height > 0 ? ["chrf_corpus"] : [];
  const metrics = options.metrics ?? orderMetrics([...scored.metrics, ...stored, ...corpus]);
  const rows: ScalingRow[] = [];
  for (const r of scored.runs) {
    const identity = {
      run: r.run.id,
      label: r.run.label,
      family: r.run.family,
      size_b: r.run.size_b,
      variant: r.run.variant,
    };
    // A run without samples and without stored aggregates (e.g. one left with no answer by
    // `filterScored`) is a run of 0 answers: n 0 and no values, never another set's aggregates.
    if (r.samples > 0 || Object.keys(r.summary).length === 0) {
      const frame = r.samples > 0 ? runRows(scored.frame, r.run.id) : null;
      for (const metric of metrics) {
        if (metric === "chrf_corpus" && frame !== null) {
          const e = corpusChrfFromStatistics(
            frame.getColumn("chrf_stats").toArray() as unknown as number[][],
            options,
          );
          rows.push({
            ...identity,
            source: "samples",
            n: r.samples,
            metric,
            mean: finite(e.mean),
            lo: finite(e.lo),
            hi: finite(e.hi),
            n_defined: e.n,
          });
          continue;
        }
        const values = frame !== null && frame.columns.includes(metric)
          ? metricValues(frame, metric)
          : new Float64Array(0);
        const n_defined = definedCount(values);
        const ci = n_defined > 0 ? bootstrapCi(values, options) : null;
        rows.push({
          ...identity,
          source: "samples",
          n: r.samples,
          metric,
          mean: finite(ci?.mean),
          lo: finite(ci?.lo),
          hi: finite(ci?.hi),
          n_defined,
        });
      }
    } else {
      const ns = Object.values(r.summary).map((a) => a.n).filter((n): n is number => n !== null);
      // No sample and no stored aggregate (e.g. a subset that left the run no answer): 0 answers.
      const empty = Object.keys(r.summary).length === 0;
      const n = empty ? 0 : ns.reduce((m, x) => Math.max(m, x), 0) || null;
      for (const metric of metrics) {
        const a = r.summary[metric];
        rows.push({
          ...identity,
          source: "summary",
          n,
          metric,
          mean: a?.mean ?? null,
          lo: a?.lo ?? null,
          hi: a?.hi ?? null,
          n_defined: empty ? 0 : a?.n ?? null,
        });
      }
    }
  }
  return rows;
}

function finite(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

/** The rows of one metric, in run order. */
export function scalingRowsOf(rows: readonly ScalingRow[], metric: string): ScalingRow[] {
  return rows.filter((r) => r.metric === metric);
}

/** The estimate of `metric` for `run`, or undefined. */
export function estimateOf(
  rows: readonly ScalingRow[],
  run: string,
  metric: string,
): ScalingRow | undefined {
  return rows.find((r) => r.run === run && r.metric === metric);
}
