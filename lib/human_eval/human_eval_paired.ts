/**
 * Paired comparisons between runs of an expert evaluation: for every pair of runs and every
 * judgement, the mean difference (first minus second) over the questions both runs were judged
 * on, with a paired percentile-bootstrap interval.
 *
 * Definition and method. Per question, d = item(a) − item(b), items as in
 * {@linkcode humanEvalSummary}. The interval resamples questions and recomputes the mean of d,
 * which keeps each question's two answers together (the pairing); it is computed with
 * `bootstrapCi` on the differences, i.e. on the project's shared `bootstrapIndices` resamples.
 * Caveats: with k runs there are k(k − 1)/2 comparisons per judgement and the intervals are not
 * adjusted for multiplicity; an interval that excludes 0 at 95% is one such finding among many.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { bootstrapCi, type BootstrapOptions } from "../stats/bootstrap.ts";
import type { HumanEvalData } from "./read_human_eval.ts";
import { groupOrder, JUDGEMENTS, toItems } from "./_items.ts";
import { JUDGEMENT_COLUMNS } from "./human_eval_summary.ts";

/** Options for {@linkcode humanEvalPaired}. */
export type HumanEvalPairedOptions = BootstrapOptions;

/**
 * Rows `run_a`, `run_b`, `judgement`, `n`, `diff_mean`, `diff_lo`, `diff_hi`, in key order of the
 * runs. Needs a key (pairs of labels are meaningless: labels are shuffled per question).
 *
 * @example
 * ```ts
 * import { humanEvalPaired } from "./human_eval_paired.ts";
 * import assert from "node:assert/strict";
 * const r = (question: string, run: string, c: number) => ({
 *   rater: "r1", question, label: "A", run, correctness: c, completeness: null, relevance: null,
 *   hallucination: null, file: "s.csv", row: 2,
 * });
 * const key = { format: "workbench-human-eval-key" as const, version: 1 as const, seed: 1, runs: ["ft", "base"], sources: [], items: [] };
 * const data = { ratings: [r("0", "ft", 5), r("1", "ft", 4), r("0", "base", 3), r("1", "base", 3)], sheets: [], raters: ["r1"], key };
 * const [row] = humanEvalPaired(data, { resamples: 200 });
 * assert.deepEqual([row.run_a, row.run_b, row.judgement, row.n, row.diff_mean], ["ft", "base", "correctness", 2, 1.5]);
 * ```
 */
export function humanEvalPaired(
  data: HumanEvalData,
  options: HumanEvalPairedOptions = {},
): Record<string, Cell>[] {
  if (!data.key) {
    throw new TypeError(
      "humanEvalPaired(): paired comparisons need a key (labels are shuffled per question)",
    );
  }
  const items = toItems(data.ratings, "run");
  const runs = groupOrder(items, data.key.runs);
  const byRun = new Map(
    runs.map((r) => [r, new Map(items.filter((i) => i.group === r).map((i) => [i.question, i]))]),
  );
  const rows: Record<string, Cell>[] = [];
  for (let a = 0; a < runs.length; a++) {
    for (let b = a + 1; b < runs.length; b++) {
      const A = byRun.get(runs[a])!, B = byRun.get(runs[b])!;
      for (const j of JUDGEMENTS) {
        const diffs: number[] = [];
        for (const [q, ia] of A) {
          const ib = B.get(q);
          const va = ia.values[j], vb = ib?.values[j] ?? null;
          if (va !== null && vb !== null) diffs.push(va - vb);
        }
        if (diffs.length === 0) continue;
        const ci = bootstrapCi(diffs, options);
        rows.push({
          run_a: runs[a],
          run_b: runs[b],
          judgement: JUDGEMENT_COLUMNS[j],
          n: ci.n,
          diff_mean: ci.mean,
          diff_lo: ci.lo,
          diff_hi: ci.hi,
        });
      }
    }
  }
  return rows;
}
