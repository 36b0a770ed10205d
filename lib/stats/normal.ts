/**
 * The standard normal distribution: CDF, survival function and quantile, with tails computed
 * directly (a p-value of 1e-30 keeps its digits).
 * @module
 */
import { erfc } from "./_special_functions.ts";

/**
 * `P(Z ≤ z)` for a standard normal `Z`.
 *
 * @example
 * ```ts
 * import { normalCdf } from "./normal.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-15);
 * ```
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * `P(Z > z)` for a standard normal `Z`, accurate in the far tail.
 *
 * @example
 * ```ts
 * import { normalSf } from "./normal.ts";
 * import assert from "node:assert/strict";
 * // scipy.stats.norm.sf(10) = 7.619853024160527e-24
 * assert.ok(Math.abs(normalSf(10) / 7.619853024160527e-24 - 1) < 1e-12);
 * ```
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

// Acklam's rational approximation (relative error below 1.2e-9), refined by Halley steps.
const A = [
  -3.969683028665376e+01,
  2.209460984245205e+02,
  -2.759285104469687e+02,
  1.383577518672690e+02,
  -3.066479806614716e+01,
  2.506628277459239e+00,
];
const B = [
  -5.447609879822406e+01,
  1.615858368580409e+02,
  -1.556989798598866e+02,
  6.680131188771972e+01,
  -1.328068155288572e+01,
];
const C = [
  -7.784894002430293e-03,
  -3.223964580411365e-01,
  -2.400758277161838e+00,
  -2.549732539343734e+00,
  4.374664141464968e+00,
  2.938163982698783e+00,
];
const D = [
  7.784695709041462e-03,
  3.224671290700398e-01,
  2.445134137142996e+00,
  3.754408661907416e+00,
];

function acklam(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - low) return -acklam(1 - p);
  const q = p - 0.5, r = q * q;
  return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * The `p`-quantile of the standard normal distribution (`Φ⁻¹(p)`); `−∞` at 0, `+∞` at 1.
 *
 * @example
 * ```ts
 * import { normalQuantile } from "./normal.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-14);
 * assert.ok(Math.abs(normalQuantile(0.8) - 0.8416212335729143) < 1e-14);
 * ```
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) {
    throw new RangeError(`Probability must be in [0, 1], got ${p}`);
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Work in the smaller tail so that the refinement keeps relative precision.
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklam(p);
  for (let i = 0; i < 3; i++) {
    const e = normalCdf(x) - p;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}
