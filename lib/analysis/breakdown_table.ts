/**
 * Per-group (domain, language) means with bootstrap intervals, for every run with samples.
 * @module
 */
import pl from "nodejs-polars";
import type { ScoredResults } from "../scored/load_scored.ts";
import { definedCount, metricValues, runRows, textValues } from "../scored/run_columns.ts";
import { bootstrapCi, type BootstrapOptions } from "../stats/bootstrap.ts";
import { orderMetrics } from "../metrics/metric_order.ts";
import { MIN_CELL_N, UNLABELLED } from "./sample_group.ts";
import { smallSampleFlag } from "./small_sample_flag.ts";
import { memo } from "../scored/memo.ts";

/** Options for {@linkcode breakdownTable}. */
export interface BreakdownTableOptions extends BootstrapOptions {
  /** The frame's label column to group by, e.g. `"domain"` or `"language"`. Required. */
  by: string;
  /** Metrics, in order. Default: every metric of the frame. */
  metrics?: string[];
  /** Cells with fewer values that define the metric are flagged (`flag = "n<30"`). Default: `30`. */
  minN?: number;
}

/** One run × group × metric. */
export interface BreakdownRow {
  run: string;
  /** The group (a domain, a language); `(unlabelled)` for samples without a label. */
  group: string;
  /** Samples of the run in the group. */
  n: number;
  metric: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  /** Samples of the cell where the metric is defined. */
  n_defined: number;
  /**
   * `"n<30"` for cells too small to read (`"n<10, no interval"` below the bootstrap's minimum),
   * else `""`; counted on `n_defined`, by `smallSampleFlag()`.
   */
  flag: string;
  /** Why the cell has no interval (too few defined values), or `""`. */
  note: string;
}

/** The groups of a label column ordered by their total size over all rows, then by name. */
export function groupOrder(frame: pl.DataFrame, by: string): string[] {
  const counts = frame.select(pl.col(by).fillNull(UNLABELLED).alias("g"))
    .groupBy("g").agg(pl.len().alias("n")).toRecords() as { g: string; n: number }[];
  return counts.sort((x, y) => y.n - x.n || (x.g < y.g ? -1 : x.g > y.g ? 1 : 0)).map((c) => c.g);
}

/**
 * Rows `run, group, n, metric, mean, lo, hi, n_defined, flag` for every run with samples, group
 * and metric (percentile bootstrap, seeded). Groups are ordered by their total size over all runs
 * (largest first), then by name.
 *
 * @example
 * ```ts
 * import { breakdownTable } from "./breakdown_table.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "r", values: { m: [1, 0, null, 1] }, language: ["ru", "ru", "kz", "kz"] }]);
 * const rows = breakdownTable(scored, { by: "language", resamples: 500 });
 * assert.deepEqual(rows.map((r) => [r.group, r.n, r.mean, r.n_defined, r.flag]),
 *   [["kz", 2, 1, 1, "n<10, no interval"], ["ru", 2, 0.5, 2, "n<10, no interval"]]);
 * ```
 */
export function breakdownTable(
  scored: ScoredResults,
  options: BreakdownTableOptions,
): BreakdownRow[] {
  return memo(scored, "breakdown_table", options, () => compute(scored, options));
}

function compute(scored: ScoredResults, options: BreakdownTableOptions): BreakdownRow[] {
  const { by, minN = MIN_CELL_N, ...boot } = options;
  const metrics = options.metrics ?? orderMetrics(scored.metrics);
  const order = groupOrder(scored.frame, by);
  const rows: BreakdownRow[] = [];
  for (const r of scored.runs) {
    if (r.samples === 0) continue;
    const frame = runRows(scored.frame, r.run.id);
    const labels = textValues(frame, by).map((g) => g ?? UNLABELLED);
    const members = new Map<string, number[]>();
    labels.forEach((g, i) => {
      if (!members.has(g)) members.set(g, []);
      members.get(g)!.push(i);
    });
    const columns = new Map(
      metrics.map((m) => [m, frame.columns.includes(m) ? metricValues(frame, m) : null]),
    );
    for (const g of order) {
      const idx = members.get(g);
      if (!idx) continue;
      for (const metric of metrics) {
        const all = columns.get(metric);
        const values = all ? Float64Array.from(idx, (i) => all[i]) : new Float64Array(0);
        const n_defined = definedCount(values);
        const ci = n_defined > 0 ? bootstrapCi(values, boot) : null;
        rows.push({
          run: r.run.id,
          group: g,
          n: idx.length,
          metric,
          mean: finite(ci?.mean),
          lo: finite(ci?.lo),
          hi: finite(ci?.hi),
          n_defined,
          flag: smallSampleFlag(n_defined, { minN }),
          note: ci?.reason ?? "",
        });
      }
    }
  }
  return rows;
}

function finite(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : x;
}
