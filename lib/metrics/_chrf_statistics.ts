/**
 * Private engine of chrF: per-sentence n-gram statistics and the F-score computed from them, as
 * sacrebleu 2.x's `CHRF` does (`_compute_segment_statistics` with one reference, then
 * `_compute_f_score`). The sentence score ({@linkcode chrf}) is the F-score of one sentence's
 * statistics; the corpus score ({@linkcode chrfCorpus}) is the F-score of the statistics summed
 * over the corpus.
 * @module
 */
import { PY_SPACE, pySplit } from "../text/_python_str.ts";
import { internChars, internTokens } from "./_intern.ts";
import { ngramStats } from "./_ngram_stats.ts";

/** Options for {@linkcode chrf}; the defaults are sacrebleu's `CHRF()` defaults. */
export interface ChrfOptions {
  /** Character n-gram order. Default: `6`. */
  charOrder?: number;
  /** Word n-gram order; `2` gives chrF++. Default: `0`. */
  wordOrder?: number;
  /** Recall weight β of the F-score. Default: `2`. */
  beta?: number;
  /** Lower-case both sides first. Default: `false`. */
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams. Default: `false` (whitespace removed). */
  whitespace?: boolean;
  /** Average per-order F-scores with 1e-16 for empty orders (chrF++.py style) instead of the effective-order rule. Default: `false`. */
  epsSmoothing?: boolean;
}

/** The options with their defaults, checked. */
function resolve(options: ChrfOptions): Required<ChrfOptions> {
  const {
    charOrder = 6,
    wordOrder = 0,
    beta = 2,
    lowercase = false,
    whitespace = false,
    epsSmoothing = false,
  } = options;
  if (
    !Number.isInteger(charOrder) || charOrder < 0 || !Number.isInteger(wordOrder) ||
    wordOrder < 0 || charOrder + wordOrder === 0
  ) {
    throw new RangeError(
      `Cannot compute chrF: charOrder (${charOrder}) and wordOrder (${wordOrder}) must be non-negative integers, not both 0`,
    );
  }
  return { charOrder, wordOrder, beta, lowercase, whitespace, epsSmoothing };
}

const SPACE_RUNS = new RegExp(`[${PY_SPACE}]+`, "gu");

/** Punctuation that chrF++ splits off the start or end of a word (Python's `string.punctuation`). */
const PUNCTS = new Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

function splitPunctuation(sentence: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(sentence)) {
    const cps = Array.from(w);
    if (cps.length === 1) out.push(w);
    else if (PUNCTS.has(cps[cps.length - 1])) {
      out.push(cps.slice(0, -1).join(""), cps[cps.length - 1]);
    } else if (PUNCTS.has(cps[0])) out.push(cps[0], cps.slice(1).join(""));
    else out.push(w);
  }
  return out;
}

/**
 * The match statistics of one hypothesis against one reference: for each character order
 * 1..charOrder, then each word order 1..wordOrder, the triple [hypothesis n-grams, reference
 * n-grams, matches Σ min(count_hyp, count_ref)], flattened. A hypothesis count is reported as 0
 * when the reference has no n-gram of that order (sacrebleu: "don't count hits if no reference
 * exists for that n-gram").
 */
export function chrfStatistics(
  hypothesis: string,
  reference: string,
  options: ChrfOptions = {},
): number[] {
  const { charOrder, wordOrder, lowercase, whitespace } = resolve(options);
  const hyp = lowercase ? hypothesis.toLowerCase() : hypothesis;
  const ref = lowercase ? reference.toLowerCase() : reference;
  const stats: number[] = [];
  const push = (s: { a: number[]; b: number[]; match: number[] }, order: number) => {
    for (let i = 0; i < order; i++) stats.push(s.b[i] > 0 ? s.a[i] : 0, s.b[i], s.match[i]);
  };
  if (charOrder > 0) {
    // "".join(s.split()) in Python: drop every whitespace run
    const hc = whitespace ? hyp : hyp.replace(SPACE_RUNS, "");
    const rc = whitespace ? ref : ref.replace(SPACE_RUNS, "");
    const { a, b, alphabet } = internChars(hc, rc);
    push(ngramStats(a, b, alphabet, charOrder), charOrder);
  }
  if (wordOrder > 0) {
    const { a, b, alphabet } = internTokens(splitPunctuation(hyp), splitPunctuation(ref));
    push(ngramStats(a, b, alphabet, wordOrder), wordOrder);
  }
  return stats;
}

/**
 * The chrF score (0-100) of flattened [hyp, ref, match] statistics, one triple per order: the
 * effective-order average of precision and recall, or with `epsSmoothing` the average of the
 * per-order F-scores (sacrebleu's `_compute_f_score`).
 */
export function chrfFromStatistics(stats: ArrayLike<number>, options: ChrfOptions = {}): number {
  const { charOrder, wordOrder, beta, epsSmoothing } = resolve(options);
  const orders = charOrder + wordOrder;
  if (stats.length !== 3 * orders) {
    throw new RangeError(
      `chrF statistics must hold 3 numbers per order (${3 * orders}), got ${stats.length}`,
    );
  }
  const eps = 1e-16;
  const factor = beta ** 2;
  let score = 0;
  let avgPrec = 0;
  let avgRec = 0;
  let effective = 0;
  for (let i = 0; i < orders; i++) {
    const nHyp = stats[3 * i], nRef = stats[3 * i + 1], nMatch = stats[3 * i + 2];
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effective++;
    }
  }
  if (epsSmoothing) return (100 * score) / orders;
  if (effective === 0) return 0;
  avgPrec /= effective;
  avgRec /= effective;
  if (avgPrec + avgRec === 0) return 0;
  return 100 * (((1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec));
}
