/**
 * Agreement between raters of an expert evaluation: Krippendorff's alpha per judgement, ordinal
 * for the 1–5 criteria and nominal for the yes/no hallucination judgement, over the answers
 * (question, label) as units, each with a bootstrap interval over units.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { BOOTSTRAP_DEFAULTS, type BootstrapOptions } from "../stats/bootstrap.ts";
import type { HumanEvalData } from "./read_human_eval.ts";
import { type AlphaLevel, krippendorffAlpha } from "../stats/krippendorff_alpha.ts";
import { type Judgement, JUDGEMENTS } from "./_items.ts";
import { JUDGEMENT_COLUMNS } from "./human_eval_summary.ts";

/** Options for {@linkcode humanEvalAgreement}. */
export type HumanEvalAgreementOptions = Omit<BootstrapOptions, "level">;

const LEVELS: Record<Judgement, AlphaLevel> = {
  correctness: "ordinal",
  completeness: "ordinal",
  relevance: "ordinal",
  hallucination: "nominal",
};

/**
 * Rows `judgement`, `level`, `units` (answers rated by two or more raters), `values`,
 * `alpha_mean/_lo/_hi`. Empty when there is only one rater.
 *
 * @example
 * ```ts
 * import { humanEvalAgreement } from "./human_eval_agreement.ts";
 * import assert from "node:assert/strict";
 * const r = (rater: string, question: string, c: number) => ({
 *   rater, question, label: "A", run: null, correctness: c, completeness: null, relevance: null,
 *   hallucination: null, file: `${rater}.csv`, row: 2,
 * });
 * const data = { ratings: [r("x", "0", 1), r("y", "0", 1), r("x", "1", 4), r("y", "1", 4)], sheets: [], raters: ["x", "y"], key: null };
 * const [row] = humanEvalAgreement(data, { resamples: 100 });
 * assert.deepEqual([row.judgement, row.level, row.units, row.alpha_mean], ["correctness", "ordinal", 2, 1]);
 * ```
 */
export function humanEvalAgreement(
  data: HumanEvalData,
  options: HumanEvalAgreementOptions = {},
): Record<string, Cell>[] {
  const { resamples, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (data.raters.length < 2) return [];
  const units = new Map<string, Map<string, (typeof data.ratings)[number]>>();
  for (const r of data.ratings) {
    const id = `${r.question}\u0000${r.label}`;
    if (!units.has(id)) units.set(id, new Map());
    units.get(id)!.set(r.rater, r);
  }
  const rows: Record<string, Cell>[] = [];
  for (const j of JUDGEMENTS) {
    const matrix = [...units.values()].map((u) =>
      data.raters.map((rater) => u.get(rater)?.[j] ?? null)
    );
    const a = krippendorffAlpha(matrix, { level: LEVELS[j], resamples, seed });
    if (a.n === 0) continue;
    rows.push({
      judgement: JUDGEMENT_COLUMNS[j],
      level: LEVELS[j],
      units: a.n,
      values: a.values,
      alpha_mean: a.alpha,
      alpha_lo: a.lo,
      alpha_hi: a.hi,
    });
  }
  return rows;
}
