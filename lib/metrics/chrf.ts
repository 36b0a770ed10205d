/**
 * chrF and chrF++ (Popović 2015, 2017) exactly as sacrebleu 2.x computes a sentence score.
 * @module
 */
import { chrfFromStatistics, type ChrfOptions, chrfStatistics } from "./_chrf_statistics.ts";

export type { ChrfOptions };

/**
 * chrF (or chrF++ with `wordOrder: 2`) of one hypothesis against one reference, on sacrebleu's
 * 0–100 scale. Re-implements `sacrebleu.metrics.CHRF.sentence_score` (sacrebleu 2.x):
 *
 * 1. Optional lower-casing; whitespace removed (`"".join(s.split())`) for character n-grams.
 * 2. For each character order n = 1..charOrder, then word order 1..wordOrder (words split on
 *    whitespace, one leading or trailing punctuation mark split off), count hypothesis n-grams,
 *    reference n-grams and matches Σ min(count_hyp, count_ref). A hypothesis count is reported as
 *    0 when the reference has no n-gram of that order.
 * 3. Effective-order rule (default): average precision P and recall R over the orders where both
 *    counts are positive; score = (1+β²)·P·R / (β²·P + R), ×100; 0 when no order qualifies or
 *    P + R = 0.
 * 4. With `epsSmoothing`: per-order precision/recall (1e-16 for an empty side), per-order F
 *    (1e-16 when undefined), averaged over all orders, ×100.
 *
 * @param hypothesis The model's answer.
 * @param reference The reference answer.
 * @param options See {@linkcode ChrfOptions}.
 * @example
 * ```ts
 * import { chrf } from "./chrf.ts";
 * import assert from "node:assert/strict";
 * // hyp "аб", ref "абв": order 1: P = 2/2, R = 2/3; order 2: P = 1/1, R = 1/2; orders 3..6: the
 * // hypothesis has none, so they do not count. P = (1+1)/2 = 1, R = (2/3+1/2)/2 = 7/12
 * // chrF2 = 5·1·(7/12) / (4·1 + 7/12) · 100 = (35/12)/(55/12) · 100 = 700/11
 * assert.ok(Math.abs(chrf("аб", "абв") - 700 / 11) < 1e-12);
 * assert.equal(chrf("", "абв"), 0);
 * ```
 */
export function chrf(hypothesis: string, reference: string, options: ChrfOptions = {}): number {
  return chrfFromStatistics(chrfStatistics(hypothesis, reference, options), options);
}
