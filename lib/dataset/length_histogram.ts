/**
 * Length distributions on logarithmic bins, per language and field, for the length figure.
 * @module
 */
import type pl from "nodejs-polars";
import { TEXT_FIELDS } from "./load_dataset.ts";

/** One bin of {@linkcode lengthHistogram}. */
export interface LengthBin {
  field: string;
  /** Letter-share language. */
  language: string;
  /** Bin bounds in words, `lo <= words < hi`. */
  lo: number;
  hi: number;
  /** Geometric centre of the bin, for plotting on a log axis. */
  mid: number;
  n: number;
  /** n / (rows of this language with at least one word in this field). */
  share: number;
}

/** Options for {@linkcode lengthHistogram}. */
export interface LengthHistogramOptions {
  /** Bins per factor of 10. Default: `8`. */
  binsPerDecade?: number;
}

/** What {@linkcode lengthHistogram} returns. */
export interface LengthHistogram {
  bins: LengthBin[];
  /** Rows with 0 words per field and language (left out: log scale). */
  empty: { field: string; language: string; n: number }[];
}

/**
 * Histograms of word counts per field and letter-share language on logarithmic bins (edges
 * 10^(k / binsPerDecade), rounded up to whole words and deduplicated so every bin holds at least
 * one possible length). Rows with 0 words in a field cannot sit on a log axis and are counted in
 * `empty` instead; shares are of the non-empty rows, so each language's curve sums to 1.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { lengthHistogram } from "./length_histogram.ts";
 * import assert from "node:assert/strict";
 * const frame = pl.DataFrame({ language: ["ru", "ru", "kz"], words_instruction: [1, 10, 0],
 *   words_input: [0, 0, 0], words_output: [3, 3, 3] });
 * const h = lengthHistogram(frame);
 * const ru = h.bins.filter((b) => b.field === "instruction" && b.language === "ru" && b.n > 0);
 * assert.deepEqual(ru.map((b) => [b.lo, b.n, b.share]), [[1, 1, 0.5], [10, 1, 0.5]]);
 * assert.deepEqual(h.empty.find((e) => e.field === "instruction" && e.language === "kz")!.n, 1);
 * ```
 */
export function lengthHistogram(
  frame: pl.DataFrame,
  options: LengthHistogramOptions = {},
): LengthHistogram {
  const { binsPerDecade = 8 } = options;
  if (!(Number.isInteger(binsPerDecade) && binsPerDecade > 0)) {
    throw new RangeError(`binsPerDecade must be a positive integer, got ${binsPerDecade}`);
  }
  const languages = frame.getColumn("language").toArray() as string[];
  const present = [...new Set(languages)].sort();
  const bins: LengthBin[] = [];
  const empty: LengthHistogram["empty"] = [];
  for (const field of TEXT_FIELDS) {
    const words = frame.getColumn(`words_${field}`).toArray() as number[];
    const max = Math.max(1, ...words);
    const edges: number[] = [1];
    for (let k = 1; edges[edges.length - 1] <= max; k++) {
      const e = Math.ceil(10 ** (k / binsPerDecade));
      if (e > edges[edges.length - 1]) edges.push(e);
    }
    for (const language of present) {
      const counts = new Array(edges.length - 1).fill(0);
      let zero = 0, total = 0;
      for (let i = 0; i < words.length; i++) {
        if (languages[i] !== language) continue;
        const w = words[i];
        if (w === 0) {
          zero++;
          continue;
        }
        total++;
        let lo = 0, hi = edges.length - 1; // find bin b with edges[b] <= w < edges[b+1]
        while (hi - lo > 1) {
          const m = (lo + hi) >> 1;
          if (edges[m] <= w) lo = m;
          else hi = m;
        }
        counts[lo]++;
      }
      empty.push({ field, language, n: zero });
      for (let b = 0; b < counts.length; b++) {
        bins.push({
          field,
          language,
          lo: edges[b],
          hi: edges[b + 1],
          mid: Math.sqrt(edges[b] * edges[b + 1]),
          n: counts[b],
          share: total === 0 ? 0 : counts[b] / total,
        });
      }
    }
  }
  return { bins, empty };
}
