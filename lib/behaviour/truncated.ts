/**
 * Truncated answers: generation stopped at the token limit, not at the model's end of answer.
 * Schema-v1 samples record it (`hit_max_new_tokens`); for the study's legacy files, which do not,
 * it is estimated. Version `1.0.0`.
 * @module
 */
import { quantileSorted } from "../stats/quantile.ts";

/** Version of the {@linkcode isTruncated} definition (recorded value and estimate). */
export const TRUNCATED_VERSION = "1.0.0";

/** Where a truncation flag comes from. */
export type TruncationBasis =
  /** The producer recorded `hit_max_new_tokens`. */
  | "recorded"
  /** Estimated from the answer's ending and its generation time against the run's longest. */
  | "estimated-latency"
  /** Estimated from the answer's ending and its length (no generation time). */
  | "estimated-length";

/** A run's calibration for estimating truncation: see {@linkcode truncationContext}. */
export interface TruncationContext {
  /**
   * Generation time (seconds) of an answer that ran to the token limit: a high quantile of the
   * run's latencies; `null` when too few latencies are known.
   */
  latencyLimit: number | null;
}

/** Options for {@linkcode truncationContext}. */
export interface TruncationContextOptions {
  /** Quantile of the run's latencies taken as the time of a full-length answer. Default: `0.99`. */
  quantile?: number;
  /** Fewest known latencies to calibrate on. Default: `20`. */
  minSamples?: number;
}

/** Options for {@linkcode isTruncated}. */
export interface TruncatedOptions {
  /** The run's calibration. Default: `{ latencyLimit: null }` (length-based estimate). */
  context?: TruncationContext;
  /** Share of `latencyLimit` an answer's time must reach to count as full length. Default: `0.85`. */
  nearLimit?: number;
  /** Without a latency, fewest characters of an answer that counts as full length. Default: `1000`. */
  minChars?: number;
}

/** Defaults of {@linkcode TruncationContextOptions} and {@linkcode TruncatedOptions}. */
export const TRUNCATED_DEFAULTS = {
  quantile: 0.99,
  minSamples: 20,
  nearLimit: 0.85,
  minChars: 1000,
} as const;

/** The sample fields {@linkcode isTruncated} reads. */
export interface TruncationSample {
  prediction: string;
  latency_s?: number | null;
  hit_max_new_tokens?: boolean | null;
}

/** Characters an answer that ended on its own usually ends with (after trailing spaces). */
const SENTENCE_END = /[.!?…:;)\]}»"”'`*|>]\s*$/u;

/**
 * Whether a text stops mid-sentence: its last character (after trailing whitespace) is not
 * sentence-final punctuation, a closing bracket or quote, or markdown emphasis.
 *
 * @example
 * ```ts
 * import { endsMidSentence } from "./truncated.ts";
 * import assert from "node:assert/strict";
 * assert.equal(endsMidSentence("Срок составляет три года."), false);
 * assert.equal(endsMidSentence("Мерзімі үш жыл (65-бап)"), false);
 * assert.equal(endsMidSentence("7. **Д"), true);
 * assert.equal(endsMidSentence("Let me start by recalling the relevant laws or"), true);
 * ```
 */
export function endsMidSentence(text: string): boolean {
  return text.trim() !== "" && !SENTENCE_END.test(text);
}

/**
 * Calibrates the truncation estimate on a run: `latencyLimit` is the `quantile` (0.99) of the
 * run's known per-sample latencies, or `null` when fewer than `minSamples` (20) are known.
 * Answers that run to the token limit all take about the longest time (generation time grows with
 * the tokens written); in the study's base 4B run every answer takes 20-25 s.
 *
 * @param samples The run's samples.
 * @example
 * ```ts
 * import { truncationContext } from "./truncated.ts";
 * import assert from "node:assert/strict";
 * // Latencies 1, 2, ..., 101 s: the 0.99 quantile (type 7) is at position 100 * 0.99 = 99, i.e. 100 s.
 * const samples = Array.from({ length: 101 }, (_, i) => ({ prediction: "", latency_s: i + 1 }));
 * assert.equal(truncationContext(samples).latencyLimit, 100);
 * assert.equal(truncationContext(samples.slice(0, 5)).latencyLimit, null);
 * ```
 */
export function truncationContext(
  samples: readonly TruncationSample[],
  options: TruncationContextOptions = {},
): TruncationContext {
  const { quantile, minSamples } = { ...TRUNCATED_DEFAULTS, ...options };
  if (!(quantile > 0 && quantile <= 1)) {
    throw new RangeError(`truncationContext(): quantile must be in (0, 1], got ${quantile}`);
  }
  const latencies = samples.map((s) => s.latency_s)
    .filter((x): x is number => typeof x === "number" && Number.isFinite(x) && x > 0)
    .sort((a, b) => a - b);
  if (latencies.length < minSamples) return { latencyLimit: null };
  return { latencyLimit: quantileSorted(latencies, quantile) };
}

/** The truncation flag of a sample and where it comes from. */
export interface Truncation {
  truncated: boolean;
  basis: TruncationBasis;
}

/**
 * Whether a sample's answer hit the token limit.
 *
 * Definition (version 1.0.0): the recorded `hit_max_new_tokens` when the sample has it (schema-v1
 * files from python/benchmark.py). Otherwise an estimate (the study's legacy files record
 * neither token counts nor the flag): the answer ends mid-sentence ({@linkcode endsMidSentence})
 * and either its generation time is at least `nearLimit` (0.85) of the run's `latencyLimit`
 * ({@linkcode truncationContext}), or, when either time is unknown, it is at least `minChars`
 * (1000) characters long. An estimate misses answers that were cut right after a full stop (about
 * 5% of the study's 4B base answers whose time shows they ran to the limit) and cannot tell a cut
 * from an answer that the model ended without punctuation.
 *
 * @param sample The sample (answer, latency, recorded flag).
 * @param options The run's calibration and thresholds; see {@linkcode TruncatedOptions}.
 * @example
 * ```ts
 * import { isTruncated } from "./truncated.ts";
 * import assert from "node:assert/strict";
 * const context = { latencyLimit: 22 };
 * assert.deepEqual(isTruncated({ prediction: "...", hit_max_new_tokens: true }), { truncated: true, basis: "recorded" });
 * assert.deepEqual(isTruncated({ prediction: "Срок — три года, но если", latency_s: 21 }, { context }), { truncated: true, basis: "estimated-latency" });
 * assert.deepEqual(isTruncated({ prediction: "Срок — три года, но если", latency_s: 2 }, { context }), { truncated: false, basis: "estimated-latency" });
 * assert.deepEqual(isTruncated({ prediction: "Мерзімі — үш жыл.", latency_s: 21 }, { context }), { truncated: false, basis: "estimated-latency" });
 * ```
 */
export function isTruncated(sample: TruncationSample, options: TruncatedOptions = {}): Truncation {
  const { nearLimit, minChars } = { ...TRUNCATED_DEFAULTS, ...options };
  const context = options.context ?? { latencyLimit: null };
  if (typeof sample.hit_max_new_tokens === "boolean") {
    return { truncated: sample.hit_max_new_tokens, basis: "recorded" };
  }
  const cut = endsMidSentence(sample.prediction);
  const latency = sample.latency_s;
  if (context.latencyLimit !== null && typeof latency === "number" && Number.isFinite(latency)) {
    return {
      truncated: cut && latency >= nearLimit * context.latencyLimit,
      basis: "estimated-latency",
    };
  }
  return { truncated: cut && sample.prediction.length >= minChars, basis: "estimated-length" };
}
