/**
 * Paired t-test of a mean difference, offered beside the sign-flip test for comparison.
 *
 * Definition: with `d_i = a_i − b_i` over the `n` defined pairs, `t = mean(d) / (sd(d)/√n)` (sd
 * with denominator `n − 1`), `df = n − 1`, two-sided `p = P(|T_df| ≥ |t|)`, computed through the
 * incomplete beta function so that small p-values keep their digits: what
 * `scipy.stats.ttest_rel(a, b)` returns. Caveats: it assumes the mean difference is close to
 * normally distributed (by the central limit theorem, for a few hundred questions it is, unless
 * the differences are very heavy-tailed); the sign-flip test assumes only symmetry under the
 * null. `t` is `±∞` and `p = 0` when every difference is the same non-zero number, and both are
 * `NaN` when every difference is 0 or `n < 2` (as scipy).
 * @module
 */
import { type MaybeNumber, pairedDifferences } from "./paired_differences.ts";
import { studentTTwoSided } from "./student_t.ts";

/** Result of {@linkcode pairedTTest}. */
export interface PairedTTestResult {
  /** Mean difference `mean(a − b)`. */
  diff: number;
  /** Standard error of the mean difference, `sd(d)/√n`. */
  se: number;
  /** t statistic. */
  t: number;
  /** Degrees of freedom, `n − 1`. */
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Number of defined pairs. */
  n: number;
}

/**
 * Two-sided paired t-test of `mean(a − b) = 0`; pairs with an undefined side are dropped.
 *
 * @param a First run's per-question values (an array or a `Float64Array`).
 * @param b Second run's values for the same questions, at the same indices.
 * @returns Mean difference, standard error, t, df, p and n.
 *
 * @example
 * ```ts
 * import { pairedTTest } from "./paired_t.ts";
 * import assert from "node:assert/strict";
 * // differences 1, 2, 3, 4: mean 2.5, sd √(5/3), t = 2.5 / (√(5/3) / 2) = 3.873, df 3
 * const r = pairedTTest([2, 4, 6, 8], [1, 2, 3, 4]);
 * assert.ok(Math.abs(r.t - 3.872983346207417) < 1e-12);
 * assert.equal(r.df, 3);
 * // scipy.stats.ttest_rel([2, 4, 6, 8], [1, 2, 3, 4]).pvalue = 0.030466291662170977
 * assert.ok(Math.abs(r.p - 0.030466291662170977) < 1e-14);
 * ```
 */
export function pairedTTest(
  a: ArrayLike<MaybeNumber>,
  b: ArrayLike<MaybeNumber>,
): PairedTTestResult {
  const d = pairedDifferences(a, b);
  const n = d.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i];
  const diff = n > 0 ? sum / n : NaN;
  if (n < 2) return { diff, se: NaN, t: NaN, df: n - 1, p: NaN, n };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i] - diff) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  const t = diff / se;
  const p = Number.isNaN(t) ? NaN : studentTTwoSided(t, n - 1);
  return { diff, se, t, df: n - 1, p, n };
}
