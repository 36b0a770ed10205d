/**
 * Paired permutation (sign-flip) test of a mean difference.
 *
 * Definition: under the null hypothesis that the two runs are exchangeable on each question, the
 * sign of each difference `d_i = a_i - b_i` is equally likely to be + or −. The statistic is
 * `T = |mean(d)|`; the two-sided p-value compares it with `T*_b = |mean(s_b ⊙ d)|` for
 * `permutations` random sign vectors `s_b`:
 * `p = (1 + #{b : T*_b ≥ T}) / (permutations + 1)`.
 * Exact enumeration of the `2^n` sign vectors is impossible for `n = 500`, so the signs are
 * drawn (Monte Carlo). Counting the observed sign vector as one of the draws (the `+1`s) keeps
 * the test valid (its type-I error is at most the nominal level) and sets a floor on the p-value
 * of `1 / (permutations + 1)`: `9.999e-5` for the default 10,000 permutations. A p-value at the
 * floor means "smaller than about 1e-4", not an exact value.
 *
 * Caveats: questions are the unit; zero differences (ties) carry no sign and do not move the
 * statistic. The sign matrix is a deterministic function of `(n, permutations, seed)` and is
 * shared by every comparison of the same `n` (common random numbers): the test is valid over the
 * draw of the signs, and results are reproducible.
 * (The file is `sign_flip.ts`, not `sign_flip_test.ts`: Deno would take that name for a test file.)
 * @module
 */
import { DEFAULT_SEED, seededRandom } from "./rng.ts";
import { type MaybeNumber, pairedDifferences } from "./paired_differences.ts";

/** Options for {@linkcode signFlipTest}. */
export interface SignFlipOptions {
  /** Number of random sign vectors. Default: `10_000` (p-value floor `1/10001`). */
  permutations?: number;
  /** Seed of the generator that draws the signs. Default: `42`. */
  seed?: number;
}

/** Defaults of {@linkcode SignFlipOptions}. */
export const SIGN_FLIP_DEFAULTS: Required<SignFlipOptions> = {
  permutations: 10_000,
  seed: DEFAULT_SEED,
};

/** Result of {@linkcode signFlipTest}. */
export interface SignFlipResult {
  /** Observed mean difference `mean(a - b)` over the defined pairs. */
  diff: number;
  /** Two-sided Monte-Carlo p-value, at least `1 / (permutations + 1)`; `NaN` when `n = 0`. */
  p: number;
  /** Number of defined pairs. */
  n: number;
  /** Number of random sign vectors used. */
  permutations: number;
}

const cache = new Map<string, Int8Array>();

/**
 * The `permutations × n` matrix of random signs (±1) for `(n, permutations, seed)`, cached.
 * Each sign comes from the top bit of one draw of the seeded generator (the low bits of a linear
 * congruential generator are not random).
 */
export function signFlipMatrix(n: number, options: SignFlipOptions = {}): Int8Array {
  const { permutations, seed } = { ...SIGN_FLIP_DEFAULTS, ...options };
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Sample size must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`Permutations must be a positive integer, got ${permutations}`);
  }
  const key = `${n}:${permutations}:${seed}`;
  let signs = cache.get(key);
  if (!signs) {
    const random = seededRandom(seed);
    signs = new Int8Array(n * permutations);
    for (let i = 0; i < signs.length; i++) signs[i] = random() < 0.5 ? -1 : 1;
    if (cache.size > 16) cache.clear();
    cache.set(key, signs);
  }
  return signs;
}

/**
 * Two-sided paired sign-flip test of `mean(a - b) = 0`. Pairs where either value is undefined
 * are dropped (`n` counts the rest).
 *
 * @param a First run's per-question values.
 * @param b Second run's values for the same questions, at the same indices.
 * @param options Permutations and seed.
 * @returns The observed difference, p-value, `n` and number of permutations.
 *
 * @example
 * ```ts
 * import { signFlipTest } from "./sign_flip.ts";
 * import assert from "node:assert/strict";
 * // 40 questions, run a better on every one: p is at the floor 1/(permutations+1).
 * const a = Array.from({ length: 40 }, (_, i) => 0.6 + (i % 5) / 100), b = a.map((x) => x - 0.1);
 * const r = signFlipTest(a, b, { permutations: 999 });
 * assert.equal(r.p, 1 / 1000);
 * // Identical runs: every flipped statistic ties with the observed 0, so p = 1.
 * assert.equal(signFlipTest(a, a, { permutations: 999 }).p, 1);
 * ```
 */
export function signFlipTest(
  a: ArrayLike<MaybeNumber>,
  b: ArrayLike<MaybeNumber>,
  options: SignFlipOptions = {},
): SignFlipResult {
  const { permutations } = { ...SIGN_FLIP_DEFAULTS, ...options };
  const d = pairedDifferences(a, b);
  const n = d.length;
  if (n === 0) return { diff: NaN, p: NaN, n: 0, permutations };
  let sum = 0, scale = 0;
  for (let i = 0; i < n; i++) {
    sum += d[i];
    scale = Math.max(scale, Math.abs(d[i]));
  }
  const observed = Math.abs(sum);
  // Sums of the same numbers in another order can differ in the last bits: a flipped sum that
  // equals the observed one up to rounding counts as "at least as extreme".
  const threshold = observed - 1e-9 * scale * n;
  const signs = signFlipMatrix(n, options);
  let count = 0;
  for (let b = 0, k = 0; b < permutations; b++) {
    let s = 0;
    for (let i = 0; i < n; i++, k++) s += signs[k] * d[i];
    if (Math.abs(s) >= threshold) count++;
  }
  return { diff: sum / n, p: (count + 1) / (permutations + 1), n, permutations };
}
