/**
 * Percentile bootstrap confidence intervals of a mean.
 *
 * Caveats, written where the statistic is computed: the percentile bootstrap treats the
 * questions as an i.i.d. sample from the population of questions; it understates uncertainty
 * for small `n` (below ~30 its coverage is poor, so callers flag such cells) and for heavily
 * skewed or bounded metrics whose mean sits at a bound (e.g. a citation accuracy of 1.0 on every
 * sample gives a zero-width interval). It says nothing about variation across training seeds or
 * decoding randomness.
 * @module
 */
import { DEFAULT_SEED, randomInt, seededRandom } from "./rng.ts";
import { quantileSorted } from "./quantile.ts";

/** Options for {@linkcode bootstrapCi} and {@linkcode bootstrapIndices}. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples. Default: `10_000`. */
  resamples?: number;
  /** Seed of the generator that draws the resamples. Default: `42`. */
  seed?: number;
  /** Confidence level of the interval. Default: `0.95`. */
  level?: number;
}

/** Defaults of {@linkcode BootstrapOptions}. */
export const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions> = {
  resamples: 10_000,
  seed: DEFAULT_SEED,
  level: 0.95,
};

/** A mean with its confidence interval and the number of defined values it rests on. */
export interface Interval {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

const cache = new Map<string, Int32Array>();

/**
 * The resample indices, `resamples` rows of `n` indices in [0, n), drawn with the seeded
 * generator. The same `(n, resamples, seed)` always gives the same matrix (and it is cached), so
 * all metrics of one run, and both sides of a paired comparison, share their resamples.
 */
export function bootstrapIndices(n: number, options: BootstrapOptions = {}): Int32Array {
  const { resamples, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Sample size must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`Resamples must be a positive integer, got ${resamples}`);
  }
  const key = `${n}:${resamples}:${seed}`;
  let indices = cache.get(key);
  if (!indices) {
    const random = seededRandom(seed);
    indices = new Int32Array(n * resamples);
    for (let i = 0; i < indices.length; i++) indices[i] = randomInt(random, n);
    if (cache.size > 16) cache.clear();
    cache.set(key, indices);
  }
  return indices;
}

/**
 * Mean and percentile-bootstrap confidence interval of `values`. `null`, `undefined` and `NaN`
 * mark undefined values: they are left out, and `n` counts the defined ones. With no defined
 * value the result is all `NaN` with `n = 0`.
 *
 * @example
 * ```ts
 * import { bootstrapCi } from "./bootstrap.ts";
 * import assert from "node:assert/strict";
 * const ci = bootstrapCi([1, 0, 1, 1, null], { resamples: 2000 });
 * assert.equal(ci.n, 4);
 * assert.equal(ci.mean, 0.75);
 * assert.ok(ci.lo <= ci.mean && ci.mean <= ci.hi);
 * ```
 */
export function bootstrapCi(
  values: ArrayLike<number | null | undefined>,
  options: BootstrapOptions = {},
): Interval {
  const { resamples, level } = { ...BOOTSTRAP_DEFAULTS, ...options };
  if (!(level > 0 && level < 1)) throw new RangeError(`Level must be in (0, 1), got ${level}`);
  const defined: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && !Number.isNaN(v)) defined.push(v);
  }
  const n = defined.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n: 0 };
  const x = Float64Array.from(defined);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = sum / n;
  const indices = bootstrapIndices(n, options);
  const means = new Float64Array(resamples);
  for (let b = 0, k = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++, k++) s += x[indices[k]];
    means[b] = s / n;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return { mean, lo: quantileSorted(means, alpha), hi: quantileSorted(means, 1 - alpha), n };
}
