/**
 * Pairwise results per pair of runs: wins, ties, position-inconsistent verdicts and failures, and
 * run_a's win rate with a percentile-bootstrap interval over questions (a tie or an inconsistent
 * pair counts ½). See `pair_outcomes.ts` for how the two orders are resolved.
 *
 * Caveats: `inconsistent` measures the judge's position bias on these answers; a high share means
 * the verdicts say more about the order than about the answers. Failed questions are left out of
 * the win rate, so it describes the questions the judge could decide.
 * @module
 */
import type { Cell } from "../tables/format_table.ts";
import { BOOTSTRAP_DEFAULTS, bootstrapCi } from "../stats/bootstrap.ts";
import type { StoredJudgement } from "./judgement_record.ts";
import { judgeGroups } from "./judge_groups.ts";
import { pairOutcomes, type PairResult, scoreA } from "./pair_outcomes.ts";

/** One row of {@linkcode judgePairwiseTable}. */
export interface JudgePairwiseRow extends Record<string, Cell> {
  judge: string;
  rubric: string;
  run_a: string;
  run_b: string;
  /** Questions judged for this pair. */
  n: number;
  /** Both orders preferred run_a. */
  wins_a: number;
  wins_b: number;
  /** Ties, inconsistent pairs included. */
  ties: number;
  /** The verdict changed with the order (counted among `ties`). */
  inconsistent: number;
  /** Of the inconsistent ones, those where the answer shown first won in both orders. */
  favours_first: number;
  /** An order had no valid verdict. */
  failed: number;
  /** Run_a's win rate over decided questions (ties ½) with its interval; null below 10 for the interval. */
  win_rate_a_mean: number | null;
  win_rate_a_lo: number | null;
  win_rate_a_hi: number | null;
}

/** Options of {@linkcode judgePairwiseTable}. */
export interface JudgePairwiseOptions {
  /** Bootstrap resamples. Default: `10000`. */
  resamples?: number;
  /** Seed. Default: `42`. */
  seed?: number;
}

const finite = (x: number) => (Number.isNaN(x) ? null : x);

/** Summarises one pair's questions into a row. */
export function pairwiseRow(
  judge: { model: string; rubric: string },
  results: readonly PairResult[],
  options: JudgePairwiseOptions = {},
): JudgePairwiseRow {
  const { resamples = BOOTSTRAP_DEFAULTS.resamples, seed = BOOTSTRAP_DEFAULTS.seed } = options;
  const count = (o: string) => results.filter((r) => r.outcome === o).length;
  const inconsistent = count("inconsistent");
  const scores = results.map((r) => scoreA(r.outcome)).filter((x): x is number => x !== null);
  const ci = scores.length > 0 ? bootstrapCi(scores, { resamples, seed }) : null;
  return {
    judge: judge.model,
    rubric: judge.rubric,
    run_a: results[0].run_a,
    run_b: results[0].run_b,
    n: results.length,
    wins_a: count("a"),
    wins_b: count("b"),
    ties: count("tie") + inconsistent,
    inconsistent,
    favours_first:
      results.filter((r) =>
        r.outcome === "inconsistent" && r.ab!.verdict === "A" && r.ba!.verdict === "A"
      ).length,
    failed: count("failed"),
    win_rate_a_mean: ci ? finite(ci.mean) : null,
    win_rate_a_lo: ci ? finite(ci.lo) : null,
    win_rate_a_hi: ci ? finite(ci.hi) : null,
  };
}

/**
 * One row per judge × pair of runs, pairs in name order (see `compareJudgements`).
 *
 * @example
 * ```ts
 * import { judgePairwiseTable } from "./judge_pairwise_table.ts";
 * import assert from "node:assert/strict";
 * const judge = { model: "qwen", rubric: "lawyer", rubric_version: "1.0.0", template_sha256: "t", settings: { temperature: 0, max_tokens: 1024, seed: null } };
 * const rec = (id: string, order: string, verdict: string) => ({
 *   record: { key: id + order, mode: "pairwise", order, id, runs: ["ft", "base"], status: "ok", verdict, answer_words: [3, 9],
 *     winner: verdict === "tie" ? "tie" : (verdict === "A") === (order === "ab") ? "ft" : "base", judge },
 *   file: "j.jsonl", line: 1, sha256: "" }) as never;
 * // q1: ft wins in both orders; q2: position A wins both times (inconsistent, a tie).
 * const [row] = judgePairwiseTable([rec("1", "ab", "A"), rec("1", "ba", "B"), rec("2", "ab", "A"), rec("2", "ba", "A")]);
 * assert.deepEqual([row.n, row.wins_a, row.wins_b, row.ties, row.inconsistent, row.favours_first, row.failed, row.win_rate_a_mean], [2, 1, 0, 1, 1, 1, 0, 0.75]);
 * ```
 */
export function judgePairwiseTable(
  stored: readonly StoredJudgement[],
  options: JudgePairwiseOptions = {},
): JudgePairwiseRow[] {
  const rows: JudgePairwiseRow[] = [];
  for (const g of judgeGroups(stored, { mode: "pairwise" })) {
    const byPair = new Map<string, PairResult[]>();
    for (const r of pairOutcomes(g)) {
      const k = JSON.stringify([r.run_a, r.run_b]);
      if (!byPair.has(k)) byPair.set(k, []);
      byPair.get(k)!.push(r);
    }
    for (const results of byPair.values()) {
      rows.push(pairwiseRow({ model: g.model, rubric: g.rubric }, results, options));
    }
  }
  return rows;
}
