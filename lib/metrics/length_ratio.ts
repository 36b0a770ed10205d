/**
 * Length ratio: how close the answer's length is to the reference's, in whitespace words.
 * @module
 */
import { pySplit } from "../text/_python_str.ts";

/**
 * The study's length ratio (`calculate_length_ratio`, `benchmark.py`, commit
 * 02a909e2ee8fca5901e526d752fa46b9871fe599): with p and r the numbers of whitespace-separated
 * words (Python `str.split()`) of prediction and reference, ratio = p / r, and the score is ratio
 * when ratio <= 1, else 1 / ratio; 0 when the reference is empty. 1 means equal length; it
 * says nothing about content.
 *
 * @example
 * ```ts
 * import { lengthRatio } from "./length_ratio.ts";
 * import assert from "node:assert/strict";
 * assert.equal(lengthRatio("a b", "a b c d"), 0.5); // 2/4
 * assert.equal(lengthRatio("a b c d", "a b"), 0.5); // 1/(4/2)
 * assert.equal(lengthRatio("a", ""), 0);
 * ```
 */
export function lengthRatio(prediction: string, reference: string): number {
  const predLen = pySplit(prediction).length;
  const refLen = pySplit(reference).length;
  if (refLen === 0) return 0.0;
  const ratio = predLen / refLen;
  return ratio > 1 ? 1 / ratio : ratio;
}
