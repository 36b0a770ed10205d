/**
 * Agreement between the judge and the lawyers, where the judge graded the expert sheet's own
 * answers (`deno task judge --sheet`, rubric `lawyer`): per criterion, Spearman's rho and
 * Krippendorff's alpha between the judge's value and the lawyers' value of each answer (the mean
 * over raters when several sheets are given), answers matched by question and label.
 *
 * Levels: ordinal for the 1–5 criteria, nominal for hallucination (yes = 1, no = 0). With several
 * raters the lawyers' value is their mean, which for hallucination can be ½; alpha then treats ½
 * as a category of its own. Alpha's interval resamples answers.
 *
 * Caveats: the sheet's texts are cut (the study's sheet shows at most about 200 characters of
 * each text); the judge saw what the lawyers saw, so the comparison is fair, but neither graded
 * the whole answer. Answers of one question are not independent.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import type { HumanEvalData } from "../human_eval/read_human_eval.ts";
import { type AlphaLevel, krippendorffAlpha } from "../stats/krippendorff_alpha.ts";
import { spearman } from "../stats/spearman.ts";
import { BOOTSTRAP_DEFAULTS } from "../stats/bootstrap.ts";
import type { StoredJudgement } from "./judgement_record.ts";
import { judgeGroups } from "./judge_groups.ts";
import { criterionValue } from "./judge_scores_table.ts";

/** The criteria the judge and the lawyers share (the `lawyer` rubric's, the sheet's). */
export const SHARED_CRITERIA = [
  "correctness",
  "completeness",
  "relevance",
  "hallucination",
] as const;

const LEVELS: Record<(typeof SHARED_CRITERIA)[number], AlphaLevel> = {
  correctness: "ordinal",
  completeness: "ordinal",
  relevance: "ordinal",
  hallucination: "nominal",
};

/** One row of {@linkcode judgeAgreementTable}. */
export interface JudgeAgreementRow extends Record<string, Cell> {
  judge: string;
  criterion: string;
  level: string;
  /** Answers with both a judge value and a lawyers' value. */
  n: number;
  judge_mean: number | null;
  lawyers_mean: number | null;
  rho: number | null;
  alpha_mean: number | null;
  alpha_lo: number | null;
  alpha_hi: number | null;
}

/** The rows and how the answers matched. */
export interface JudgeAgreement {
  rows: JudgeAgreementRow[];
  /** Sheet answers the judge graded (status ok), per judge summed. */
  judged: number;
  /** Of those, found among the raters' answers. */
  matched: number;
  /** Whether the judge graded a sheet file other than the ones given (by SHA-256). */
  otherSheet: boolean;
}

/** Options of {@linkcode judgeAgreementTable}. */
export interface JudgeAgreementOptions {
  /** Bootstrap resamples of alpha's interval. Default: `10000`. */
  resamples?: number;
  /** Seed. Default: `42`. */
  seed?: number;
}

const finite = (x: number) => (Number.isNaN(x) ? null : x);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * Agreement rows, one per judge (lawyer rubric, sheet judgements) × criterion.
 *
 * @example
 * ```ts
 * import { judgeAgreementTable } from "./judge_agreement_table.ts";
 * import assert from "node:assert/strict";
 * const judge = { model: "qwen", rubric: "lawyer", rubric_version: "1.0.0", template_sha256: "t", settings: { temperature: 0, max_tokens: 1024, seed: null } };
 * const rec = (id: string, label: string, correctness: number) => ({ record: { key: id + label, mode: "single", source: "sheet", id, label, runs: ["sheet:" + label],
 *   status: "ok", criteria: { correctness, completeness: 3, relevance: 3, hallucination: false }, judge, inputs: [{ path: "s.csv", sha256: "x" }] }, file: "j.jsonl", line: 1, sha256: "" }) as never;
 * const rating = (question: string, label: string, correctness: number) => ({ rater: "r", question, label, run: null, correctness, completeness: null, relevance: null, hallucination: null, file: "s.csv", row: 2 });
 * const data = { ratings: [rating("1", "A", 2), rating("1", "B", 4), rating("2", "A", 5)], sheets: [{ sha256: "x" }], raters: ["r"], key: null } as never;
 * const { rows, matched } = judgeAgreementTable([rec("1", "A", 1), rec("1", "B", 4), rec("2", "A", 5)], data, { resamples: 100 });
 * assert.equal(matched, 3);
 * assert.deepEqual([rows[0].criterion, rows[0].n, rows[0].rho], ["correctness", 3, 1]);
 * ```
 */
export function judgeAgreementTable(
  stored: readonly StoredJudgement[],
  data: HumanEvalData,
  options: JudgeAgreementOptions = {},
): JudgeAgreement {
  const { resamples = BOOTSTRAP_DEFAULTS.resamples, seed = BOOTSTRAP_DEFAULTS.seed } = options;
  const lawyers = new Map<string, Record<string, number[]>>();
  for (const r of data.ratings) {
    const k = `${r.question}\u0000${r.label}`;
    if (!lawyers.has(k)) {
      lawyers.set(k, { correctness: [], completeness: [], relevance: [], hallucination: [] });
    }
    const acc = lawyers.get(k)!;
    for (const c of SHARED_CRITERIA) if (r[c] !== null) acc[c].push(r[c]!);
  }
  const sheetShas = new Set(data.sheets.map((s) => s.sha256));
  const rows: JudgeAgreementRow[] = [];
  let judged = 0, matched = 0, otherSheet = false;
  for (const g of judgeGroups(stored, { mode: "single" })) {
    if (g.rubric !== "lawyer") continue;
    const ok = g.stored.map((s) => s.record).filter((r) =>
      r.source === "sheet" && r.status === "ok"
    );
    if (ok.length === 0) continue;
    judged += ok.length;
    if (ok.some((r) => !r.inputs.some((i) => sheetShas.has(i.sha256)))) otherSheet = true;
    const pairs = ok
      .map((r) => ({ r, l: lawyers.get(`${r.id}\u0000${r.label}`) }))
      .filter((p) => p.l !== undefined);
    matched += pairs.length;
    for (const c of SHARED_CRITERIA) {
      const j: number[] = [], l: number[] = [];
      for (const p of pairs) {
        const jv = criterionValue(p.r, c);
        const lv = mean(p.l![c]);
        if (jv === null || lv === null) continue;
        j.push(jv);
        l.push(lv);
      }
      const rho = spearman(j, l);
      const alpha = j.length > 0
        ? krippendorffAlpha(j.map((x, i) => [x, l[i]]), { level: LEVELS[c], resamples, seed })
        : null;
      rows.push({
        judge: g.model,
        criterion: c,
        level: LEVELS[c],
        n: j.length,
        judge_mean: mean(j),
        lawyers_mean: mean(l),
        rho: finite(rho.rho),
        alpha_mean: alpha ? finite(alpha.alpha) : null,
        alpha_lo: alpha ? finite(alpha.lo) : null,
        alpha_hi: alpha ? finite(alpha.hi) : null,
      });
    }
  }
  return { rows, judged, matched, otherSheet };
}
