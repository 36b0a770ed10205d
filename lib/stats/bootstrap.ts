/**
 * Percentile bootstrap confidence intervals of a mean.
 *
 * Resampling scheme: resample `b` (0-based) draws its `n` indices as draws `b·n … b·n + n − 1`
 * of d3-random's seeded linear congruential generator ({@linkcode seededRandom}), index
 * `⌊u · n⌋`. The indices are generated while they are used, one resample at a time, so memory is
 * `O(resamples)` (the resample means) whatever `n`: no `n × resamples` matrix is kept. Blocks of
 * the same stream can be produced anywhere by jumping the generator ahead
 * ({@linkcode bootstrapIndexBlock}), and any blocking gives the same indices. The same
 * `(n, resamples, seed)` always gives the same resamples, so all metrics of one run, and both
 * sides of a paired comparison, share them (common random numbers).
 *
 * Caveats, written where the statistic is computed: the percentile bootstrap treats the
 * questions as an i.i.d. sample from the population of questions. For a mean it behaves like a
 * normal interval with the standard deviation taken with denominator `n`, so its coverage is
 * about `P(|t_{n−1}| ≤ 1.96·√((n−1)/n))`: 84% at n = 5, 90% at n = 10, 94% at n = 30. Below
 * `minN` (default 10) no interval is given (`lo`, `hi` are `NaN` and `reason` says why); from 10
 * to 29, callers flag the cells. It also understates uncertainty for heavily skewed or bounded
 * metrics whose mean sits at a bound (e.g. a citation accuracy of 1.0 on every sample gives a
 * zero-width interval). It says nothing about variation across training seeds or decoding
 * randomness.
 * @module
 */
import { DEFAULT_SEED } from "./rng.ts";
import { quantileSorted } from "./quantile.ts";
import { LCG_EPS, LCG_INC, LCG_MUL, lcgSkip, lcgState } from "./_lcg.ts";

/** Options for {@linkcode bootstrapCi} and {@linkcode bootstrapIndices}. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples. Default: `10_000`. */
  resamples?: number;
  /** Seed of the generator that draws the resamples. Default: `42`. */
  seed?: number;
  /** Confidence level of the interval. Default: `0.95`. */
  level?: number;
  /**
   * Fewest defined values for an interval; below it `lo` and `hi` are `NaN` and `reason` says
   * why. Default: `10` (at n = 10 a nominal 95% percentile interval of a mean covers about 90%;
   * at n = 5 about 84%, and at n ≤ 3 it has at most 10 distinct resample means). `1` gives an
   * interval whenever there is a value.
   */
  minN?: number;
}

/** Defaults of {@linkcode BootstrapOptions}. */
export const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions> = {
  resamples: 10_000,
  seed: DEFAULT_SEED,
  level: 0.95,
  minN: 10,
};

/** A mean with its confidence interval and the number of defined values it rests on. */
export interface Interval {
  mean: number;
  /** Lower bound; `NaN` when no interval is given (see `reason`). */
  lo: number;
  /** Upper bound; `NaN` when no interval is given (see `reason`). */
  hi: number;
  n: number;
  /** Why there is no interval, e.g. `"n = 3 < 10: too few questions for a bootstrap interval"`; absent when there is one. */
  reason?: string;
}

function checkSizes(n: number, resamples: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Sample size must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`Resamples must be a positive integer, got ${resamples}`);
  }
}

/**
 * Resamples `first … first + count − 1` of the bootstrap stream for `(n, seed)`: `count` rows of
 * `n` indices in [0, n), row-major. Any split of `0 … resamples − 1` into blocks gives the rows
 * of {@linkcode bootstrapIndices}; the generator is jumped ahead to row `first` in `O(log)` time.
 *
 * @example
 * ```ts
 * import { bootstrapIndexBlock, bootstrapIndices } from "./bootstrap.ts";
 * import assert from "node:assert/strict";
 * const all = bootstrapIndices(7, { resamples: 5, seed: 3 });
 * assert.deepEqual(bootstrapIndexBlock(7, 2, 3, { seed: 3 }), all.slice(2 * 7, 5 * 7));
 * ```
 */
export function bootstrapIndexBlock(
  n: number,
  first: number,
  count: number,
  options: Pick<BootstrapOptions, "seed"> = {},
): Int32Array {
  const { seed = DEFAULT_SEED } = options;
  checkSizes(n, Math.max(count, 1));
  if (!Number.isInteger(first) || first < 0 || !Number.isInteger(count) || count < 0) {
    throw new RangeError(
      `Block must start and count at non-negative integers, got ${first}, ${count}`,
    );
  }
  const out = new Int32Array(n * count);
  const scale = n * LCG_EPS;
  let state = lcgSkip(lcgState(seed), first * n);
  for (let k = 0; k < out.length; k++) {
    state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
    out[k] = ((state >>> 0) * scale) | 0; // = ⌊u · n⌋ exactly (see bootstrapMeans)
  }
  return out;
}

/**
 * All resample indices, `resamples` rows of `n` indices in [0, n) (row-major): the same numbers
 * as earlier versions, which drew them with `randomInt(seededRandom(seed), n)` in order. This
 * holds `n × resamples` integers (200 MB at n = 5,000 and 10,000 resamples); prefer
 * {@linkcode bootstrapIndexBlock} for large `n`. Nothing is cached.
 */
export function bootstrapIndices(n: number, options: BootstrapOptions = {}): Int32Array {
  const { resamples, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  checkSizes(n, resamples);
  return bootstrapIndexBlock(n, 0, resamples, { seed });
}

/**
 * The means of `resamples` bootstrap resamples of `x` (not sorted), drawn from the stream of
 * `(x.length, seed)` while they are used: memory `O(resamples)`.
 */
export function bootstrapMeans(
  x: Float64Array,
  options: Pick<BootstrapOptions, "resamples" | "seed"> = {},
): Float64Array {
  const { resamples = BOOTSTRAP_DEFAULTS.resamples, seed = BOOTSTRAP_DEFAULTS.seed } = options;
  const n = x.length;
  checkSizes(n, resamples);
  const means = new Float64Array(resamples);
  // ⌊u · n⌋ with u = s·2^-32: s·n has at most 45 significant bits, so s · (n·2^-32) is exact
  // and equals the earlier (s·2^-32)·n bit for bit; it is below 2^31, so `| 0` floors it.
  const scale = n * LCG_EPS;
  let state = lcgState(seed);
  let b = 0;
  // Four resamples at a time, each from its own place in the stream (jumped ahead by n draws):
  // four independent generator chains keep the processor busy; each resample's indices and
  // summation order are those of the one-at-a-time loop, so the means are identical.
  for (; b + 4 <= resamples; b += 4) {
    let s0 = state;
    let s1 = lcgSkip(s0, n), s2 = lcgSkip(s1, n), s3 = lcgSkip(s2, n);
    let m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    for (let i = 0; i < n; i++) {
      s0 = (Math.imul(LCG_MUL, s0) + LCG_INC) | 0;
      s1 = (Math.imul(LCG_MUL, s1) + LCG_INC) | 0;
      s2 = (Math.imul(LCG_MUL, s2) + LCG_INC) | 0;
      s3 = (Math.imul(LCG_MUL, s3) + LCG_INC) | 0;
      m0 += x[((s0 >>> 0) * scale) | 0];
      m1 += x[((s1 >>> 0) * scale) | 0];
      m2 += x[((s2 >>> 0) * scale) | 0];
      m3 += x[((s3 >>> 0) * scale) | 0];
    }
    means[b] = m0 / n;
    means[b + 1] = m1 / n;
    means[b + 2] = m2 / n;
    means[b + 3] = m3 / n;
    state = s3;
  }
  for (; b < resamples; b++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      state = (Math.imul(LCG_MUL, state) + LCG_INC) | 0;
      m += x[((state >>> 0) * scale) | 0];
    }
    means[b] = m / n;
  }
  return means;
}

/** The defined values of `values` (not `null`, `undefined` or `NaN`), in order. */
export function definedValues(values: ArrayLike<number | null | undefined>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && !Number.isNaN(v)) out[n++] = v;
  }
  return n === out.length ? out : out.slice(0, n);
}

/**
 * Mean and percentile-bootstrap confidence interval of `values` (an array or a `Float64Array`).
 * `null`, `undefined` and `NaN` mark undefined values: they are left out, and `n` counts the
 * defined ones. With no defined value the result is all `NaN` with `n = 0`; with fewer than
 * `minN` the mean is given but `lo` and `hi` are `NaN` and `reason` says why.
 *
 * @example
 * ```ts
 * import { bootstrapCi } from "./bootstrap.ts";
 * import assert from "node:assert/strict";
 * const ci = bootstrapCi([1, 0, 1, 1, null, 1, 0, 1, 1, 1, 0], { resamples: 2000 });
 * assert.equal(ci.n, 10);
 * assert.equal(ci.mean, 0.7);
 * assert.ok(ci.lo <= ci.mean && ci.mean <= ci.hi);
 * const few = bootstrapCi([1, 0, 1]);
 * assert.ok(Number.isNaN(few.lo) && Number.isNaN(few.hi));
 * assert.equal(few.reason, "n = 3 < 10: too few questions for a bootstrap interval");
 * ```
 */
export function bootstrapCi(
  values: ArrayLike<number | null | undefined>,
  options: BootstrapOptions = {},
): Interval {
  const { resamples, seed, level, minN } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (!(level > 0 && level < 1)) throw new RangeError(`Level must be in (0, 1), got ${level}`);
  if (!Number.isInteger(minN) || minN < 1) {
    throw new RangeError(`minN must be a positive integer, got ${minN}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`Resamples must be a positive integer, got ${resamples}`);
  }
  const x = definedValues(values);
  const n = x.length;
  if (n === 0) {
    return { mean: NaN, lo: NaN, hi: NaN, n: 0, reason: "n = 0: no defined value" };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = sum / n;
  if (n < minN) {
    const reason = `n = ${n} < ${minN}: too few questions for a bootstrap interval`;
    return { mean, lo: NaN, hi: NaN, n, reason };
  }
  const means = bootstrapMeans(x, { resamples, seed });
  means.sort();
  const alpha = (1 - level) / 2;
  return { mean, lo: quantileSorted(means, alpha), hi: quantileSorted(means, 1 - alpha), n };
}
