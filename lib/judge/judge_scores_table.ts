/**
 * The judge's scores per run (single mode): how many answers were judged, how many got a valid
 * score and how many failed, and the mean of each criterion with a percentile-bootstrap interval
 * over the answers that were scored (yes/no criteria as the share of "yes").
 *
 * Caveats: failed judgements are not scores, and they are not missing at random (a judge fails
 * more often on long or odd answers), so a run with many failures is compared on a selection of
 * its answers; the table shows `failed` beside every mean for that reason. The interval resamples
 * questions and says nothing about the judge's own variability.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { BOOTSTRAP_DEFAULTS, bootstrapCi } from "../stats/bootstrap.ts";
import type { JudgementRecord } from "./judgement_record.ts";
import { judgeGroups } from "./judge_groups.ts";
import type { StoredJudgement } from "./judgement_record.ts";
import { rubricByName } from "./rubric_by_name.ts";

/** One row of {@linkcode judgeScoresTable}. */
export interface JudgeScoresRow extends Record<string, Cell> {
  /** The judge model. */
  judge: string;
  rubric: string;
  run: string;
  /** Answers judged (the last judgement of each). */
  n: number;
  /** Of those, with a valid score. */
  scored: number;
  /** Of those, failed (no valid reply after every attempt) or not answered (request errors). */
  failed: number;
}

/** Options of {@linkcode judgeScoresTable}. */
export interface JudgeScoresOptions {
  /** Bootstrap resamples. Default: `10000`. */
  resamples?: number;
  /** Seed. Default: `42`. */
  seed?: number;
}

/** A criterion's value as a number: scores as they are, yes/no as 1/0. */
export function criterionValue(r: JudgementRecord, criterion: string): number | null {
  const v = r.criteria?.[criterion];
  if (v === undefined || v === null) return null;
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

const finite = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Rows `judge, rubric, run, n, scored, failed`, then `<criterion>_mean, _lo, _hi` for each
 * criterion of the rubric (null where the criterion is not the rubric's, or where there are
 * fewer than 10 scored answers for an interval). One row per judge × run, runs in name
 * order.
 *
 * @example
 * ```ts
 * import { judgeScoresTable } from "./judge_scores_table.ts";
 * import assert from "node:assert/strict";
 * const rec = (key: string, run: string, status: string, overall: number | null) => ({
 *   record: { key, mode: "single", runs: [run], status, criteria: overall === null ? null : { coverage: 1, accuracy: 1, coherence: 1, informativeness: 1, overall },
 *     judge: { model: "qwen", rubric: "summary", rubric_version: "1.0.0", template_sha256: "t", settings: { temperature: 0, max_tokens: 1024, seed: null } } },
 *   file: "j.jsonl", line: 1, sha256: "" }) as never;
 * const [row] = judgeScoresTable([rec("1", "ft", "ok", 0.5), rec("2", "ft", "ok", 1), rec("3", "ft", "failed", null)]);
 * assert.deepEqual([row.run, row.n, row.scored, row.failed, row.overall_mean], ["ft", 3, 2, 1, 0.75]);
 * ```
 */
export function judgeScoresTable(
  stored: readonly StoredJudgement[],
  options: JudgeScoresOptions = {},
): JudgeScoresRow[] {
  const { resamples = BOOTSTRAP_DEFAULTS.resamples, seed = BOOTSTRAP_DEFAULTS.seed } = options;
  const groups = judgeGroups(stored, { mode: "single" });
  const allCriteria = [
    ...new Set(groups.flatMap((g) => rubricByName(g.rubric).criteria.map((c) => c.name))),
  ];
  const rows: JudgeScoresRow[] = [];
  for (const g of groups) {
    const criteria = rubricByName(g.rubric).criteria.map((c) => c.name);
    const byRun = new Map<string, JudgementRecord[]>();
    for (const s of g.stored) {
      const run = s.record.runs[0];
      if (!byRun.has(run)) byRun.set(run, []);
      byRun.get(run)!.push(s.record);
    }
    for (const [run, records] of byRun) {
      const ok = records.filter((r) => r.status === "ok");
      const row: JudgeScoresRow = {
        judge: g.model,
        rubric: g.rubric,
        run,
        n: records.length,
        scored: ok.length,
        failed: records.length - ok.length,
      };
      for (const c of allCriteria) {
        if (!criteria.includes(c) || ok.length === 0) {
          Object.assign(row, { [`${c}_mean`]: null, [`${c}_lo`]: null, [`${c}_hi`]: null });
          continue;
        }
        const ci = bootstrapCi(ok.map((r) => criterionValue(r, c)), { resamples, seed });
        Object.assign(row, {
          [`${c}_mean`]: finite(ci.mean),
          [`${c}_lo`]: finite(ci.lo),
          [`${c}_hi`]: finite(ci.hi),
        });
      }
      rows.push(row);
    }
  }
  return rows;
}
