/**
 * chrF and chrF++ (Popović 2015, 2017) exactly as sacrebleu 2.x computes a sentence score.
 * @module
 */
import { PY_SPACE, pySplit } from "../text/_python_str.ts";
import { internChars, internTokens } from "./_intern.ts";
import { ngramStats } from "./_ngram_stats.ts";

/** Options for {@linkcode chrf}; the defaults are sacrebleu's `CHRF()` defaults. */
export interface ChrfOptions {
  /** Character n-gram order. Default: `6`. */
  charOrder?: number;
  /** Word n-gram order; `2` gives chrF++. Default: `0`. */
  wordOrder?: number;
  /** Recall weight β of the F-score. Default: `2`. */
  beta?: number;
  /** Lower-case both sides first. Default: `false`. */
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams. Default: `false` (whitespace removed). */
  whitespace?: boolean;
  /** Average per-order F-scores with 1e-16 for empty orders (chrF++.py style) instead of the effective-order rule. Default: `false`. */
  epsSmoothing?: boolean;
}

const SPACE_RUNS = new RegExp(`[${PY_SPACE}]+`, "gu");

/** Punctuation that chrF++ splits off the start or end of a word (Python's `string.punctuation`). */
const PUNCTS = new Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

function splitPunctuation(sentence: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(sentence)) {
    const cps = Array.from(w);
    if (cps.length === 1) out.push(w);
    else if (PUNCTS.has(cps[cps.length - 1])) {
      out.push(cps.slice(0, -1).join(""), cps[cps.length - 1]);
    } else if (PUNCTS.has(cps[0])) out.push(cps[0], cps.slice(1).join(""));
    else out.push(w);
  }
  return out;
}

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
  const {
    charOrder = 6,
    wordOrder = 0,
    beta = 2,
    lowercase = false,
    whitespace = false,
    epsSmoothing = false,
  } = options;
  if (
    !Number.isInteger(charOrder) || charOrder < 0 || !Number.isInteger(wordOrder) ||
    wordOrder < 0 || charOrder + wordOrder === 0
  ) {
    throw new RangeError(
      `Cannot compute chrF: charOrder (${charOrder}) and wordOrder (${wordOrder}) must be non-negative integers, not both 0`,
    );
  }
  const hyp = lowercase ? hypothesis.toLowerCase() : hypothesis;
  const ref = lowercase ? reference.toLowerCase() : reference;
  const stats: [number, number, number][] = [];
  const push = (s: { a: number[]; b: number[]; match: number[] }, order: number) => {
    for (let i = 0; i < order; i++) stats.push([s.b[i] > 0 ? s.a[i] : 0, s.b[i], s.match[i]]);
  };
  if (charOrder > 0) {
    // "".join(s.split()) in Python: drop every whitespace run
    const hc = whitespace ? hyp : hyp.replace(SPACE_RUNS, "");
    const rc = whitespace ? ref : ref.replace(SPACE_RUNS, "");
    const { a, b, alphabet } = internChars(hc, rc);
    push(ngramStats(a, b, alphabet, charOrder), charOrder);
  }
  if (wordOrder > 0) {
    const { a, b, alphabet } = internTokens(splitPunctuation(hyp), splitPunctuation(ref));
    push(ngramStats(a, b, alphabet, wordOrder), wordOrder);
  }
  const eps = 1e-16;
  const factor = beta ** 2;
  let score = 0;
  let avgPrec = 0;
  let avgRec = 0;
  let effective = 0;
  for (const [nHyp, nRef, nMatch] of stats) {
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective++;
    }
  }
  if (epsSmoothing) return (100 * score) / stats.length;
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  return 100 * (((1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec));
}
