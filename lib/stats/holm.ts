/**
 * Holm–Bonferroni adjusted p-values.
 *
 * Definition: sort the `m` p-values ascending, `p_(1) ≤ … ≤ p_(m)`; the adjusted value of the
 * `i`-th is `max_{j ≤ i} min(1, (m - j + 1) · p_(j))`. Rejecting where the adjusted p-value is
 * at most `α` controls the family-wise error rate (the chance of any false rejection) at `α`
 * under any dependence between the tests, and is uniformly more powerful than Bonferroni.
 * @module
 */
import { checkPValues } from "./_check_p_values.ts";

/**
 * Holm-adjusted p-values, in the input order. `NaN` entries (tests that could not be run) are
 * not part of the family: they stay `NaN` and do not count in `m`.
 *
 * @param p Unadjusted p-values in [0, 1].
 * @returns Adjusted p-values, same order and length.
 *
 * @example
 * ```ts
 * import { holm } from "./holm.ts";
 * import assert from "node:assert/strict";
 * // sorted 0.01, 0.03, 0.04, 0.2 → 4·0.01, 3·0.03, max(0.09, 2·0.04), 0.2
 * const adj = holm([0.01, 0.04, 0.03, 0.2]);
 * assert.deepEqual(adj.map((x) => Number(x.toFixed(10))), [0.04, 0.09, 0.09, 0.2]);
 * ```
 */
export function holm(p: readonly number[]): number[] {
  checkPValues(p, "holm()");
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i])).sort((i, j) =>
    p[i] - p[j] || i - j
  );
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 0;
  idx.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[i]));
    out[i] = running;
  });
  return out;
}
