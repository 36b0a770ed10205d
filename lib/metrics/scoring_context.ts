/**
 * What a metric's compute function receives: one prediction/reference pair and the analyses that
 * several metrics share (tokens, citation sets, ROUGE counts), each computed on first use and then
 * kept, so that a suite costs one tokenisation and one citation extraction per text however many
 * of its metrics read them.
 * @module
 */
import { legacyCitations } from "./legacy_citations.ts";
import { citationIds } from "./citations.ts";
import { rouge, rougeOfTokens, type RougeResult } from "./rouge.ts";
import { tokenize } from "./tokenize.ts";
import { chrfFromStatistics, chrfStatistics } from "./_chrf_statistics.ts";

/** Something computed from each side of the pair. */
export interface PairOf<T> {
  prediction: T;
  reference: T;
}

/**
 * One prediction/reference pair with its shared analyses, computed lazily and once.
 *
 * @example
 * ```ts
 * import { ScoringContext } from "./scoring_context.ts";
 * import assert from "node:assert/strict";
 * const s = new ScoringContext("Статья 12 ТК", "статья 12 ТК");
 * assert.deepEqual(s.tokens.prediction, ["статья", "12", "тк"]);
 * assert.equal(s.tokens, s.tokens); // computed once
 * assert.deepEqual([...s.citations.reference], ["art:ТК:12"]);
 * ```
 */
export class ScoringContext {
  #legacyCitations?: PairOf<Set<string>>;
  #legacyRouge?: RougeResult;
  #tokens?: PairOf<string[]>;
  #rouge?: RougeResult;
  #citations?: PairOf<Set<string>>;
  #chrfStatistics?: number[];

  /**
   * @throws {TypeError} when the prediction or the reference is not a string.
   */
  constructor(readonly prediction: string, readonly reference: string) {
    if (typeof prediction !== "string" || typeof reference !== "string") {
      throw new TypeError(
        `Cannot score sample: prediction and reference must be strings, got ${typeof prediction} and ${typeof reference}`,
      );
    }
  }

  /** Citation keys of the study's regex extractor (legacy suite). */
  get legacyCitations(): PairOf<Set<string>> {
    return this.#legacyCitations ??= {
      prediction: legacyCitations(this.prediction),
      reference: legacyCitations(this.reference),
    };
  }

  /** ROUGE-1/2/L with rouge-score's `[a-z0-9]` tokenizer (legacy suite). */
  get legacyRouge(): RougeResult {
    return this.#legacyRouge ??= rouge(this.prediction, this.reference, {
      tokenizer: "rouge-ascii",
    });
  }

  /** Unicode word tokens (lower-cased, NFC, runs of letters and digits of any script). */
  get tokens(): PairOf<string[]> {
    return this.#tokens ??= {
      prediction: tokenize(this.prediction, { tokenizer: "unicode" }),
      reference: tokenize(this.reference, { tokenizer: "unicode" }),
    };
  }

  /** ROUGE-1/2/L on {@linkcode ScoringContext.tokens}. */
  get rouge(): RougeResult {
    return this.#rouge ??= rougeOfTokens(this.tokens.prediction, this.tokens.reference);
  }

  /** Article- and law-level citation ids (Russian and Kazakh forms). */
  get citations(): PairOf<Set<string>> {
    return this.#citations ??= {
      prediction: citationIds(this.prediction),
      reference: citationIds(this.reference),
    };
  }

  /**
   * sacrebleu's chrF match statistics with character orders 1-6 and word orders 1-2 (chrF++'s),
   * flattened as `chrfStatistics()` gives them: the first 18 numbers are those of chrF (the
   * character n-grams do not depend on the word order), so chrF and chrF++ share one pass.
   */
  get chrfStatistics(): number[] {
    return this.#chrfStatistics ??= chrfStatistics(this.prediction, this.reference, {
      wordOrder: 2,
    });
  }

  /**
   * Sentence chrF with `wordOrder` word orders (0: chrF, 2: chrF++) from
   * {@linkcode ScoringContext.chrfStatistics}: equal to `chrf(prediction, reference, { wordOrder })`.
   */
  chrf(wordOrder: 0 | 2): number {
    const stats = this.chrfStatistics;
    return chrfFromStatistics(wordOrder === 0 ? stats.slice(0, 18) : stats, { wordOrder });
  }
}
