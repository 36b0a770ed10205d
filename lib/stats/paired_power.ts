/**
 * Power and minimum detectable effects of paired comparisons (Card et al. 2020, "With little
 * power comes great responsibility"): what size of true difference a test set of `n` questions
 * could have detected, and how many questions a given difference needs.
 *
 * Definition: the two-sided paired t-test at level `α` on `n` pairs whose differences have
 * standard deviation `sd` detects a true mean difference `Δ` with power
 * `P(T > t_{1−α/2}) + P(T < −t_{1−α/2})`, `T` noncentral t with `n − 1` degrees of freedom and
 * noncentrality `(Δ/sd)·√n`: statsmodels' `TTestPower` with effect size `Δ/sd`. The minimum
 * detectable effect (MDE) is the `Δ` at which the power equals the target (default 80%);
 * differences smaller than it would be missed more often than not-quite-rarely, so a
 * non-significant comparison says "no difference larger than about the MDE", not "no
 * difference".
 *
 * Normal approximation: `MDE ≈ (z_{1−α/2} + z_power) · sd / √n = 2.80 · sd / √n` at the defaults
 * (0.125 sd at n = 500), and `n ≈ ((z_{1−α/2} + z_power) · sd / Δ)²` (7.85 (sd/Δ)² at the
 * defaults); the t-test's values are slightly larger, by about 1% at n = 100 and `z²/2 ≈ 2`
 * questions for the sample size.
 *
 * Caveats: `sd` is the standard deviation of the per-question differences, estimated from the
 * same data (a plug-in: the MDE describes the design, it is not a post-hoc power of the observed
 * effect, which says nothing new beyond the p-value). The sign-flip test used for the p-values
 * has about the same power as the t-test for a few hundred questions. A multiplicity correction
 * lowers `α` (Holm over a family: `α/m` for the first test), which raises the MDE: pass the
 * corrected level to see it.
 * @module
 */
import { normalQuantile } from "./normal.ts";
import { noncentralTCdf } from "./noncentral_t.ts";
import { studentTQuantile } from "./student_t.ts";

/** Arguments of {@linkcode pairedTTestPower}. */
export interface PairedPowerArgs {
  /** True mean difference `Δ` (any sign). */
  diff: number;
  /** Standard deviation of the per-question differences (> 0). */
  sd: number;
  /** Number of pairs (≥ 2; a fractional `n` is allowed, as in statsmodels). */
  n: number;
  /** Two-sided significance level. Default: `0.05`. */
  alpha?: number;
}

/** Arguments of {@linkcode minimumDetectableEffect}. */
export interface MinimumDetectableEffectArgs {
  /** Standard deviation of the per-question differences. */
  sd: number;
  /** Number of pairs. */
  n: number;
  /** Two-sided significance level. Default: `0.05`. */
  alpha?: number;
  /** Power to detect the effect with. Default: `0.8`. */
  power?: number;
}

/** Arguments of {@linkcode requiredSampleSize}. */
export interface RequiredSampleSizeArgs {
  /** Mean difference to detect (non-zero). */
  diff: number;
  /** Standard deviation of the per-question differences (> 0). */
  sd: number;
  /** Two-sided significance level. Default: `0.05`. */
  alpha?: number;
  /** Power to detect the difference with. Default: `0.8`. */
  power?: number;
}

function checkLevels(alpha: number, power?: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (power !== undefined && !(power > alpha && power < 1)) {
    throw new RangeError(`power must be in (alpha, 1) = (${alpha}, 1), got ${power}`);
  }
}

/** Power at standardised effect `es` (`Δ/sd`) with `n` pairs. */
function powerAt(es: number, n: number, alpha: number): number {
  const df = n - 1;
  const crit = studentTQuantile(1 - alpha / 2, df);
  const nc = es * Math.sqrt(n);
  // Each CDF lies in [0, 1], but their sum can still round past 1 by an ulp or so: clamp.
  const power = 1 - noncentralTCdf(crit, df, nc) + noncentralTCdf(-crit, df, nc);
  return Math.min(Math.max(power, 0), 1);
}

/**
 * Power of the two-sided paired t-test to detect a true mean difference `diff` with `n` pairs
 * whose differences have standard deviation `sd`: statsmodels'
 * `TTestPower().power(diff / sd, n, alpha)`.
 *
 * @example
 * ```ts
 * import { pairedTTestPower } from "./paired_power.ts";
 * import assert from "node:assert/strict";
 * // statsmodels: TTestPower().power(0.2, 200, 0.05) = 0.8036666605857853
 * assert.ok(Math.abs(pairedTTestPower({ diff: 0.02, sd: 0.1, n: 200 }) - 0.8036666605857853) < 1e-12);
 * ```
 */
export function pairedTTestPower(args: PairedPowerArgs): number {
  const { diff, sd, n, alpha = 0.05 } = args;
  checkLevels(alpha);
  if (!(sd > 0)) throw new RangeError(`sd must be positive, got ${sd}`);
  if (!(n >= 2)) throw new RangeError(`n must be at least 2, got ${n}`);
  return powerAt(diff / sd, n, alpha);
}

/**
 * The smallest true mean difference that `n` pairs detect with the given power in a two-sided
 * paired t-test at level `alpha`: `sd` times statsmodels'
 * `TTestPower().solve_power(effect_size=None, nobs=n, alpha=alpha, power=power)`. `NaN` when it
 * is undefined: `n < 2`, or `sd` is 0 or `NaN` (every difference equal, or none).
 *
 * @example
 * ```ts
 * import { minimumDetectableEffect } from "./paired_power.ts";
 * import assert from "node:assert/strict";
 * // 500 questions, differences with sd 0.2: about 2.80 · 0.2 / √500 = 0.0251 (t-test: 0.0252)
 * const mde = minimumDetectableEffect({ sd: 0.2, n: 500 });
 * assert.ok(Math.abs(mde - 0.02510) < 5e-4);
 * assert.ok(Number.isNaN(minimumDetectableEffect({ sd: 0.2, n: 1 })));
 * ```
 */
export function minimumDetectableEffect(args: MinimumDetectableEffectArgs): number {
  const { sd, n, alpha = 0.05, power = 0.8 } = args;
  checkLevels(alpha, power);
  if (sd < 0) throw new RangeError(`sd must not be negative, got ${sd}`);
  if (!(n >= 2) || !(sd > 0) || !Number.isFinite(sd)) return NaN;
  // Bracket the standardised effect around the normal approximation, then bisect.
  const guess = (normalQuantile(1 - alpha / 2) + normalQuantile(power)) / Math.sqrt(n);
  let lo = 0, hi = 2 * guess;
  while (powerAt(hi, n, alpha) < power) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (powerAt(mid, n, alpha) < power) lo = mid;
    else hi = mid;
  }
  return sd * (lo + hi) / 2;
}

/**
 * How many questions a two-sided paired t-test at level `alpha` needs to detect a true mean
 * difference `diff` with the given power, when the per-question differences have standard
 * deviation `sd`: the smallest integer `n ≥ 2` whose power reaches the target, i.e. statsmodels'
 * `TTestPower().solve_power(effect_size=diff/sd, nobs=None, ...)` rounded up.
 *
 * @example
 * ```ts
 * import { requiredSampleSize } from "./paired_power.ts";
 * import assert from "node:assert/strict";
 * // A difference of 0.01 with sd 0.1 (d = 0.1): normal approximation 7.85 / 0.01 = 785; t-test 787
 * assert.equal(requiredSampleSize({ diff: 0.01, sd: 0.1 }), 787);
 * ```
 */
export function requiredSampleSize(args: RequiredSampleSizeArgs): number {
  const { diff, sd, alpha = 0.05, power = 0.8 } = args;
  checkLevels(alpha, power);
  if (!(sd > 0) || !Number.isFinite(sd)) throw new RangeError(`sd must be positive, got ${sd}`);
  if (!(diff !== 0 && Number.isFinite(diff))) {
    throw new RangeError(`diff must be a non-zero number, got ${diff}`);
  }
  const es = Math.abs(diff / sd);
  const enough = (n: number) => powerAt(es, n, alpha) >= power;
  if (enough(2)) return 2;
  let lo = 2, hi = 4; // power(lo) < target ≤ power(hi)
  while (!enough(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
