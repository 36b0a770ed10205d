/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (sentence level, one reference), as Google's `rouge-score`
 * package computes them, on a chosen tokenizer.
 * @module
 */
import { tokenize, type TokenizerName } from "./tokenize.ts";
import { internTokens } from "./_intern.ts";
import { ngramStats } from "./_ngram_stats.ts";
import { lcsLength } from "./_lcs.ts";

/** Precision, recall and F1 of one ROUGE variant. */
export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

/** The three ROUGE variants of one prediction/reference pair. */
export interface RougeResult {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

/** Options for {@linkcode rouge}. */
export interface RougeOptions {
  /** Tokenizer; see {@linkcode tokenize}. Default: `"unicode"` (the v2 suite); the study's is `"rouge-ascii"`. */
  tokenizer?: TokenizerName;
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function score(overlap: number, predCount: number, refCount: number): RougeScore {
  const precision = overlap / Math.max(predCount, 1);
  const recall = overlap / Math.max(refCount, 1);
  return { precision, recall, f: fmeasure(precision, recall) };
}

/**
 * ROUGE-1/2/L of a prediction against a reference, following `rouge_scorer.RougeScorer(...,
 * use_stemmer=False).score(reference, prediction)` of `rouge-score` 0.1.2:
 *
 * - ROUGE-N: n-gram multisets; overlap = Σ min(count in prediction, count in reference);
 *   P = overlap / max(#pred n-grams, 1), R = overlap / max(#ref n-grams, 1).
 * - ROUGE-L: LCS of the token sequences; P = LCS/|pred|, R = LCS/|ref|; 0 when either is empty.
 * - F = 2PR/(P+R), 0 when P+R = 0.
 *
 * The LCS runs on integer token ids with one row of memory, so a 2,400-word reference is cheap.
 *
 * @param prediction The model's answer.
 * @param reference The reference answer.
 * @param options See {@linkcode RougeOptions}.
 * @example
 * ```ts
 * import { rouge } from "./rouge.ts";
 * import assert from "node:assert/strict";
 * // pred: [срок, исковой, давности, три, года], ref: [исковой, давности, срок, три, года]
 * // unigrams: 5 of 5 match -> P = R = F = 1
 * // bigrams: pred {срок исковой, исковой давности, давности три, три года}; ref {исковой давности,
 * //   давности срок, срок три, три года}: 2 match of 4 -> F = 0.5
 * // LCS: исковой давности три года = 4 -> P = R = F = 0.8
 * const r = rouge("Срок исковой давности три года", "Исковой давности срок: три года");
 * assert.equal(r.rouge1.f, 1);
 * assert.equal(r.rouge2.f, 0.5);
 * assert.ok(Math.abs(r.rougeL.f - 0.8) < 1e-15); // 2·0.8·0.8/1.6 rounds to 0.8000000000000002
 * // The study's tokenizer drops every Cyrillic word: nothing is left to compare
 * assert.equal(rouge("Срок исковой давности", "Срок исковой давности", { tokenizer: "rouge-ascii" }).rougeL.f, 0);
 * ```
 */
export function rouge(
  prediction: string,
  reference: string,
  options: RougeOptions = {},
): RougeResult {
  const { tokenizer = "unicode" } = options;
  return rougeOfTokens(tokenize(prediction, { tokenizer }), tokenize(reference, { tokenizer }));
}

/** {@linkcode rouge} on already tokenized texts. */
export function rougeOfTokens(
  predictionTokens: readonly string[],
  referenceTokens: readonly string[],
): RougeResult {
  const { a: pred, b: ref, alphabet } = internTokens(predictionTokens, referenceTokens);
  const st = ngramStats(pred, ref, alphabet, 2);
  const lcs = pred.length === 0 || ref.length === 0 ? null : lcsLength(pred, ref);
  return {
    rouge1: score(st.match[0], st.a[0], st.b[0]),
    rouge2: score(st.match[1], st.a[1], st.b[1]),
    rougeL: lcs === null ? { precision: 0, recall: 0, f: 0 } : (() => {
      const precision = lcs / pred.length;
      const recall = lcs / ref.length;
      return { precision, recall, f: fmeasure(precision, recall) };
    })(),
  };
}
