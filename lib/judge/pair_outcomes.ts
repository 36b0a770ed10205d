/**
 * Pairwise verdicts resolved per question: each pair of answers is judged twice, A/B swapped,
 * and the two verdicts are read in run terms.
 *
 * Definition (version 1): both orders name the same run → that run wins; both say tie → tie;
 * anything else (the verdict changes with the order, including a win in one order and a tie in
 * the other) → `inconsistent`, which counts as a tie. An order without a valid verdict (failed,
 * a request error, or not asked yet) makes the question `failed`.
 * @module
 */
import type { JudgementRecord } from "./judgement_record.ts";
import type { JudgeGroup } from "./judge_groups.ts";

/** The version of the resolution rule above. */
export const PAIR_OUTCOME_VERSION = "1";

/** How one question of a pair of runs came out. */
export type PairOutcome = "a" | "b" | "tie" | "inconsistent" | "failed";

/** One question judged for one pair of runs. */
export interface PairResult {
  run_a: string;
  run_b: string;
  id: string;
  outcome: PairOutcome;
  /** The judgement with run_a shown as A, and the one with run_a shown as B (`null`: none). */
  ab: JudgementRecord | null;
  ba: JudgementRecord | null;
  /** Words of run_a's and run_b's answers. */
  words: [number, number];
}

/**
 * Resolves two verdicts in run terms (`winner` fields: a run id or `"tie"`).
 *
 * @example
 * ```ts
 * import { resolvePair } from "./pair_outcomes.ts";
 * import assert from "node:assert/strict";
 * assert.equal(resolvePair("ft", "ft", "ft", "base"), "a");
 * assert.equal(resolvePair("ft", "base", "ft", "base"), "inconsistent"); // position A won both times
 * assert.equal(resolvePair("tie", "base", "ft", "base"), "inconsistent");
 * assert.equal(resolvePair("tie", "tie", "ft", "base"), "tie");
 * ```
 */
export function resolvePair(
  ab: string,
  ba: string,
  runA: string,
  runB: string,
): Exclude<PairOutcome, "failed"> {
  if (ab !== ba) return "inconsistent";
  return ab === runA ? "a" : ab === runB ? "b" : "tie";
}

/** The questions of a pairwise judge group, resolved; pairs and questions in the group's order (`compareJudgements`). */
export function pairOutcomes(group: JudgeGroup): PairResult[] {
  const byItem = new Map<string, { ab: JudgementRecord | null; ba: JudgementRecord | null }>();
  for (const s of group.stored) {
    const r = s.record;
    if (r.mode !== "pairwise") continue;
    const k = JSON.stringify([r.runs[0], r.runs[1], r.id]);
    if (!byItem.has(k)) byItem.set(k, { ab: null, ba: null });
    byItem.get(k)![r.order as "ab" | "ba"] = r;
  }
  const out: PairResult[] = [];
  for (const [k, { ab, ba }] of byItem) {
    const [run_a, run_b, id] = JSON.parse(k) as [string, string, string];
    const any = (ab ?? ba)!;
    const outcome: PairOutcome = ab?.status === "ok" && ba?.status === "ok"
      ? resolvePair(ab.winner!, ba.winner!, run_a, run_b)
      : "failed";
    out.push({
      run_a,
      run_b,
      id,
      outcome,
      ab,
      ba,
      words: [any.answer_words[0], any.answer_words[1]],
    });
  }
  return out;
}

/** Run_a's score of an outcome: 1 for a win, 0 for a loss, ½ for a tie or an inconsistent pair; `null` when failed. */
export function scoreA(outcome: PairOutcome): number | null {
  switch (outcome) {
    case "a":
      return 1;
    case "b":
      return 0;
    case "tie":
    case "inconsistent":
      return 0.5;
    case "failed":
      return null;
    default:
      throw new TypeError(`Unknown pair outcome "${outcome}"`);
  }
}
