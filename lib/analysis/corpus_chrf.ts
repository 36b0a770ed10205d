/**
 * Corpus chrF of a run with a bootstrap interval: the questions are resampled and the corpus
 * score recomputed from the summed n-gram statistics of each resample (the same seeded resamples
 * as every other interval of the run).
 * @module
 */
import { chrfCorpusStatistics, chrfFromStatistics } from "../metrics/chrf_corpus.ts";
import {
  BOOTSTRAP_DEFAULTS,
  bootstrapIndexBlock,
  type BootstrapOptions,
} from "../stats/bootstrap.ts";
import { quantileSorted } from "../stats/quantile.ts";

/** Resamples computed per block (memory: block × n indices). */
const BLOCK = 256;

/**
 * `chrfCorpus(predictions, references)` with a percentile-bootstrap interval over questions.
 *
 * @example
 * ```ts
 * import { corpusChrfEstimate } from "./corpus_chrf.ts";
 * import { chrfCorpus } from "../metrics/chrf_corpus.ts";
 * import assert from "node:assert/strict";
 * const hyp = ["Салық кодексінің 12-бабы", "статья 5 НК", "Иә"], ref = ["Салық кодексінің 12-бабы", "статья 7 НК", "Жоқ"];
 * const e = corpusChrfEstimate(hyp, ref, { resamples: 500 });
 * assert.equal(e.mean, chrfCorpus(hyp, ref));
 * assert.ok(e.lo <= e.mean && e.mean <= e.hi);
 * ```
 */
export function corpusChrfEstimate(
  predictions: readonly string[],
  references: readonly string[],
  options: BootstrapOptions = {},
): { mean: number; lo: number; hi: number; n: number } {
  return corpusChrfFromStatistics(chrfCorpusStatistics(predictions, references), options);
}

/**
 * {@linkcode corpusChrfEstimate} from each answer's chrF statistics (`chrfCorpusStatistics`, or
 * the scored frame's `chrf_stats` column), without recomputing them.
 */
export function corpusChrfFromStatistics(
  stats: readonly ArrayLike<number>[],
  options: BootstrapOptions = {},
): { mean: number; lo: number; hi: number; n: number } {
  const { resamples, level, seed } = { ...BOOTSTRAP_DEFAULTS, ...options };
  const n = stats.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n: 0 };
  const width = stats[0].length;
  const flat = new Float64Array(n * width);
  stats.forEach((s, i) => flat.set(Array.from(s), i * width));
  const total = new Array<number>(width).fill(0);
  for (let i = 0; i < n; i++) for (let k = 0; k < width; k++) total[k] += flat[i * width + k];
  const mean = chrfFromStatistics(total);
  const scores = new Float64Array(resamples);
  const sum = new Float64Array(width);
  for (let first = 0; first < resamples; first += BLOCK) {
    const count = Math.min(BLOCK, resamples - first);
    const idx = bootstrapIndexBlock(n, first, count, { seed });
    for (let b = 0; b < count; b++) {
      sum.fill(0);
      for (let j = b * n, end = j + n; j < end; j++) {
        const at = idx[j] * width;
        for (let k = 0; k < width; k++) sum[k] += flat[at + k];
      }
      scores[first + b] = chrfFromStatistics(sum);
    }
  }
  scores.sort();
  const alpha = (1 - level) / 2;
  return { mean, lo: quantileSorted(scores, alpha), hi: quantileSorted(scores, 1 - alpha), n };
}
