/**
 * Paired comparisons within groups of questions (per domain, per language).
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import {
  adjustRows,
  type Comparison,
  pairedComparisons,
  type PairedComparisonsOptions,
  type PairedRow,
} from "./paired_comparisons.ts";
import { type GroupBy, MIN_CELL_N, UNLABELLED } from "./sample_group.ts";

/** Options for {@linkcode pairedByGroup}. */
export interface PairedByGroupOptions extends PairedComparisonsOptions {
  /** Name of the group column, e.g. `"domain"`. Required. */
  column: string;
  /** Cells with fewer pairs are flagged (`flag = "n<30"`). Default: `30`. */
  minN?: number;
}

/** A paired row with its group and small-cell flag. */
export type GroupedPairedRow = PairedRow & Record<string, string | number | null | undefined>;

/**
 * For each group of questions (by run `run_a`'s labels; the runs answered the same questions),
 * the paired comparisons restricted to that group. `p_holm` is adjusted over all rows of all
 * groups together. Rows: `run_a, run_b, <column>, metric, n, diff, lo, hi, p, p_holm, effect,
 * comparison, mean_a, mean_b, flag`; groups ordered by size (largest first), then name.
 *
 * @example
 * ```ts
 * import { pairedByGroup } from "./paired_by_group.ts";
 * import assert from "node:assert/strict";
 * const run = (id: string, xs: number[]) => ({ run: { id }, source: { path: id },
 *   samples: xs.map((x, i) => ({ id: String(i), domain: i < 2 ? "tax" : "civil", metrics: { m: x } })) }) as never;
 * const rows = pairedByGroup([run("a", [1, 1, 1]), run("b", [0, 1, 0])], [{ run_a: "a", run_b: "b", comparison: "x" }],
 *   (s) => s.domain, { column: "domain", resamples: 200, permutations: 99 });
 * assert.deepEqual(rows.map((r) => [r.domain, r.n, r.diff, r.flag]), [["tax", 2, 0.5, "n<30"], ["civil", 1, 1, "n<30"]]);
 * ```
 */
export function pairedByGroup(
  runs: readonly RunResult[],
  comparisons: readonly Comparison[],
  groupBy: GroupBy,
  options: PairedByGroupOptions,
): GroupedPairedRow[] {
  const { column, minN = MIN_CELL_N, benjaminiHochberg = false, ...rest } = options;
  const byId = new Map(runs.map((r) => [r.run.id, r]));
  const rows: GroupedPairedRow[] = [];
  for (const c of comparisons) {
    const a = byId.get(c.run_a), b = byId.get(c.run_b);
    if (!a?.samples || !b?.samples) {
      throw new RangeError(
        `Cannot compare "${c.run_a}" with "${c.run_b}" by ${column}: both need per-sample records`,
      );
    }
    const group = new Map<string, string>();
    const size = new Map<string, number>();
    for (const s of a.samples) {
      const g = groupBy(s) ?? UNLABELLED;
      group.set(s.id, g);
      size.set(g, (size.get(g) ?? 0) + 1);
    }
    const order = [...size.keys()].sort((x, y) =>
      size.get(y)! - size.get(x)! || x.localeCompare(y)
    );
    for (const g of order) {
      const keep = (r: RunResult): RunResult => ({
        ...r,
        samples: r.samples!.filter((s) => group.get(s.id) === g),
      });
      // Questions of b that a lacks have no group: with intersect they drop out, without it
      // pairRuns reports them.
      const subset = [keep(a), {
        ...b,
        samples: b.samples.filter((s) => !group.has(s.id) || group.get(s.id) === g),
      }];
      for (const row of pairedComparisons(subset, [c], rest)) {
        const { run_a, run_b, metric, ...values } = row;
        rows.push(
          {
            run_a,
            run_b,
            [column]: g,
            metric,
            ...values,
            flag: row.n < minN ? `n<${minN}` : "",
          } as GroupedPairedRow,
        );
      }
    }
  }
  return adjustRows(rows, benjaminiHochberg);
}
