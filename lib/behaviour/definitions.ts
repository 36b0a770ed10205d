/**
 * The written definitions of the answer-behaviour diagnostics, one entry per flag: name, version,
 * values and definition. Tables and the report take them from here.
 * @module
 */
import { ANSWER_LANGUAGE_VERSION } from "./answer_language.ts";
import { WRONG_LANGUAGE_VERSION } from "./wrong_language.ts";
import { REASONING_TRACE_VERSION } from "./reasoning_trace.ts";
import { TRUNCATED_VERSION } from "./truncated.ts";
import { EMPTY_VERSION } from "./empty_answer.ts";
import { REFUSAL_VERSION } from "./refusal.ts";
import { KEYWORD_COVERAGE_VERSION } from "./keyword_coverage.ts";

/** One diagnostic's definition. */
export interface BehaviourDefinition {
  /** Field name in `AnswerBehaviour` and column stem in the summary table. */
  name: string;
  version: string;
  /** Possible values: a list of labels, `boolean`, or a numeric range. */
  values: readonly string[] | "boolean" | readonly [number, number];
  /** Whether more is better for a run (`null`: neither, a label). */
  higherIsBetter: boolean | null;
  definition: string;
}

/** Every diagnostic, in table order. */
export const BEHAVIOUR_DEFINITIONS: Readonly<Record<string, BehaviourDefinition>> = Object.freeze({
  answer_language: {
    name: "answer_language",
    version: ANSWER_LANGUAGE_VERSION,
    values: ["ru", "kz", "en", "other", "mixed"],
    higherIsBetter: null,
    definition:
      "Letters counted by script. Cyrillic >= 80% of letters: kz when Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і) are >= 3% of the Cyrillic ones, ru when <= 0.5%; between, kz or ru when only that language's function words occur, else mixed. Latin >= 80%: en when >= 5% of its words are common English words, else other. Other scripts >= 80%, or no letter: other. Anything else: mixed.",
  },
  wrong_language: {
    name: "wrong_language",
    version: WRONG_LANGUAGE_VERSION,
    values: "boolean",
    higherIsBetter: false,
    definition:
      "The answer's language label differs from the question's (answer_language of instruction + input); a mixed question accepts ru, kz and mixed answers, a question labelled other accepts any; an empty answer is never in the wrong language.",
  },
  reasoning_trace: {
    name: "reasoning_trace",
    version: REASONING_TRACE_VERSION,
    values: "boolean",
    higherIsBetter: false,
    definition:
      "The answer contains a <think> or </think> tag, or a line starting within its first 300 characters opens with a reasoning monologue in English, Russian or Kazakh ('Okay, let's tackle...', 'Хорошо, мне нужно...', 'Жарайды, маған...').",
  },
  truncated: {
    name: "truncated",
    version: TRUNCATED_VERSION,
    values: "boolean",
    higherIsBetter: false,
    definition:
      "Generation stopped at the token limit: the recorded hit_max_new_tokens when present; otherwise an ESTIMATE: the answer ends mid-sentence and its generation time is >= 85% of the run's 99th-percentile time (or, without times, it is >= 1000 characters long).",
  },
  empty: {
    name: "empty",
    version: EMPTY_VERSION,
    values: "boolean",
    higherIsBetter: false,
    definition: "The answer has no letter and no digit (blank, or punctuation and markup only).",
  },
  refusal: {
    name: "refusal",
    version: REFUSAL_VERSION,
    values: "boolean",
    higherIsBetter: null,
    definition:
      "After removing a reasoning trace, a first-person refusal or no-information phrase in Russian, Kazakh or English starts within the first 300 characters ('не могу дать', 'Нет информации о', 'жауап бере алмаймын', 'ақпарат жоқ.', 'I cannot provide', 'I don't know').",
  },
  substantive: {
    name: "substantive",
    version: "1.0.0",
    values: "boolean",
    higherIsBetter: true,
    definition:
      "None of wrong_language, reasoning_trace, truncated, empty, refusal: a complete answer in the question's language.",
  },
  keyword_coverage: {
    name: "keyword_coverage",
    version: KEYWORD_COVERAGE_VERSION,
    values: [0, 1],
    higherIsBetter: true,
    definition:
      "Share of the question's distinct expected keywords that occur in the answer at a word start (case-insensitive, NFC, ё = е; a keyword may end inside a word, so stems match inflections, but a number must end where the keyword does); undefined when the question has no keywords.",
  },
});
