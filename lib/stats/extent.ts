/**
 * Smallest and largest value of a list, in one pass (never `Math.min(...values)`, which spreads
 * the list into a call and overflows the stack for large inputs).
 * @module
 */

/**
 * `[min, max]` of the values that are not NaN; `[NaN, NaN]` when there are none.
 *
 * @example
 * ```ts
 * import { extent } from "./extent.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(extent([3, NaN, -1, 2]), [-1, 3]);
 * assert.deepEqual(extent(new Float64Array(1_000_000).fill(1)), [1, 1]);
 * ```
 */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? [NaN, NaN] : [lo, hi];
}
