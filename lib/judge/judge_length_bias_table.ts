/**
 * Length bias: does the judge reward longer answers? Spearman's rho between the judge's score and
 * the answer's length in words, per criterion; in pairwise mode between the difference in length
 * (run_a − run_b) and run_a's outcome (1, ½, 0), and the share of decided, non-tied questions the
 * longer answer won.
 *
 * Caveats: a positive rho is not proof of bias, since longer answers may really be better (more
 * complete); compare with the lawyers' own length correlation where the judge graded their sheet.
 * Rows over `all` runs pool differences between runs with differences within a run; the per-run
 * rows are the within-run view.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { spearman } from "../stats/spearman.ts";
import type { JudgementRecord, StoredJudgement } from "./judgement_record.ts";
import { judgeGroups } from "./judge_groups.ts";
import { criterionValue } from "./judge_scores_table.ts";
import { pairOutcomes, type PairResult, scoreA } from "./pair_outcomes.ts";
import { rubricByName } from "./rubric_by_name.ts";

/** One row of {@linkcode judgeLengthBiasTable}. */
export interface JudgeLengthBiasRow extends Record<string, Cell> {
  judge: string;
  rubric: string;
  mode: string;
  /** A run, a pair `a vs b`, or `all`. */
  run: string;
  /** A criterion, or `win_a` in pairwise mode. */
  criterion: string;
  /** Answers (or questions, pairwise) with a score and a length. */
  n: number;
  /** Spearman's rho; null with fewer than 3 values or a constant side. */
  rho: number | null;
  /** Pairwise: the longer answer's share of the decided, non-tied questions (null in single mode). */
  longer_wins: number | null;
}

const finite = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Rows for every judge: single mode per criterion (all runs, then each run); pairwise mode
 * `win_a` (all pairs, then each pair).
 *
 * @example
 * ```ts
 * import { judgeLengthBiasTable } from "./judge_length_bias_table.ts";
 * import assert from "node:assert/strict";
 * const judge = { model: "qwen", rubric: "summary", rubric_version: "1.0.0", template_sha256: "t", settings: { temperature: 0, max_tokens: 1024, seed: null } };
 * const rec = (key: string, words: number, overall: number) => ({
 *   record: { key, mode: "single", runs: ["ft"], status: "ok", answer_words: [words], judge,
 *     criteria: { coverage: 1, accuracy: 1, coherence: 1, informativeness: 1, overall } }, file: "j.jsonl", line: 1, sha256: "" }) as never;
 * const rows = judgeLengthBiasTable([rec("1", 10, 0.2), rec("2", 30, 0.4), rec("3", 20, 0.9)]);
 * const overall = rows.find((r) => r.run === "all" && r.criterion === "overall")!;
 * assert.deepEqual([overall.n, overall.rho], [3, 0.5]); // ranks (1, 3, 2) against (1, 2, 3)
 * ```
 */
export function judgeLengthBiasTable(stored: readonly StoredJudgement[]): JudgeLengthBiasRow[] {
  const rows: JudgeLengthBiasRow[] = [];
  for (const g of judgeGroups(stored)) {
    const base = { judge: g.model, rubric: g.rubric, mode: g.mode };
    if (g.mode === "single") {
      const ok = g.stored.map((s) => s.record).filter((r) => r.status === "ok");
      const runs = [...new Set(ok.map((r) => r.runs[0]))];
      const scopes: [string, JudgementRecord[]][] = [
        ["all", ok],
        ...runs.map((
          run,
        ): [string, JudgementRecord[]] => [run, ok.filter((r) => r.runs[0] === run)]),
      ];
      for (const c of rubricByName(g.rubric).criteria) {
        for (const [run, records] of scopes) {
          const corr = spearman(
            records.map((r) => criterionValue(r, c.name)),
            records.map((r) => r.answer_words[0]),
          );
          rows.push({
            ...base,
            run,
            criterion: c.name,
            n: corr.n,
            rho: finite(corr.rho),
            longer_wins: null,
          });
        }
      }
    } else {
      const results = pairOutcomes(g).filter((r) => r.outcome !== "failed");
      const pairs = [...new Set(results.map((r) => `${r.run_a} vs ${r.run_b}`))];
      const scopes: [string, PairResult[]][] = [
        ["all", results],
        ...pairs.map((
          p,
        ): [string, PairResult[]] => [p, results.filter((r) => `${r.run_a} vs ${r.run_b}` === p)]),
      ];
      for (const [run, rs] of scopes) {
        const corr = spearman(
          rs.map((r) => scoreA(r.outcome)),
          rs.map((r) => r.words[0] - r.words[1]),
        );
        const decided = rs.filter((r) =>
          (r.outcome === "a" || r.outcome === "b") && r.words[0] !== r.words[1]
        );
        const longer = decided.filter((r) =>
          (r.outcome === "a") === (r.words[0] > r.words[1])
        ).length;
        rows.push({
          ...base,
          run,
          criterion: "win_a",
          n: corr.n,
          rho: finite(corr.rho),
          longer_wins: decided.length > 0 ? longer / decided.length : null,
        });
      }
    }
  }
  return rows;
}
