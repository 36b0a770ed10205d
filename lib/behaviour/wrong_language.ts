/**
 * Answers in another language than their question. Version `1.0.0`.
 * @module
 */
import { type AnswerLanguage, answerLanguage, questionLanguage } from "./answer_language.ts";
import { isEmptyAnswer } from "./empty_answer.ts";

/** Version of the {@linkcode isWrongLanguage} definition. */
export const WRONG_LANGUAGE_VERSION = "1.0.0";

/**
 * Whether an answer's language differs from its question's.
 *
 * Definition (version 1.0.0), on the labels of `answerLanguage()`: the answer is in the wrong
 * language when its label differs from the question's, except that a `mixed` question (Russian
 * and Kazakh together) accepts `ru`, `kz` and `mixed` answers, and a question labelled `other`
 * (nothing to judge by) accepts any answer. A `mixed` answer to a Russian or Kazakh question is
 * wrong: in the study's files that is an English reasoning trace followed by a Russian answer.
 *
 * @param answer The answer's label.
 * @param question The question's label.
 * @example
 * ```ts
 * import { isWrongLanguage } from "./wrong_language.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isWrongLanguage("en", "ru"), true);
 * assert.equal(isWrongLanguage("ru", "kz"), true);
 * assert.equal(isWrongLanguage("kz", "kz"), false);
 * assert.equal(isWrongLanguage("ru", "mixed"), false);
 * assert.equal(isWrongLanguage("mixed", "ru"), true);
 * ```
 */
export function isWrongLanguage(answer: AnswerLanguage, question: AnswerLanguage): boolean {
  if (answer === question || question === "other") return false;
  if (question === "mixed") return answer !== "ru" && answer !== "kz";
  return true;
}

/**
 * Whether a sample's answer is in another language than its question ({@linkcode isWrongLanguage}
 * of `answerLanguage(prediction)` and `questionLanguage(sample)`). An empty answer is never in the
 * wrong language: it is flagged empty instead.
 *
 * @example
 * ```ts
 * import { wrongLanguage } from "./wrong_language.ts";
 * import assert from "node:assert/strict";
 * const q = { instruction: "Ответь на вопрос.", input: "Что такое ИПН?" };
 * assert.equal(wrongLanguage({ ...q, prediction: "Okay, the user is asking about the individual income tax." }), true);
 * assert.equal(wrongLanguage({ ...q, prediction: "ИПН — индивидуальный подоходный налог." }), false);
 * assert.equal(wrongLanguage({ ...q, prediction: "###" }), false);
 * ```
 */
export function wrongLanguage(
  sample: { instruction: string; input?: string | null; prediction: string },
): boolean {
  return !isEmptyAnswer(sample.prediction) &&
    isWrongLanguage(answerLanguage(sample.prediction), questionLanguage(sample));
}
