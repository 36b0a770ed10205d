/**
 * Quantiles of sorted samples.
 * @module
 */

/**
 * The `p`-quantile of ascending `sorted` values by linear interpolation between order
 * statistics (Hyndman & Fan type 7; numpy's default `np.percentile`, which the study used).
 *
 * @example
 * ```ts
 * import { quantileSorted } from "./quantile.ts";
 * import assert from "node:assert/strict";
 * assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
 * assert.equal(quantileSorted([1, 2, 3, 4], 0.025), 1.075);
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Quantile must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
