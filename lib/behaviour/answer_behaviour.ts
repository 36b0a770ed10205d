/**
 * Every answer-behaviour flag of one sample, from its saved answer (no model).
 * @module
 */
import { type AnswerLanguage, answerLanguage, questionLanguage } from "./answer_language.ts";
import { isWrongLanguage } from "./wrong_language.ts";
import { findReasoningTrace, type TraceKind } from "./reasoning_trace.ts";
import {
  isTruncated,
  type TruncatedOptions,
  type TruncationBasis,
  type TruncationContext,
} from "./truncated.ts";
import { isEmptyAnswer } from "./empty_answer.ts";
import { isRefusal } from "./refusal.ts";
import { keywordCoverage } from "./keyword_coverage.ts";

/** The sample fields the diagnostics read (a `Sample` of lib/results has them all). */
export interface BehaviourSample {
  instruction: string;
  input?: string | null;
  prediction: string;
  /** Generation time in seconds (for the truncation estimate). */
  latency_s?: number | null;
  /** Recorded by schema-v1 producers; when set, truncation is not estimated. */
  hit_max_new_tokens?: boolean | null;
  /** Expected keywords of the question (an optional sample field of the result schema). */
  keywords?: readonly string[] | null;
}

/** The flags of one answer. */
export interface AnswerBehaviour {
  answer_language: AnswerLanguage;
  question_language: AnswerLanguage;
  wrong_language: boolean;
  reasoning_trace: boolean;
  /** How the trace was recognised; `null` without one. */
  reasoning_trace_kind: TraceKind | null;
  truncated: boolean;
  truncated_basis: TruncationBasis;
  empty: boolean;
  refusal: boolean;
  /** None of wrong_language, reasoning_trace, truncated, empty, refusal. */
  substantive: boolean;
  /** Share of the question's keywords in the answer; `null` when it has none. */
  keyword_coverage: number | null;
}

/** Options for {@linkcode answerBehaviour}. */
export interface AnswerBehaviourOptions {
  /**
   * The run's truncation calibration (`truncationContext(run.samples)`). Default: none, so a
   * sample without a recorded flag is judged by its ending and length.
   */
  truncation?: TruncationContext;
  /** Thresholds of the truncation estimate. Default: those of `isTruncated()`. */
  truncationOptions?: Omit<TruncatedOptions, "context">;
}

/**
 * Every behaviour flag of one sample. `substantive` is `true` when the answer is none of: in the
 * wrong language, a reasoning trace, truncated, empty, a refusal. See the definitions in
 * `lib/behaviour/README.md` and `BEHAVIOUR_DEFINITIONS`.
 *
 * @param sample The sample.
 * @param options The run's truncation calibration.
 * @example
 * ```ts
 * import { answerBehaviour } from "./answer_behaviour.ts";
 * import assert from "node:assert/strict";
 * const question = { instruction: "Ответь на вопрос по казахстанскому законодательству.", input: "Салық кодексінің 65-бабы нені реттейді?" };
 * const good = answerBehaviour({ ...question, prediction: "Салық кодексінің 65-бабы салық міндеттемесін реттейді.", keywords: ["65-бап", "салық"] });
 * assert.equal(good.substantive, true);
 * assert.equal(good.answer_language, "kz");
 * assert.equal(good.keyword_coverage, 0.5);
 * const trace = answerBehaviour({ ...question, prediction: "Okay, let's tackle this question about Article 65 of the Tax Code. First, I" });
 * assert.deepEqual([trace.reasoning_trace, trace.wrong_language, trace.truncated, trace.substantive], [true, true, false, false]);
 * ```
 */
export function answerBehaviour(
  sample: BehaviourSample,
  options: AnswerBehaviourOptions = {},
): AnswerBehaviour {
  const text = sample.prediction;
  const empty = isEmptyAnswer(text);
  const answer_language = answerLanguage(text);
  const question_language = questionLanguage(sample);
  const wrong_language = !empty && isWrongLanguage(answer_language, question_language);
  const trace = findReasoningTrace(text);
  const cut = isTruncated(sample, { ...options.truncationOptions, context: options.truncation });
  const refusal = !empty && isRefusal(text);
  const reasoning_trace = trace !== null;
  return {
    answer_language,
    question_language,
    wrong_language,
    reasoning_trace,
    reasoning_trace_kind: trace?.kind ?? null,
    truncated: cut.truncated,
    truncated_basis: cut.basis,
    empty,
    refusal,
    substantive: !(wrong_language || reasoning_trace || cut.truncated || empty || refusal),
    keyword_coverage: keywordCoverage(text, sample.keywords),
  };
}
