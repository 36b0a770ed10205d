/**
 * The parts of the judge prompts that every rubric shares (Russian, like the expert sheet): the
 * question block, the answers, the pairwise rules, the reply instruction and the repair message.
 * A rubric's templates are assembled from them, so a change here changes every rubric's template
 * hash ({@linkcode templateSha256}) and its judgements are asked afresh.
 * @module
 */

/** The question, its context and the reference answer. */
export const QUESTION_BLOCK = `Вопрос:
{{instruction}}

Контекст вопроса:
{{input}}

Эталонный ответ:
{{reference}}`;

/** One answer to grade (single mode). */
export const SINGLE_ANSWER = `Ответ модели:
{{answer}}`;

/** Two answers to compare (pairwise mode). */
export const PAIR_ANSWERS = `Ответ A:
{{answer_a}}

Ответ B:
{{answer_b}}`;

/** Pairwise: order and length must not decide. */
export const PAIRWISE_RULES =
  `Порядок, в котором показаны ответы, и их длина не должны влиять на решение. Если ответы
равноценны, выберите "tie".`;

/** The reply format instruction, before the JSON shape. */
export const JSON_ONLY = "Верните только JSON-объект, без текста до или после него:";

/** The pairwise reply's JSON shape. */
export const PAIRWISE_REPLY = `{"winner": "A" | "B" | "tie", "reason": "<краткое обоснование>"}`;

/** Sent after an invalid reply, with `{{error}}` the reason. */
export const REPAIR = `Ваш ответ не удалось принять: {{error}}.
Верните только JSON-объект в требуемом формате, без текста до или после него.`;
