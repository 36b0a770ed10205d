/**
 * Effect size of a paired difference: Cohen's d_z.
 *
 * Definition: `d_z = mean(d) / sd(d)` with `d_i = a_i - b_i` over the defined pairs and `sd` the
 * sample standard deviation (denominator `n - 1`). Why this one: it is the standardised effect of
 * the paired design itself (the mean difference in units of its question-to-question spread), the
 * quantity the paired test's power depends on (`t = d_z · √n`), and it is comparable across
 * metrics on different scales (points of accuracy, seconds of latency). Caveat: it is not the
 * between-groups Cohen's d (which divides by the spread of the scores, not of their differences),
 * so the usual 0.2/0.5/0.8 thresholds do not carry over; two runs that agree closely on every
 * question give a large d_z for a small difference. Undefined (`NaN`) when `n < 2` or when all
 * differences are equal (`sd = 0`).
 * @module
 */
import { type MaybeNumber, pairedDifferences } from "./paired_differences.ts";

/**
 * Cohen's d_z of `a - b`; pairs with an undefined side are dropped.
 *
 * @param a First run's per-question values.
 * @param b Second run's values for the same questions.
 * @returns `mean(a - b) / sd(a - b)`, or `NaN` when undefined.
 *
 * @example
 * ```ts
 * import { cohensDz } from "./cohens_dz.ts";
 * import assert from "node:assert/strict";
 * // differences 1, 2, 3: mean 2, sd 1
 * assert.equal(cohensDz([2, 4, 6], [1, 2, 3]), 2);
 * assert.ok(Number.isNaN(cohensDz([1, 2], [0, 1]))); // constant difference: sd = 0
 * ```
 */
export function cohensDz(a: ArrayLike<MaybeNumber>, b: ArrayLike<MaybeNumber>): number {
  const d = pairedDifferences(a, b);
  const n = d.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += d[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return sd > 1e-12 * Math.max(1, Math.abs(mean)) ? mean / sd : NaN;
}
