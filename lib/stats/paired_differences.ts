/**
 * Differences of paired observations, with undefined pairs left out.
 * @module
 */

/** A per-question value; `null`, `undefined` and `NaN` mark an undefined value. */
export type MaybeNumber = number | null | undefined;

function defined(v: MaybeNumber): v is number {
  return v !== null && v !== undefined && !Number.isNaN(v);
}

/**
 * `a[i] - b[i]` for every position where both values are defined; a pair where either side is
 * `null`, `undefined` or `NaN` is dropped, so the result's length is the paired `n`.
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
 * ```
 */
export function pairedDifferences(
  a: ArrayLike<MaybeNumber>,
  b: ArrayLike<MaybeNumber>,
): Float64Array {
  if (a.length !== b.length) {
    throw new RangeError(
      `Paired values must have the same length, got ${a.length} and ${b.length}`,
    );
  }
  const out = new Float64Array(a.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (defined(x) && defined(y)) out[n++] = x - y;
  }
  return out.slice(0, n);
}
