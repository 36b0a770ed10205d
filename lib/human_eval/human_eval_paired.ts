/**
 * Paired comparisons between runs of an expert evaluation: for every pair of runs and every
 * judgement, the mean difference (first minus second) over the questions both runs were judged
 * on, with a paired percentile-bootstrap interval.
 *
 * Definition and method. Per question, d = item(a) − item(b), items as in
 * {@linkcode humanEvalSummary}, over the questions where both are defined. The interval is the
 * statistics module's paired bootstrap (`pairedBootstrapCi`: questions resampled, both answers of
 * a question kept together); `p` is its two-sided paired sign-flip test (`signFlipTest`, with as
 * many sign vectors as bootstrap resamples), and `p_holm` the Holm-adjusted p-value within each
 * judgement over the k(k − 1)/2 pairs of k runs. The intervals themselves are not adjusted:
 * an interval that excludes 0 is one finding among many; use `p_holm` for claims.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { BOOTSTRAP_DEFAULTS, type BootstrapOptions } from "../stats/bootstrap.ts";
import { pairedBootstrapCi } from "../stats/paired_bootstrap.ts";
import { signFlipTest } from "../stats/sign_flip.ts";
import { holm } from "../stats/holm.ts";
import type { HumanEvalData } from "./read_human_eval.ts";
import { groupOrder, JUDGEMENTS, toItems } from "./_items.ts";
import { JUDGEMENT_COLUMNS } from "./human_eval_summary.ts";

/** Options for {@linkcode humanEvalPaired}. */
export type HumanEvalPairedOptions = BootstrapOptions;

/**
 * Rows `run_a`, `run_b`, `judgement`, `n`, `diff_mean`, `diff_lo`, `diff_hi`, `p`, `p_holm`, in key order of the
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
 * // Both questions favour "ft": of the 4 sign patterns, 2 are as extreme, so p is about 1/2.
 * assert.ok(Math.abs((row.p as number) - 0.5) < 0.1);
 * assert.equal(row.p_holm, row.p); // a family of one comparison
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
  const { resamples, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  const rows: Record<string, Cell>[] = [];
  for (let a = 0; a < runs.length; a++) {
    for (let b = a + 1; b < runs.length; b++) {
      const A = byRun.get(runs[a])!, B = byRun.get(runs[b])!;
      const questions = [...A.keys()].filter((q) => B.has(q));
      for (const j of JUDGEMENTS) {
        const va = questions.map((q) => A.get(q)!.values[j]);
        const vb = questions.map((q) => B.get(q)!.values[j]);
        const ci = pairedBootstrapCi(va, vb, options);
        if (ci.n === 0) continue;
        const test = signFlipTest(va, vb, { permutations: resamples, seed });
        rows.push({
          run_a: runs[a],
          run_b: runs[b],
          judgement: JUDGEMENT_COLUMNS[j],
          n: ci.n,
          diff_mean: ci.mean,
          diff_lo: ci.lo,
          diff_hi: ci.hi,
          p: test.p,
          p_holm: NaN,
        });
      }
    }
  }
  for (const j of JUDGEMENTS) {
    const family = rows.filter((r) => r.judgement === JUDGEMENT_COLUMNS[j]);
    holm(family.map((r) => r.p as number)).forEach((p, i) => (family[i].p_holm = p));
  }
  return rows;
}
