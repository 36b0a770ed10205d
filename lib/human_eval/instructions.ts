/**
 * The instructions sent to the raters with a sheet, in Russian (the study's language for the
 * raters) with a Kazakh summary line. The scale descriptions follow the study's instructions
 * (section 7 of the methodology); the wording is the workbench's own.
 * @module
 */
import { HALLUCINATION_VALUES, SCORE_COLUMNS } from "./sheet_columns.ts";

/** Options for {@linkcode humanEvalInstructions}. */
export interface InstructionsOptions {
  /** Number of questions in the sheet. Required. */
  questions: number;
  /** Labels of the answers to each question, e.g. `["A", "B", "C", "D"]`. Required. */
  labels: readonly string[];
}

/**
 * The instructions text (plain UTF-8, `\n` line ends).
 *
 * @example
 * ```ts
 * import { humanEvalInstructions } from "./instructions.ts";
 * import assert from "node:assert/strict";
 * const text = humanEvalInstructions({ questions: 50, labels: ["A", "B", "C", "D"] });
 * assert.match(text, /50 вопросов/);
 * assert.match(text, /A, B, C, D/);
 * assert.match(text, /корректность_1_5/);
 * assert.match(text, /Қазақша/);
 * ```
 */
export function humanEvalInstructions(options: InstructionsOptions): string {
  const { questions, labels } = options;
  const { yes, no } = HALLUCINATION_VALUES;
  return `ИНСТРУКЦИЯ ДЛЯ ЭКСПЕРТНОЙ ОЦЕНКИ ОТВЕТОВ ЯЗЫКОВЫХ МОДЕЛЕЙ
=========================================================

В таблице ${questions} ${plural(questions)} по законодательству Республики Казахстан.
На каждый вопрос дано ${labels.length} ${labels.length >= 5 ? "ответов" : "ответа"} (${
    labels.join(", ")
  }), написанных разными системами.
Буквы назначены случайно и заново для каждого вопроса: ответ «A» у разных вопросов
может принадлежать разным системам. Какая система написала ответ, вам не сообщается.

Для каждой строки (один ответ) заполните четыре столбца:

1. Корректность (${SCORE_COLUMNS.correctness}), целое число от 1 до 5:
   1 — ответ неверен, нормы права изложены с грубыми ошибками
   2 — отдельные верные положения, но есть существенные ошибки
   3 — в целом верно, есть неточности
   4 — верно, неточности незначительны
   5 — полностью верно и точно

2. Полнота (${SCORE_COLUMNS.completeness}), от 1 до 5:
   1 — вопрос не раскрыт
   2 — поверхностно, упущены ключевые моменты
   3 — основное раскрыто, есть пробелы
   4 — достаточно полно
   5 — исчерпывающе, раскрыты все аспекты

3. Релевантность (${SCORE_COLUMNS.relevance}), от 1 до 5:
   1 — не по теме вопроса
   2 — частично по теме
   3 — по теме, но много лишнего
   4 — по теме
   5 — точно по теме, без лишнего

4. Галлюцинация (галлюцинация_да_нет): «${yes}» или «${no}»
   ${yes}  — в ответе есть выдуманные нормы, несуществующие статьи или ложные ссылки
   ${no} — ссылки и нормы верны, или ответ не содержит ссылок

5. Комментарий (комментарий) — по желанию.

Как заполнять:
- Сравнивайте ответ с эталонным ответом (столбец эталонный_ответ) и с действующим законодательством.
- Если ответ написан не на русском и не на казахском языке, ставьте 1 по всем трём шкалам.
- Пустая ячейка ответ_модели означает, что система не дала ответа.
- Текст, начинающийся с апострофа ('), защищён от выполнения как формула; апостроф не является частью ответа.
- Не меняйте порядок строк, не удаляйте строки и не изменяйте столбцы номер_вопроса, вариант и ответ_модели.
- Если не можете оценить ответ, оставьте ячейку пустой и объясните причину в комментарии.
- Сохраните файл в том же формате (XLSX или CSV в кодировке UTF-8) и верните его целиком.

Қазақша: әр жауапқа 1-ден 5-ке дейін үш баға (дұрыстығы, толықтығы, сәйкестігі) қойып,
«галлюцинация» бағанына «${yes}» немесе «${no}» деп жазыңыз; жолдардың ретін өзгертпеңіз.
`;
}

function plural(n: number): string {
  const m10 = n % 10, m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return "вопрос";
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return "вопроса";
  return "вопросов";
}
