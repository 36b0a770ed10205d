/**
 * Corpus-level chrF exactly as sacrebleu 2.x's `CHRF().corpus_score(hypotheses, [references])`
 * computes it: the n-gram statistics of every sentence are summed over the corpus, then one
 * F-score is computed from the sums.
 *
 * Definition (`chrf_corpus`, version 1.0.0): for each hypothesis–reference pair, the per-order
 * [hypothesis n-grams, reference n-grams, matches] of sentence chrF (character orders 1–6,
 * whitespace removed, case-sensitive; a hypothesis count is 0 for an order where the reference
 * has no n-gram); these are summed over all pairs; then precision and recall per order, averaged
 * over the orders where both summed counts are positive, give F_β with β = 2, ×100. Range 0–100,
 * higher is better.
 *
 * Caveats: it is not the mean of sentence chrF (`chrf`), and the two differ by several points:
 * the corpus score weights each sentence by its number of n-grams (long answers count more), and
 * a sentence with no n-gram of an order (a short or empty answer) drops that order only from its
 * own sentence score, but only adds zeros to the corpus sums. Published chrF figures (WMT,
 * sacrebleu's command line) are corpus level. An empty hypothesis adds only reference n-grams
 * (it lowers recall); an empty reference adds nothing but its hypothesis n-grams are not counted
 * either (sacrebleu's rule). One reference per hypothesis. A corpus score has no per-question
 * values, so a paired comparison or an interval of it needs resampling of the sentence statistics
 * ({@linkcode chrfCorpusStatistics}), not the per-sample bootstrap.
 * @module
 */
import { chrfFromStatistics, type ChrfOptions, chrfStatistics } from "./_chrf_statistics.ts";

export { chrfFromStatistics };

function check(texts: readonly string[], name: string): void {
  if (!Array.isArray(texts)) {
    throw new TypeError(`chrfCorpus(): ${name} must be an array of strings`);
  }
  texts.forEach((t, i) => {
    if (typeof t !== "string") {
      throw new TypeError(
        `chrfCorpus(): ${name}[${i}] must be a string, got ${t === null ? "null" : typeof t}`,
      );
    }
  });
}

/**
 * Each sentence's flattened [hyp, ref, match] statistics (one triple per order), as sacrebleu's
 * `_extract_corpus_statistics` returns them; {@linkcode chrfFromStatistics} of their sum is
 * {@linkcode chrfCorpus}. For resampling sentences (bootstrap intervals, paired tests of the
 * corpus score).
 */
export function chrfCorpusStatistics(
  hypotheses: readonly string[],
  references: readonly string[],
  options: ChrfOptions = {},
): number[][] {
  check(hypotheses, "hypotheses");
  check(references, "references");
  if (hypotheses.length !== references.length) {
    throw new RangeError(
      `chrfCorpus(): ${hypotheses.length} hypotheses but ${references.length} references; they must pair up`,
    );
  }
  return hypotheses.map((h, i) => chrfStatistics(h, references[i], options));
}

/**
 * Corpus chrF (0–100) of `hypotheses` against `references` (same length, paired by index), with
 * sacrebleu's `CHRF()` options: `charOrder` 6, `wordOrder` 0 (2 gives chrF++), `beta` 2,
 * `lowercase` false, `whitespace` false, `epsSmoothing` false.
 *
 * @example
 * ```ts
 * import { chrfCorpus } from "./chrf_corpus.ts";
 * import { chrf } from "./chrf.ts";
 * import assert from "node:assert/strict";
 * // "аб" vs "абв": order 1 [2, 3, 2], order 2 [1, 2, 1], orders 3-6 [0, ref, 0].
 * // "" vs "аб": order 1 [0, 2, 0], order 2 [0, 1, 0].
 * // Summed: order 1 [2, 5, 2], order 2 [1, 3, 1], order 3 [0, 1, 0]: P = 1, R = (2/5 + 1/3)/2 = 11/30
 * // F2 = 5·(11/30) / (4 + 11/30) · 100 = 55/131 · 100, while the sentence mean is (700/11 + 0)/2.
 * assert.ok(Math.abs(chrfCorpus(["аб", ""], ["абв", "аб"]) - 5500 / 131) < 1e-12);
 * assert.ok(Math.abs((chrf("аб", "абв") + chrf("", "аб")) / 2 - 350 / 11) < 1e-12);
 * ```
 */
export function chrfCorpus(
  hypotheses: readonly string[],
  references: readonly string[],
  options: ChrfOptions = {},
): number {
  const stats = chrfCorpusStatistics(hypotheses, references, options);
  if (stats.length === 0) throw new RangeError("chrfCorpus(): no hypotheses");
  const sum = new Array<number>(stats[0].length).fill(0);
  for (const s of stats) for (let i = 0; i < s.length; i++) sum[i] += s[i];
  return chrfFromStatistics(sum, options);
}
