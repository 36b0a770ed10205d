/**
 * Paired permutation (sign-flip) test of a mean difference, with a p-value whose resolution does
 * not limit the verdict.
 *
 * Definition: under the null hypothesis that the two runs are exchangeable on each question, the
 * sign of each difference `d_i = a_i - b_i` is equally likely to be + or −. The statistic is
 * `T = |Σ d_i|` (equivalently `|mean(d)|`); the two-sided p-value is the share of the `2^n` sign
 * vectors `s` with `|Σ s_i d_i| ≥ T`. Zero differences carry no sign and do not move the
 * statistic, so only the `m` non-zero differences matter; a difference within floating-point
 * rounding of 0 (at most `1e-12` of the data's largest |value|, e.g. `(0.1 + 0.2) − 0.3`) is 0
 * (see `pairedDifferences`), so rounding noise does not push data off its lattice or out of the
 * exact method. The p-value comes from one of three
 * computations, named in the result's `method`:
 *
 * - `"exact"`: the distribution is computed exactly, with no Monte-Carlo error and no floor,
 *   (a) when the non-zero |differences| are integer multiples `k_i·u` of a common unit (binary
 *   outcomes, ratings, fractions with small denominators: found by trying `u = min|d|/j`,
 *   `j = 1 … 64`) and the work `m · Σk_i` is at most 3·10^7: the distribution of `Σ s_i k_i` by
 *   dynamic programming over the integers (with one size, `Bin(m, 1/2)` directly: the exact sign
 *   test, which equals McNemar's exact test on binary outcomes); or (b) when `m ≤ 30`
 *   (`exactMaxNonzero`): all `2^m` sign vectors, enumerated by meet in the middle (the sums of
 *   each half, one half sorted, pairs counted by binary search: `O(2^{m/2} · m)`, a few
 *   milliseconds at m = 30, the cost of a Monte-Carlo run at n = 500). Why 30: below it the
 *   normal approximation is least reliable (few terms) and exact enumeration is cheap; above
 *   it the cost doubles with every two differences, while the normal approximation improves.
 * - `"monte-carlo"`: `permutations` (B) random sign vectors, `p = (1 + c) / (B + 1)` with `c` the
 *   number at least as extreme. Counting the observed vector as one draw keeps the test valid
 *   (type-I error at most the nominal level) but floors p at `1/(B + 1)`; its relative standard
 *   error is about `1/√c`.
 * - `"normal"`: when the Monte-Carlo count `c` is below `minExtreme` (default 10, a relative
 *   standard error above ~30%, i.e. p below about `10/B`), the count cannot resolve p, and p is
 *   the normal approximation of the same statistic: under sign flipping `Σ s_i d_i` has mean 0
 *   and variance `Σ d_i²` exactly, so `z = |Σ d_i| / √(Σ d_i²)` and `p = 2·(1 − Φ(z))`, reported
 *   at full precision (no floor). Caveats: it is an approximation, good when no single
 *   difference dominates (Lindeberg); its relative error grows in the far tail, and Hoeffding's
 *   inequality bounds the exact p by `2·exp(−z²/2)` (about `2.5·z` times the normal p), so a
 *   p-value of 1e-12 means "far below any threshold used", not twelve exact digits. It carries no
 *   continuity correction: data on a lattice go to the exact method unless it is too costly,
 *   where the lattice is fine enough for the correction not to matter. The Monte-Carlo draw is
 *   skipped (`permutations: 0`, `extreme: null`) when Hoeffding's bound shows that its count
 *   would reach `minExtreme` with probability below 1e-12 (`(B·q)^m / m!` with
 *   `q = 2·exp(−z²/2)`; |z| above about 4.7 at 10,000 permutations): the result is then the one
 *   the draw would give, except with that probability, without its cost.
 *
 * This mix means a verdict does not change with `permutations` for effects whose p-value is far
 * from the threshold: a strong effect is significant after Holm over hundreds of tests at 1,000
 * as at 10,000 permutations, which a floored Monte-Carlo p cannot give (`310/1001 = 0.31`).
 * Validity: exact and Monte-Carlo p-values are valid tests; the normal approximation enters only
 * where the Monte-Carlo p is below about `10/B`, and the simulations in `sign_flip_test.ts`
 * (heavy-tailed differences, 200 flips) keep the type-I error and Holm's family-wise error at or
 * below the nominal level.
 *
 * Reproducibility: the Monte-Carlo signs are a deterministic function of `(n, permutations,
 * seed)`, drawn while they are used (memory `O(1)` beyond the data): sign `i` of vector `b` is
 * the top bit of draw `b·n + i` of d3-random's seeded generator (the low bits of a linear
 * congruential generator are not random), exactly the signs of earlier versions, which kept the
 * `permutations × n` matrix ({@linkcode signFlipMatrix}). Every comparison of the same `n` shares
 * them (common random numbers): the test is valid over the draw of the signs.
 *
 * Other caveats: questions are the unit; nothing here accounts for training-seed or decoding
 * variation. A p-value below about 1e-308 underflows to 0.
 * (The file is `sign_flip.ts`, not `sign_flip_test.ts`: Deno would take that name for a test file.)
 * @module
 */
import { DEFAULT_SEED } from "./rng.ts";
import { type MaybeNumber, pairedDifferences } from "./paired_differences.ts";
import { LCG_INC, LCG_MUL, lcgSkip, lcgState } from "./_lcg.ts";
import { binomialHalfCdf } from "./_binomial.ts";
import { normalSf } from "./normal.ts";
import { logGamma } from "./_special_functions.ts";

/** How a sign-flip p-value was computed (see the module documentation). */
export type SignFlipMethod = "exact" | "monte-carlo" | "normal";

/** Options for {@linkcode signFlipTest}. */
export interface SignFlipOptions {
  /** Number of random sign vectors of the Monte-Carlo method. Default: `10_000`. */
  permutations?: number;
  /** Seed of the generator that draws the signs. Default: `42`. */
  seed?: number;
  /**
   * `"auto"` picks as described in the module documentation; a method name forces it
   * (`"exact"` throws a RangeError when neither exact algorithm applies, i.e. more than 40
   * non-zero differences off a lattice; `"monte-carlo"` gives the floored Monte-Carlo p of
   * earlier versions). Default: `"auto"`.
   */
  method?: "auto" | SignFlipMethod;
  /** Most non-zero differences for exact enumeration (at most 40). Default: `30`. */
  exactMaxNonzero?: number;
  /** Fewest extreme Monte-Carlo flips for the Monte-Carlo p; below it the normal approximation is used. Default: `10`. */
  minExtreme?: number;
}

/** Defaults of {@linkcode SignFlipOptions}. */
export const SIGN_FLIP_DEFAULTS: Required<SignFlipOptions> = {
  permutations: 10_000,
  seed: DEFAULT_SEED,
  method: "auto",
  exactMaxNonzero: 30,
  minExtreme: 10,
};

/** Result of {@linkcode signFlipTest}. */
export interface SignFlipResult {
  /** Observed mean difference `mean(a - b)` over the defined pairs. */
  diff: number;
  /** Two-sided p-value (see `method`); `NaN` when `n = 0`. */
  p: number;
  /** Number of defined pairs. */
  n: number;
  /** Number of random sign vectors drawn: `0` when the p-value is exact or the draw was skipped. */
  permutations: number;
  /** How `p` was computed; `"none"` when there is no pair. */
  method: SignFlipMethod | "none";
  /** Number of non-zero differences (the only ones that carry a sign). */
  nonzero: number;
  /**
   * Monte-Carlo sign vectors at least as extreme as the observed one; `null` when none were
   * drawn (exact method, or a statistic so extreme that the count could not reach `minExtreme`).
   */
  extreme: number | null;
  /** Standardised statistic `Σ d_i / √(Σ d_i²)` (signed; `NaN` when every difference is 0). */
  z: number;
}

/** Lattice dynamic programming is used while `m · Σ k_i` stays below this. */
const LATTICE_WORK = 3e7;
/** Largest divisor of the smallest |difference| tried as the lattice unit. */
const LATTICE_MAX_DIVISOR = 64;
/** Hard limit of exact enumeration (two halves of 2^20 sums). */
const ENUMERATION_LIMIT = 40;

/**
 * Integer weights `k_i` with `|d_i| = k_i · u` for a common unit `u`, or `null` when the
 * differences are not on such a lattice or the dynamic programme would cost more than
 * {@linkcode LATTICE_WORK}.
 */
function latticeWeights(d: Float64Array): Int32Array | null {
  const m = d.length;
  let min = Infinity;
  for (let i = 0; i < m; i++) min = Math.min(min, Math.abs(d[i]));
  const k = new Int32Array(m);
  next: for (let div = 1; div <= LATTICE_MAX_DIVISOR; div++) {
    const u = min / div;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const r = Math.abs(d[i]) / u;
      const ri = Math.round(r);
      if (Math.abs(r - ri) > 1e-9 * r) continue next;
      k[i] = ri;
      total += ri;
      if (total * m > LATTICE_WORK) return null; // a finer unit only costs more
    }
    return k;
  }
  return null;
}

/** Exact two-sided p of `|Σ s_i k_i| ≥ |Σ sign(d_i) k_i|` over all sign vectors. */
function latticeP(d: Float64Array, k: Int32Array): number {
  const m = k.length;
  let observed = 0, total = 0, same = true;
  for (let i = 0; i < m; i++) {
    observed += d[i] > 0 ? k[i] : -k[i];
    total += k[i];
    if (k[i] !== k[0]) same = false;
  }
  observed = Math.abs(observed);
  if (observed === 0) return 1;
  if (same) {
    // Σ s_i = 2X − m with X ~ Bin(m, 1/2): |Σ s_i| ≥ T ⇔ X ≤ (m − T)/2 or X ≥ (m + T)/2.
    return Math.min(1, 2 * binomialHalfCdf((m - observed / k[0]) / 2, m));
  }
  const sorted = Int32Array.from(k).sort(); // small weights first keep the support small longer
  let f = new Float64Array(2 * total + 1), g = new Float64Array(2 * total + 1);
  f[total] = 1;
  let reach = 0;
  for (let i = 0; i < m; i++) {
    const w = sorted[i], next = reach + w;
    g.fill(0, total - next, total + next + 1);
    for (let j = total - reach; j <= total + reach; j++) {
      const v = 0.5 * f[j];
      if (v === 0) continue;
      g[j + w] += v;
      g[j - w] += v;
    }
    [f, g] = [g, f];
    reach = next;
  }
  let tail = 0; // P(Σ ≥ observed), smallest terms first
  for (let j = total + reach; j >= total + observed; j--) tail += f[j];
  return Math.min(1, 2 * tail);
}

/** Sums `Σ ±d_i` over `from ≤ i < to` for every sign pattern (bit set: minus). */
function halfSums(d: Float64Array, from: number, to: number): Float64Array {
  const size = 2 ** (to - from);
  const out = new Float64Array(size);
  let base = 0;
  for (let i = from; i < to; i++) base += d[i];
  out[0] = base;
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    out[mask] = out[mask ^ low] - 2 * d[from + 31 - Math.clz32(low)];
  }
  return out;
}

/** Number of entries of ascending `xs` below `v`. */
function countBelow(xs: Float64Array, v: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of ascending `xs` at most `v`. */
function countAtMost(xs: Float64Array, v: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Exact share of the `2^m` sign vectors with `|Σ s_i d_i| ≥ threshold`, by meet in the middle. */
function enumerationP(d: Float64Array, threshold: number): number {
  const m = d.length;
  if (threshold <= 0) return 1;
  const h = m >> 1;
  const left = halfSums(d, 0, h), right = halfSums(d, h, m).sort();
  let count = 0;
  for (let i = 0; i < left.length; i++) {
    const a = left[i];
    count += right.length - countBelow(right, threshold - a); // a + y ≥ threshold
    count += countAtMost(right, -threshold - a); // a + y ≤ −threshold
  }
  return count / 2 ** m;
}

/**
 * The `permutations × n` matrix of the Monte-Carlo signs (±1) for `(n, permutations, seed)`,
 * row `b` holding the signs of vector `b`. {@linkcode signFlipTest} draws the same signs while it
 * uses them and never builds this matrix (`n × permutations` bytes: 50 MB at n = 5,000 and
 * 10,000 permutations); it is kept for inspection and for earlier callers. Nothing is cached.
 */
export function signFlipMatrix(n: number, options: SignFlipOptions = {}): Int8Array {
  const { permutations, seed } = { ...SIGN_FLIP_DEFAULTS, ...options };
  checkSizes(n, permutations);
  const signs = new Int8Array(n * permutations);
  let state = lcgState(seed);
  for (let i = 0; i < signs.length; i++) {
    state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
    signs[i] = state < 0 ? 1 : -1; // u ≥ 0.5 ⇔ the top bit of the state is set
  }
  return signs;
}

function checkSizes(n: number, permutations: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Sample size must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`Permutations must be a positive integer, got ${permutations}`);
  }
}

/**
 * Number of the `permutations` Monte-Carlo sign vectors with `|Σ s_i d_i| ≥ threshold`. The
 * signs are drawn while they are used: `s_i = −1` when draw `b·n + i` is below 1/2. (The sum is
 * accumulated with the opposite sign, `−Σ s_i d_i`, which has the same absolute value bit for
 * bit.)
 */
function monteCarloCount(
  d: Float64Array,
  threshold: number,
  permutations: number,
  seed: number,
): number {
  const n = d.length;
  let state = lcgState(seed);
  let count = 0;
  let b = 0;
  // Four sign vectors at a time, each from its own place in the stream (jumped ahead by n
  // draws): independent generator chains run in parallel in the processor; each vector's signs
  // and summation order are those of the one-at-a-time loop, so the count is identical.
  for (; b + 4 <= permutations; b += 4) {
    let s0 = state;
    let s1 = lcgSkip(s0, n), s2 = lcgSkip(s1, n), s3 = lcgSkip(s2, n);
    let t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (let i = 0; i < n; i++) {
      const di = d[i];
      s0 = (Math.imul(LCG_MUL, s0) + LCG_INC) | 0;
      s1 = (Math.imul(LCG_MUL, s1) + LCG_INC) | 0;
      s2 = (Math.imul(LCG_MUL, s2) + LCG_INC) | 0;
      s3 = (Math.imul(LCG_MUL, s3) + LCG_INC) | 0;
      t0 += ((s0 >> 31) | 1) * di;
      t1 += ((s1 >> 31) | 1) * di;
      t2 += ((s2 >> 31) | 1) * di;
      t3 += ((s3 >> 31) | 1) * di;
    }
    if (Math.abs(t0) >= threshold) count++;
    if (Math.abs(t1) >= threshold) count++;
    if (Math.abs(t2) >= threshold) count++;
    if (Math.abs(t3) >= threshold) count++;
    state = s3;
  }
  for (; b < permutations; b++) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
      t += ((state >> 31) | 1) * d[i];
    }
    if (Math.abs(t) >= threshold) count++;
  }
  return count;
}

/**
 * Two-sided paired sign-flip test of `mean(a - b) = 0`. Pairs where either value is undefined
 * are dropped (`n` counts the rest). The p-value is exact where that is cheap, Monte Carlo
 * otherwise, and the normal approximation of the same statistic where the Monte-Carlo count is
 * too small to resolve it; `method` says which (see the module documentation).
 *
 * @param a First run's per-question values (an array or a `Float64Array`).
 * @param b Second run's values for the same questions, at the same indices.
 * @param options Permutations, seed, method, exactMaxNonzero and minExtreme.
 * @returns The observed difference, p-value, `n`, method and the numbers behind it.
 *
 * @example
 * ```ts
 * import { signFlipTest } from "./sign_flip.ts";
 * import assert from "node:assert/strict";
 * // 40 questions, run a better on every one by 0.1: every |difference| is the same, so the
 * // p-value is exact, 2 / 2^40 (only the all-plus and all-minus vectors are as extreme).
 * const a = Array.from({ length: 40 }, (_, i) => 0.5 + (i % 5) / 8), b = a.map((x) => x - 0.125);
 * const r = signFlipTest(a, b);
 * assert.equal(r.method, "exact");
 * assert.equal(r.p, 2 / 2 ** 40);
 * // Identical runs: every flipped statistic ties with the observed 0, so p = 1.
 * assert.equal(signFlipTest(a, a).p, 1);
 * ```
 */
export function signFlipTest(
  a: ArrayLike<MaybeNumber>,
  b: ArrayLike<MaybeNumber>,
  options: SignFlipOptions = {},
): SignFlipResult {
  const { permutations, seed, method, exactMaxNonzero, minExtreme } = {
    ...SIGN_FLIP_DEFAULTS,
    ...options,
  };
  if (!Number.isInteger(exactMaxNonzero) || exactMaxNonzero < 0 || exactMaxNonzero > 40) {
    throw new RangeError(`exactMaxNonzero must be an integer in [0, 40], got ${exactMaxNonzero}`);
  }
  if (!Number.isInteger(minExtreme) || minExtreme < 0) {
    throw new RangeError(`minExtreme must be a non-negative integer, got ${minExtreme}`);
  }
  if (!["auto", "exact", "monte-carlo", "normal"].includes(method)) {
    throw new RangeError(
      `Unknown sign-flip method "${method}"; known: auto, exact, monte-carlo, normal`,
    );
  }
  const d = pairedDifferences(a, b);
  const n = d.length;
  if (n === 0) {
    return {
      diff: NaN,
      p: NaN,
      n: 0,
      permutations: 0,
      method: "none",
      nonzero: 0,
      extreme: null,
      z: NaN,
    };
  }
  checkSizes(n, permutations);
  let sum = 0, squares = 0, scale = 0, nonzero = 0;
  for (let i = 0; i < n; i++) {
    sum += d[i];
    squares += d[i] * d[i];
    scale = Math.max(scale, Math.abs(d[i]));
    if (d[i] !== 0) nonzero++;
  }
  const diff = sum / n;
  const z = squares > 0 ? sum / Math.sqrt(squares) : NaN;
  const base = { diff, n, nonzero, z };
  // Sums of the same numbers in another order can differ in the last bits: a flipped sum that
  // equals the observed one up to rounding counts as "at least as extreme".
  const threshold = Math.abs(sum) - 1e-9 * scale * n;
  const exact = (p: number): SignFlipResult => ({
    ...base,
    p,
    permutations: 0,
    method: "exact",
    extreme: null,
  });
  const normal = (extreme: number | null, drawn: number): SignFlipResult => ({
    ...base,
    p: threshold <= 0 ? 1 : 2 * normalSf(Math.abs(z)),
    permutations: drawn,
    method: "normal",
    extreme,
  });
  if (method === "auto" || method === "exact") {
    if (nonzero === 0) return exact(1);
    const nz = new Float64Array(nonzero);
    for (let i = 0, j = 0; i < n; i++) if (d[i] !== 0) nz[j++] = d[i];
    const k = latticeWeights(nz);
    if (k) return exact(latticeP(nz, k));
    const limit = method === "exact" ? ENUMERATION_LIMIT : exactMaxNonzero;
    if (nonzero <= limit) return exact(enumerationP(nz, threshold));
    if (method === "exact") {
      throw new RangeError(
        `Cannot compute an exact sign-flip p-value: ${nonzero} non-zero differences off a lattice (at most ${ENUMERATION_LIMIT})`,
      );
    }
  }
  if (method === "normal") return normal(null, 0);
  if (method === "auto" && minExtreme > 0 && threshold > 0) {
    // Hoeffding: one random sign vector is at least as extreme with probability
    // q ≤ 2·exp(−threshold² / (2 Σ d²)), so the count reaches minExtreme with probability at
    // most (B·q)^m / m!. Below 1e-12 the draw would give the normal method anyway: skip it.
    const logQ = Math.LN2 - (threshold * threshold) / (2 * squares);
    const logReach = minExtreme * (Math.log(permutations) + logQ) - logGamma(minExtreme + 1);
    if (logReach < Math.log(1e-12)) return normal(null, 0);
  }
  const count = monteCarloCount(d, threshold, permutations, seed);
  if (method === "auto" && count < minExtreme) return normal(count, permutations);
  return {
    ...base,
    p: (count + 1) / (permutations + 1),
    permutations,
    method: "monte-carlo",
    extreme: count,
  };
}
