/**
 * The paper's wide layout of long estimate rows: one line per key (a run, or a run × group) and,
 * per metric, `<metric>_mean`, `<metric>_lo`, `<metric>_hi`, plus `<metric>_n` where the metric
 * is undefined on some samples. Code works on the long, typed rows; CSV files use this layout.
 * @module
 */
import type { Cell } from "./format_table.ts";

/** What a long estimate row must carry. */
export interface EstimateLike {
  metric: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  /** Samples where the metric is defined. */
  n_defined: number | null;
  /** Samples of the key (run, or run × group). */
  n: number | null;
}

/**
 * Pivots estimate rows to the wide layout. Keys keep their first-seen order; metrics keep their
 * order of appearance. Columns other than the keys, `metric` and the estimate fields are dropped,
 * except those listed in `extra`: one column, when every key has one value of it over its metrics;
 * else one column per metric, `<metric>_<extra>` after the metric's estimates, for the metrics
 * where it is not empty (a small-sample `flag` counted on each metric's defined values differs
 * between metrics).
 *
 * @example
 * ```ts
 * import { widenEstimates } from "./widen_estimates.ts";
 * import assert from "node:assert/strict";
 * const rows = [
 *   { run: "a", n: 3, metric: "chrf", mean: 50, lo: 40, hi: 60, n_defined: 3 },
 *   { run: "a", n: 3, metric: "cit", mean: 1, lo: 1, hi: 1, n_defined: 2 },
 * ];
 * assert.deepEqual(widenEstimates(rows, ["run", "n"]), [
 *   { run: "a", n: 3, chrf_mean: 50, chrf_lo: 40, chrf_hi: 60, cit_mean: 1, cit_lo: 1, cit_hi: 1, cit_n: 2 },
 * ]);
 * ```
 */
export function widenEstimates<T extends EstimateLike>(
  rows: readonly T[],
  keys: readonly (keyof T & string)[],
  extra: readonly (keyof T & string)[] = [],
): Record<string, Cell>[] {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const withN = new Set(
    rows.filter((r) => r.n_defined !== null && r.n !== null && r.n_defined < r.n).map((r) =>
      r.metric
    ),
  );
  const keyOf = (r: T) => JSON.stringify(keys.map((k) => r[k]));
  const perMetric = new Set(extra.filter((e) => {
    const seen = new Map<string, unknown>();
    return rows.some((r) => {
      const key = keyOf(r);
      if (!seen.has(key)) seen.set(key, r[e]);
      return seen.get(key) !== r[e];
    });
  }));
  // A per-metric column is written only for metrics where it holds something (not all "" or null).
  const shown = new Set(
    rows.flatMap((r) =>
      [...perMetric].filter((e) => r[e] !== "" && r[e] !== null && r[e] !== undefined).map((e) =>
        `${r.metric}_${e}`
      )
    ),
  );
  const out = new Map<string, Record<string, Cell>>();
  for (const r of rows) {
    const key = keyOf(r);
    let line = out.get(key);
    if (!line) {
      line = {};
      for (const k of [...keys, ...extra.filter((e) => !perMetric.has(e))]) line[k] = r[k] as Cell;
      for (const m of metrics) {
        Object.assign(line, { [`${m}_mean`]: null, [`${m}_lo`]: null, [`${m}_hi`]: null });
        if (withN.has(m)) line[`${m}_n`] = null;
        for (const e of perMetric) if (shown.has(`${m}_${e}`)) line[`${m}_${e}`] = null;
      }
      out.set(key, line);
    }
    Object.assign(line, {
      [`${r.metric}_mean`]: r.mean,
      [`${r.metric}_lo`]: r.lo,
      [`${r.metric}_hi`]: r.hi,
    });
    if (withN.has(r.metric)) line[`${r.metric}_n`] = r.n_defined;
    for (const e of perMetric) {
      if (shown.has(`${r.metric}_${e}`)) line[`${r.metric}_${e}`] = r[e] as Cell;
    }
  }
  return [...out.values()];
}
