/**
 * Differences of paired observations, with undefined pairs left out, and differences that are
 * zero up to floating-point rounding set to exactly zero.
 *
 * Why the tolerance: two runs that score a question the same in exact arithmetic can differ in
 * the last bits when the scores were summed in another order, e.g. `(0.1 + 0.2) − 0.3` is
 * 5.6e-17. Such a difference carries a sign for the sign-flip test, which would then no longer
 * find the data on a lattice and leave its exact method, and it would give Cohen's d_z a spread
 * of 1e-17. A difference whose size is at most {@linkcode ZERO_TOLERANCE} times the scale of the
 * data (the largest |value| of either run over the defined pairs) is taken as 0. Rounding of a
 * sum of `k` terms is at most about `k · 2.2e-16` of its scale, below the tolerance for sums of
 * up to a few thousand terms; a real difference of 1e-12 of the scale is far below anything the
 * report can show.
 * @module
 */

/** Relative size (to the data's largest |value|) below which a difference is 0. */
export const ZERO_TOLERANCE = 1e-12;

/** A per-question value; `null`, `undefined` and `NaN` mark an undefined value. */
export type MaybeNumber = number | null | undefined;

function defined(v: MaybeNumber): v is number {
  return v !== null && v !== undefined && !Number.isNaN(v);
}

/** Options for {@linkcode pairedDifferences}. */
export interface PairedDifferencesOptions {
  /**
   * Differences of size at most `tolerance` × the largest |value| of the defined pairs are set
   * to exactly 0 (floating-point rounding, see the module documentation); `0` keeps every
   * difference as computed. Default: {@linkcode ZERO_TOLERANCE} (`1e-12`).
   */
  tolerance?: number;
}

/**
 * `a[i] - b[i]` for every position where both values are defined; a pair where either side is
 * `null`, `undefined` or `NaN` is dropped, so the result's length is the paired `n`. A
 * difference within the rounding tolerance of the data's scale is exactly 0.
 *
 * @param a First run's values, aligned with `b` (same question at the same index).
 * @param b Second run's values.
 * @returns The defined differences, in input order.
 *
 * @example
 * ```ts
 * import { pairedDifferences } from "./paired_differences.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...pairedDifferences([1, 0.5, null, 1], [0, 0.5, 1, undefined])], [1, 0]);
 * // (0.1 + 0.2) − 0.3 is 5.6e-17 in floating point, 0 in exact arithmetic:
 * assert.deepEqual([...pairedDifferences([0.1 + 0.2, 1], [0.3, 0.5])], [0, 0.5]);
 * assert.ok(pairedDifferences([0.1 + 0.2], [0.3], { tolerance: 0 })[0] > 0);
 * ```
 */
export function pairedDifferences(
  a: ArrayLike<MaybeNumber>,
  b: ArrayLike<MaybeNumber>,
  options: PairedDifferencesOptions = {},
): Float64Array {
  const { tolerance = ZERO_TOLERANCE } = options;
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw new RangeError(`Tolerance must be in [0, 1), got ${tolerance}`);
  }
  if (a.length !== b.length) {
    throw new RangeError(
      `Paired values must have the same length, got ${a.length} and ${b.length}`,
    );
  }
  const out = new Float64Array(a.length);
  let n = 0, scale = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (defined(x) && defined(y)) {
      out[n++] = x - y;
      if (Number.isFinite(x) && Number.isFinite(y)) {
        scale = Math.max(scale, Math.abs(x), Math.abs(y));
      }
    }
  }
  const zero = tolerance * scale;
  for (let i = 0; i < n; i++) if (Math.abs(out[i]) <= zero) out[i] = 0;
  return out.slice(0, n);
}
