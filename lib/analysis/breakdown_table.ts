/**
 * Per-group (domain, language) means with bootstrap intervals, for every run.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import { bootstrapCi, type BootstrapOptions } from "../stats/bootstrap.ts";
import { orderMetrics } from "./metric_order.ts";
import { type GroupBy, MIN_CELL_N, UNLABELLED } from "./sample_group.ts";

/** Options for {@linkcode breakdownTable}. */
export interface BreakdownTableOptions extends BootstrapOptions {
  /** Name of the group column, e.g. `"domain"` or `"language"`. Required. */
  column: string;
  /** Metrics, in order. Default: every per-sample metric found, in the project's order. */
  metrics?: string[];
  /** Cells with fewer samples are flagged (`flag = "n<30"`). Default: `30`. */
  minN?: number;
}

/** One row of a breakdown table. */
export type BreakdownRow = Record<string, string | number | null>;

/**
 * Builds rows `run, <column>, n`, then `<metric>_mean, _lo, _hi` per metric (percentile
 * bootstrap, seeded) and `<metric>_n` for metrics that are `null` on some samples, then `flag`
 * (`"n<30"` for small cells, else empty). Runs without per-sample records are left out. Groups
 * are ordered by their total size over all runs (largest first), then by name; samples whose
 * group is `null` form the group `(unlabelled)`.
 *
 * @param runs The runs.
 * @param groupBy A sample's group, e.g. `(s) => s.language`.
 * @param options Column name, metrics, small-cell threshold, resamples, seed, level.
 *
 * @example
 * ```ts
 * import { breakdownTable } from "./breakdown_table.ts";
 * import assert from "node:assert/strict";
 * const samples = [["ru", 1], ["ru", 0], ["kz", null], ["kz", 1]].map(([language, m], i) =>
 *   ({ id: String(i), language, metrics: { m } }));
 * const rows = breakdownTable([{ run: { id: "r" }, samples } as never], (s) => s.language,
 *   { column: "language", resamples: 500 });
 * assert.deepEqual(rows.map((r) => [r.language, r.n, r.m_mean, r.m_n, r.flag]), [["kz", 2, 1, 1, "n<30"], ["ru", 2, 0.5, 2, "n<30"]]);
 * ```
 */
export function breakdownTable(
  runs: readonly RunResult[],
  groupBy: GroupBy,
  options: BreakdownTableOptions,
): BreakdownRow[] {
  const { column, minN = MIN_CELL_N, ...boot } = options;
  const withSamples = runs.filter((r) => r.samples !== null);
  const metrics = options.metrics ??
    orderMetrics(withSamples.flatMap((r) => r.samples!.flatMap((s) => Object.keys(s.metrics))));
  const needsN = new Set(
    metrics.filter((m) => withSamples.some((r) => r.samples!.some((s) => s.metrics[m] === null))),
  );
  const size = new Map<string, number>();
  const grouped = withSamples.map((r) => {
    const groups = new Map<string, typeof r.samples>();
    for (const s of r.samples!) {
      const g = groupBy(s) ?? UNLABELLED;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(s);
      size.set(g, (size.get(g) ?? 0) + 1);
    }
    return { r, groups };
  });
  const order = [...size.keys()].sort((x, y) => size.get(y)! - size.get(x)! || x.localeCompare(y));
  const rows: BreakdownRow[] = [];
  for (const { r, groups } of grouped) {
    for (const g of order) {
      const samples = groups.get(g);
      if (!samples) continue;
      const row: BreakdownRow = { run: r.run.id, [column]: g, n: samples.length };
      for (const m of metrics) {
        const values = samples.map((s) => s.metrics[m]);
        if (values.every((v) => v === undefined)) {
          Object.assign(row, { [`${m}_mean`]: null, [`${m}_lo`]: null, [`${m}_hi`]: null });
          if (needsN.has(m)) row[`${m}_n`] = 0;
          continue;
        }
        const ci = bootstrapCi(values, boot);
        const f = (x: number) => (Number.isNaN(x) ? null : x);
        Object.assign(row, {
          [`${m}_mean`]: f(ci.mean),
          [`${m}_lo`]: f(ci.lo),
          [`${m}_hi`]: f(ci.hi),
        });
        if (needsN.has(m)) row[`${m}_n`] = ci.n;
      }
      row.flag = samples.length < minN ? `n<${minN}` : "";
      rows.push(row);
    }
  }
  return rows;
}
