/**
 * Benjamini–Hochberg adjusted p-values (q-values).
 *
 * Definition: sort the `m` p-values ascending, `p_(1) ≤ … ≤ p_(m)`; the adjusted value of the
 * `i`-th is `min_{j ≥ i} min(1, m · p_(j) / j)`. Rejecting where it is at most `q` controls the
 * false discovery rate (the expected share of false rejections among rejections) at `q · m0/m`
 * for independent or positively dependent tests. It controls less than Holm (not the chance of
 * any false rejection) and so rejects more.
 * @module
 */
import { checkPValues } from "./_check_p_values.ts";

/**
 * BH-adjusted p-values, in the input order. `NaN` entries stay `NaN` and do not count in `m`.
 *
 * @param p Unadjusted p-values in [0, 1].
 * @returns Adjusted p-values, same order and length.
 *
 * @example
 * ```ts
 * import { benjaminiHochberg } from "./benjamini_hochberg.ts";
 * import assert from "node:assert/strict";
 * // sorted 0.01, 0.03, 0.04, 0.2 → 4·0.01/1, min(4·0.03/2, 4·0.04/3), 4·0.04/3, 0.2
 * const adj = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
 * assert.deepEqual(adj.map((x) => Number(x.toFixed(10))), [0.04, 0.0533333333, 0.0533333333, 0.2]);
 * ```
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  checkPValues(p, "benjaminiHochberg()");
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i])).sort((i, j) =>
    p[i] - p[j] || i - j
  );
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const i = idx[rank];
    running = Math.min(running, (m * p[i]) / (rank + 1));
    out[i] = running;
  }
  return out;
}
