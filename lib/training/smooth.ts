/**
 * Exponential moving average with bias correction (as TensorBoard's smoothing slider), for
 * noisy per-step losses. Nulls are skipped and stay null.
 *
 * @param values The series, in step order.
 * @param weight Smoothing weight in [0, 1): 0 returns the series unchanged. Default: 0.9.
 * @example
 * ```ts
 * import { emaSmooth } from "./smooth.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(emaSmooth([2, 2, 2], 0.9), [2, 2, 2]);
 * assert.deepEqual(emaSmooth([1, null, 3], 0), [1, null, 3]);
 * ```
 */
export function emaSmooth(values: readonly (number | null)[], weight = 0.9): (number | null)[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`weight must be in [0, 1), got ${weight}`);
  let last = 0;
  let n = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    last = last * weight + (1 - weight) * v;
    n++;
    return last / (1 - weight ** n);
  });
}
