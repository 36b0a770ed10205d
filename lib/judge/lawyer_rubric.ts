/**
 * The `lawyer` rubric: the expert sheet's criteria (correctness, completeness and relevance from
 * 1 to 5, hallucination yes/no), asked in Russian and guided by the reference answer. The scale
 * descriptions are those the raters were given (`lib/human_eval/instructions.ts`), so the judge
 * and the lawyers score against the same words.
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

const SCALES = `Критерии:
1. correctness — корректность, целое число от 1 до 5:
   1 — ответ неверен, нормы права изложены с грубыми ошибками
   2 — отдельные верные положения, но есть существенные ошибки
   3 — в целом верно, есть неточности
   4 — верно, неточности незначительны
   5 — полностью верно и точно
2. completeness — полнота, целое число от 1 до 5:
   1 — вопрос не раскрыт
   2 — поверхностно, упущены ключевые моменты
   3 — основное раскрыто, есть пробелы
   4 — достаточно полно
   5 — исчерпывающе, раскрыты все аспекты
3. relevance — релевантность, целое число от 1 до 5:
   1 — не по теме вопроса
   2 — частично по теме
   3 — по теме, но много лишнего
   4 — по теме
   5 — точно по теме, без лишнего
4. hallucination — галлюцинация, true или false:
   true — в ответе есть выдуманные нормы, несуществующие статьи или ложные ссылки
   false — ссылки и нормы верны, или ответ не содержит ссылок

Сравнивайте ответ с эталонным ответом и с действующим законодательством Республики Казахстан.
Если ответ написан не на русском и не на казахском языке, ставьте 1 по всем трём шкалам.
Если ответ содержит рассуждения модели вместо ответа или обрывается, оценивайте то, что получит читатель.`;

const SYSTEM =
  `Вы — опытный юрист, эксперт по законодательству Республики Казахстан. Вы проверяете ответы
систем искусственного интеллекта на юридические вопросы, сравнивая их с эталонным ответом.
Оценивайте строго и беспристрастно; длина ответа сама по себе не является достоинством.`;

/** The `lawyer` rubric (version 1.0.0). */
export const LAWYER_RUBRIC: Rubric = {
  name: "lawyer",
  version: "1.0.0",
  description:
    "The expert sheet's criteria: correctness, completeness and relevance (1–5) and hallucination (yes/no), in Russian, reference-guided",
  criteria: [
    { name: "correctness", kind: "score", min: 1, max: 5, integer: true, higherIsBetter: true },
    { name: "completeness", kind: "score", min: 1, max: 5, integer: true, higherIsBetter: true },
    { name: "relevance", kind: "score", min: 1, max: 5, integer: true, higherIsBetter: true },
    { name: "hallucination", kind: "boolean", higherIsBetter: false },
  ],
  primary: "correctness",
  templates: {
    single: {
      system: SYSTEM,
      user: `${QUESTION_BLOCK}

${SINGLE_ANSWER}

Оцените ответ модели.

${SCALES}

${JSON_ONLY}
{"correctness": <1-5>, "completeness": <1-5>, "relevance": <1-5>, "hallucination": <true|false>, "reason": "<краткое обоснование>"}`,
    },
    pairwise: {
      system: SYSTEM,
      user: `${QUESTION_BLOCK}

${PAIR_ANSWERS}

Какой из двух ответов лучше отвечает на вопрос с точки зрения юриста? Учитывайте
корректность, полноту, релевантность и отсутствие выдуманных норм и ссылок.

${SCALES}

${PAIRWISE_RULES}

${JSON_ONLY}
${PAIRWISE_REPLY}`,
    },
  },
  repair: REPAIR,
};
