/**
 * Paired bootstrap confidence interval of a difference of means.
 *
 * Definition: with `d_i = a_i - b_i` over the `n` questions where both runs have a defined value,
 * the difference of means is `mean(d)`; the interval is the percentile interval of `mean(d*)` over
 * `resamples` bootstrap resamples of the questions (the same questions drawn for both runs, which
 * is what makes it paired). It uses {@linkcode bootstrapCi}'s seeded resampling stream, generated
 * while it is used (memory `O(resamples)` whatever `n`).
 *
 * Caveats, written where the statistic is computed: questions are treated as an i.i.d. sample;
 * below `minN` pairs (default 10) there is no interval (`reason` says why), and from 10 to 29
 * the percentile interval under-covers (about 90% at n = 10; callers flag `n < 30`); a
 * zero-width interval results when every question has the same difference (e.g. both runs score
 * 1.0 everywhere). Variation across training seeds or decoding randomness is not included.
 * @module
 */
import { bootstrapCi, type BootstrapOptions, type Interval } from "./bootstrap.ts";
import { type MaybeNumber, pairedDifferences } from "./paired_differences.ts";

/** Options for {@linkcode pairedBootstrapCi}: resamples (default `10_000`), seed (`42`), level (`0.95`), minN (`10`). */
export type PairedBootstrapOptions = BootstrapOptions;

/**
 * Mean difference `a - b` and its paired percentile-bootstrap interval. Pairs where either side
 * is undefined are dropped; `n` counts the pairs used. With no pair, all fields are `NaN` and
 * `n = 0`; with fewer than `minN` pairs, `lo` and `hi` are `NaN` and `reason` says why.
 *
 * @param a First run's per-question values (an array or a `Float64Array`).
 * @param b Second run's values for the same questions, at the same indices.
 * @param options Resamples, seed, level and minN.
 * @returns `{ mean, lo, hi, n }` of the difference, and `reason` when there is no interval.
 *
 * @example
 * ```ts
 * import { pairedBootstrapCi } from "./paired_bootstrap.ts";
 * import assert from "node:assert/strict";
 * const a = [0.9, 0.8, 0.7, 0.95, null], b = [0.8, 0.75, 0.6, 0.9, 0.1];
 * const ci = pairedBootstrapCi(a, b, { resamples: 2000, minN: 4 });
 * assert.equal(ci.n, 4);
 * assert.ok(Math.abs(ci.mean - 0.075) < 1e-12);
 * assert.ok(ci.lo >= 0.05 - 1e-12 && ci.hi <= 0.1 + 1e-12); // between the smallest and largest difference
 * assert.match(pairedBootstrapCi(a, b).reason!, /^n = 4 < 10: too few questions/);
 * ```
 */
export function pairedBootstrapCi(
  a: ArrayLike<MaybeNumber>,
  b: ArrayLike<MaybeNumber>,
  options: PairedBootstrapOptions = {},
): Interval {
  return bootstrapCi(pairedDifferences(a, b), options);
}
