/**
 * The language and legal domain of a question by the study's rules, for result files that do
 * not carry them: the same rules the study used for its stored labels (and the dataset section's
 * "study rule" columns), declared once in `question_labels.json`, which `python/benchmark.py`
 * reads as well.
 *
 * Both rules run on the question's text as the study joined it, instruction, input and reference
 * (see {@linkcode legacyClassificationText}): the reference is part of the question's record in
 * the dataset, not a run's answer, so every run of the same question gets the same labels, and
 * on the study's 4,000 stored samples the rules give exactly the stored labels
 * (`reproduce_labels_test.ts`). Language is the study's rule (any Kazakh-specific letter: `kz`;
 * else `ru`), not the letter-share rule, for the same reason: a run that lacks labels is then
 * labelled as a run that has them. The domain is the first of the study's ten domains whose
 * keyword occurs (`other` when none does).
 * @module
 */
import { primaryDomain } from "./domain.ts";
import { legacyClassificationText, legacyLanguage } from "./language.ts";

/** The labels of one question. */
export interface QuestionLabels {
  /** `kz` or `ru` (the study's rule). */
  language: "kz" | "ru";
  /** One of the study's ten domains, or `other`. */
  domain: string;
}

/**
 * The study's language and primary domain of a question.
 *
 * @param question Its instruction, input and reference.
 * @returns The language and the domain.
 * @example
 * ```ts
 * import { questionLabels } from "./question_labels.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(
 *   questionLabels({ instruction: "Какой срок трудового договора?", input: "", reference: "Бессрочный." }),
 *   { language: "ru", domain: "civil" },
 * );
 * assert.deepEqual(
 *   questionLabels({ instruction: "Ответь на вопрос.", input: "Салық кодексі не дейді?", reference: "..." }),
 *   { language: "kz", domain: "tax" },
 * );
 * ```
 */
export function questionLabels(
  question: { instruction: string; input?: string | null; reference: string },
): QuestionLabels {
  const text = legacyClassificationText(question);
  return { language: legacyLanguage(text), domain: primaryDomain(text) };
}
