/**
 * Per-run (or, without a key, per-label) results of an expert evaluation: the mean of each 1–5
 * criterion and the hallucination rate, each with a percentile-bootstrap interval over questions.
 *
 * Definitions. An item is one answer (question, run). Its score on a criterion is the mean over
 * the raters who scored it (blank cells are left out); its hallucination value is the share of
 * those raters who answered `да`. A run's mean is the mean of its items' scores over the
 * questions where at least one rater scored it; `n` is the number of questions with at least one
 * judgement of that run. The interval resamples questions (see `lib/stats/bootstrap.ts` for the
 * caveats: below ~30 questions its coverage is poor).
 *
 * Without a key the groups are labels. The labels were shuffled afresh for every question, so a
 * label is not one system: per-label means estimate the average over all systems, and differences
 * between labels are chance by design. They are useful only as a check of the sheet.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { bootstrapCi, type BootstrapOptions } from "../stats/bootstrap.ts";
import type { HumanEvalData } from "./read_human_eval.ts";
import { type GroupBy, groupOrder, type Judgement, JUDGEMENTS, toItems } from "./_items.ts";

/** Options for {@linkcode humanEvalSummary}. */
export interface HumanEvalSummaryOptions extends BootstrapOptions {
  /** Group by `"run"` (needs a key) or `"label"`. Default: `"run"` when the data has a key, else `"label"`. */
  by?: GroupBy;
}

/** Output column prefix of each judgement. */
export const JUDGEMENT_COLUMNS: Readonly<Record<Judgement, string>> = {
  correctness: "correctness",
  completeness: "completeness",
  relevance: "relevance",
  hallucination: "hallucination_rate",
};

/**
 * One row per run or label: `run` (or `label`), `n`, then `<criterion>_mean/_lo/_hi` for
 * correctness, completeness and relevance, and `hallucination_rate_mean/_lo/_hi`.
 *
 * @example
 * ```ts
 * import { humanEvalSummary } from "./human_eval_summary.ts";
 * import assert from "node:assert/strict";
 * const r = (question: string, label: string, c: number, h: number) => ({
 *   rater: "r1", question, label, run: null, correctness: c, completeness: c, relevance: c,
 *   hallucination: h, file: "s.csv", row: 2,
 * });
 * const data = { ratings: [r("0", "A", 5, 0), r("1", "A", 4, 1), r("0", "B", 2, 1), r("1", "B", 3, 1)],
 *   sheets: [], raters: ["r1"], key: null };
 * const rows = humanEvalSummary(data, { resamples: 200 });
 * assert.deepEqual(rows.map((x) => [x.label, x.n, x.correctness_mean, x.hallucination_rate_mean]),
 *   [["A", 2, 4.5, 0.5], ["B", 2, 2.5, 1]]);
 * ```
 */
export function humanEvalSummary(
  data: HumanEvalData,
  options: HumanEvalSummaryOptions = {},
): Record<string, Cell>[] {
  const { by = data.key ? "run" : "label", ...boot } = options;
  if (by === "run" && !data.key) {
    throw new TypeError("humanEvalSummary(): grouping by run needs a key (--human-eval-key)");
  }
  const items = toItems(data.ratings, by);
  const rows: Record<string, Cell>[] = [];
  for (const group of groupOrder(items, by === "run" ? data.key!.runs : null)) {
    const mine = items.filter((i) => i.group === group);
    const row: Record<string, Cell> = {
      [by]: group,
      n: mine.filter((i) => JUDGEMENTS.some((j) => i.values[j] !== null)).length,
    };
    for (const j of JUDGEMENTS) {
      const ci = bootstrapCi(mine.map((i) => i.values[j]), boot);
      const col = JUDGEMENT_COLUMNS[j];
      row[`${col}_mean`] = ci.mean;
      row[`${col}_lo`] = ci.lo;
      row[`${col}_hi`] = ci.hi;
    }
    rows.push(row);
  }
  return rows;
}
