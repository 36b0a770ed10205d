/**
 * Collapses ratings to items: one item per (question, group), where the group is the run (with a
 * key) or the label (without), holding each judgement averaged over the raters who gave it.
 * @module
 */
import type { HumanRating } from "./read_human_eval.ts";
import { SCORE_CRITERIA } from "./sheet_columns.ts";

/** The four judgements, as item fields. */
export const JUDGEMENTS = [...SCORE_CRITERIA, "hallucination"] as const;

/** One judgement. */
export type Judgement = typeof JUDGEMENTS[number];

/** One answer, its judgements averaged over raters (`null` where no rater gave one). */
export interface Item {
  question: string;
  group: string;
  values: Record<Judgement, number | null>;
}

/** How ratings are grouped: by the run behind the label (needs a key) or by the label itself. */
export type GroupBy = "run" | "label";

/** Items in first-seen order of (question, group). */
export function toItems(ratings: readonly HumanRating[], by: GroupBy): Item[] {
  const acc = new Map<
    string,
    {
      question: string;
      group: string;
      sum: Record<Judgement, number>;
      count: Record<Judgement, number>;
    }
  >();
  for (const r of ratings) {
    const group = by === "run" ? r.run : r.label;
    if (group === null) {
      throw new TypeError(
        `Rating of question "${r.question}" in "${r.file}" row ${r.row} has no run: a key is needed to group by run`,
      );
    }
    const id = `${r.question}\u0000${group}`;
    let a = acc.get(id);
    if (!a) {
      a = {
        question: r.question,
        group,
        sum: { correctness: 0, completeness: 0, relevance: 0, hallucination: 0 },
        count: { correctness: 0, completeness: 0, relevance: 0, hallucination: 0 },
      };
      acc.set(id, a);
    }
    for (const j of JUDGEMENTS) {
      const v = r[j];
      if (v !== null) {
        a.sum[j] += v;
        a.count[j]++;
      }
    }
  }
  return [...acc.values()].map((a) => ({
    question: a.question,
    group: a.group,
    values: Object.fromEntries(
      JUDGEMENTS.map((j) => [j, a.count[j] === 0 ? null : a.sum[j] / a.count[j]]),
    ) as Record<Judgement, number | null>,
  }));
}

/** The groups in display order: the key's run order, or labels alphabetically. */
export function groupOrder(items: readonly Item[], runs: readonly string[] | null): string[] {
  const present = new Set(items.map((i) => i.group));
  if (runs) {
    return [
      ...runs.filter((r) => present.has(r)),
      ...[...present].filter((g) => !runs.includes(g)).sort(),
    ];
  }
  return [...present].sort();
}
