/**
 * The `summary` rubric: coverage, accuracy, coherence, informativeness and an overall score, each
 * a number from 0 to 1, asked in Russian and guided by the reference answer (the criteria of the
 * judge whose high-scoring answers feed a next fine-tuning round).
 * @module
 */
import type { Rubric } from "./rubric.ts";
import {
  JSON_ONLY,
  PAIR_ANSWERS,
  PAIRWISE_REPLY,
  PAIRWISE_RULES,
  QUESTION_BLOCK,
  REPAIR,
  SINGLE_ANSWER,
} from "./prompt_parts.ts";

const SCALES = `Критерии (каждый — число от 0 до 1, например 0.7):
- coverage — охват: какая доля существенных положений эталонного ответа есть в ответе модели
  (0 — ни одного, 1 — все);
- accuracy — точность: насколько верны утверждения ответа, нормы и ссылки на законы
  (0 — всё неверно или выдумано, 1 — всё верно);
- coherence — связность: ясен ли ответ, логичен ли, без повторов и обрывов
  (0 — бессвязен, 1 — полностью связен);
- informativeness — информативность: насколько ответ полезен человеку, задавшему вопрос
  (0 — бесполезен, 1 — исчерпывающе полезен);
- overall — общая оценка ответа как ответа юриста на этот вопрос (0 — негоден, 1 — образцовый).

Сравнивайте ответ с эталонным ответом и с действующим законодательством Республики Казахстан.
Ответ не на языке вопроса, рассуждения модели вместо ответа или оборванный ответ оценивайте
так, как его увидит читатель.`;

const SYSTEM =
  `Вы — эксперт по законодательству Республики Казахстан и строгий рецензент ответов систем
искусственного интеллекта на юридические вопросы. Длина ответа сама по себе не является
достоинством.`;

/** The `summary` rubric (version 1.0.0). */
export const SUMMARY_RUBRIC: Rubric = {
  name: "summary",
  version: "1.0.0",
  description:
    "Coverage, accuracy, coherence, informativeness and overall, each in 0..1, in Russian, reference-guided",
  criteria: ["coverage", "accuracy", "coherence", "informativeness", "overall"].map((name) => ({
    name,
    kind: "score" as const,
    min: 0,
    max: 1,
    integer: false,
    higherIsBetter: true,
  })),
  primary: "overall",
  templates: {
    single: {
      system: SYSTEM,
      user: `${QUESTION_BLOCK}

${SINGLE_ANSWER}

Оцените ответ модели.

${SCALES}

${JSON_ONLY}
{"coverage": <0-1>, "accuracy": <0-1>, "coherence": <0-1>, "informativeness": <0-1>, "overall": <0-1>, "reason": "<краткое обоснование>"}`,
    },
    pairwise: {
      system: SYSTEM,
      user: `${QUESTION_BLOCK}

${PAIR_ANSWERS}

Какой из двух ответов лучше? Учитывайте охват эталонного ответа, точность, связность и
информативность.

${SCALES}

${PAIRWISE_RULES}

${JSON_ONLY}
${PAIRWISE_REPLY}`,
    },
  },
  repair: REPAIR,
};
