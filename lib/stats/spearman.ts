/**
 * Spearman's rank correlation with tied ranks averaged: the Pearson correlation of the two
 * variables' ranks. Pairs where either value is undefined (`null`, `undefined`, `NaN`) are left
 * out; `n` counts the pairs used.
 * @module
 */

/** A correlation and the number of pairs it rests on. */
export interface Correlation {
  rho: number;
  n: number;
}

/** Ranks 1..n with ties given their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rho of paired values; `NaN` when fewer than 3 pairs or when either side is constant.
 *
 * @example
 * ```ts
 * import { spearman } from "./spearman.ts";
 * import assert from "node:assert/strict";
 * // x ranks 1, 2.5, 2.5, 4; y ranks 1, 2, 3, 4; hand-computed: rank deviations (-1.5, 0, 0, 1.5) and
 * // (-1.5, -0.5, 0.5, 1.5), so rho = 4.5 / sqrt(4.5 * 5) = 0.9487
 * const r = spearman([1, 2, 2, 3], [10, 20, 30, 40]);
 * assert.equal(r.n, 4);
 * assert.ok(Math.abs(r.rho - 4.5 / Math.sqrt(4.5 * 5)) < 1e-12);
 * ```
 */
export function spearman(
  x: readonly (number | null | undefined)[],
  y: readonly (number | null | undefined)[],
): Correlation {
  if (x.length !== y.length) {
    throw new RangeError(`spearman() needs equal lengths, got ${x.length} and ${y.length}`);
  }
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i], b = y[i];
    if (
      a === null || a === undefined || b === null || b === undefined || Number.isNaN(a) ||
      Number.isNaN(b)
    ) continue;
    xs.push(a);
    ys.push(b);
  }
  const n = xs.length;
  if (n < 3) return { rho: NaN, n };
  const rx = averageRanks(xs), ry = averageRanks(ys);
  const mean = (n + 1) / 2;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i] - mean, dy = ry[i] - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { rho: sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy), n };
}
