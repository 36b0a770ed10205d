/**
 * Paired comparisons within groups of questions (per domain, per language).
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { runRows, textValues } from "../scored/run_columns.ts";
import { memo } from "../scored/memo.ts";
import {
  type Comparison,
  computePairedComparisons,
  type PairedComparisonsOptions,
  type PairedRow,
} from "./paired_comparisons.ts";
import { MIN_CELL_N, UNLABELLED } from "./sample_group.ts";
import { smallSampleFlag } from "./small_sample_flag.ts";
import { groupOrder } from "./breakdown_table.ts";

/** Options for {@linkcode pairedByGroup}. */
export interface PairedByGroupOptions extends Omit<PairedComparisonsOptions, "subset"> {
  /** The frame's label column, e.g. `"domain"`. Required. */
  by: string;
  /** Cells with fewer pairs are flagged (`flag = "n<30"`). Default: `30`. */
  minN?: number;
}

/** A paired row with its group and small-cell flag. */
export interface GroupedPairedRow extends PairedRow {
  group: string;
  flag: string;
}

/**
 * For each group of questions (by run `run_a`'s labels; the runs answered the same questions),
 * the paired comparisons restricted to that group, with unadjusted p-values (the table adjusts
 * them: `planFamilies`, e.g. BH per metric). Groups are ordered by size over the whole frame (largest first), then name.
 *
 * @example
 * ```ts
 * import { pairedByGroup } from "./paired_by_group.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const domain = ["tax", "tax", "civil"];
 * const scored = fakeScored([{ id: "a", values: { m: [1, 1, 1] }, domain }, { id: "b", values: { m: [0, 1, 0] }, domain }]);
 * const { rows } = pairedByGroup(scored, [{ run_a: "a", run_b: "b", comparison: "x" }],
 *   { by: "domain", resamples: 200, permutations: 99 });
 * assert.deepEqual(rows.map((r) => [r.group, r.n, r.diff, r.flag]),
 *   [["tax", 2, 0.5, "n<10, no interval"], ["civil", 1, 1, "n<10, no interval"]]);
 * ```
 */
export function pairedByGroup(
  scored: ScoredResults,
  comparisons: readonly Comparison[],
  options: PairedByGroupOptions,
): { rows: GroupedPairedRow[]; notes: string[] } {
  return memo(
    scored,
    "paired_by_group",
    { comparisons, options },
    () => compute(scored, comparisons, options),
  );
}

function compute(
  scored: ScoredResults,
  comparisons: readonly Comparison[],
  options: PairedByGroupOptions,
): { rows: GroupedPairedRow[]; notes: string[] } {
  const { by, minN = MIN_CELL_N, ...rest } = options;
  const order = groupOrder(scored.frame, by);
  const rows: GroupedPairedRow[] = [];
  const notes = new Set<string>();
  for (const c of comparisons) {
    const frame = runRows(scored.frame, c.run_a);
    const ids = textValues(frame, "id");
    const labels = textValues(frame, by);
    const members = new Map<string, Set<string>>();
    ids.forEach((id, i) => {
      const g = labels[i] ?? UNLABELLED;
      if (!members.has(g)) members.set(g, new Set());
      members.get(g)!.add(id!);
    });
    for (const g of order) {
      const subset = members.get(g);
      if (!subset) continue;
      const result = computePairedComparisons(scored, [c], { ...rest, subset });
      result.notes.forEach((n) => notes.add(n));
      for (const row of result.rows) {
        rows.push({
          ...row,
          group: g,
          // row.n counts the pairs where both runs define the metric.
          flag: smallSampleFlag(row.n, { minN }),
        });
      }
    }
  }
  return { rows, notes: [...notes] };
}
