/**
 * The layout of an expert-evaluation sheet: the study's Russian column headers (section 7 of the
 * methodology), the three 1–5 criteria and the yes/no hallucination judgement.
 * @module
 */

/** Column headers of a sheet, in order, exactly as the study wrote them. */
export const SHEET_COLUMNS = [
  "номер_вопроса",
  "вопрос",
  "контекст",
  "эталонный_ответ",
  "вариант",
  "ответ_модели",
  "корректность_1_5",
  "полнота_1_5",
  "релевантность_1_5",
  "галлюцинация_да_нет",
  "комментарий",
] as const;

/** One column header of a sheet. */
export type SheetColumn = typeof SHEET_COLUMNS[number];

/** The three criteria scored from 1 (worst) to 5 (best). */
export const SCORE_CRITERIA = ["correctness", "completeness", "relevance"] as const;

/** One 1–5 criterion. */
export type ScoreCriterion = typeof SCORE_CRITERIA[number];

/** The sheet column of each 1–5 criterion. */
export const SCORE_COLUMNS: Readonly<Record<ScoreCriterion, SheetColumn>> = {
  correctness: "корректность_1_5",
  completeness: "полнота_1_5",
  relevance: "релевантность_1_5",
};

/** The sheet column of the hallucination judgement. */
export const HALLUCINATION_COLUMN: SheetColumn = "галлюцинация_да_нет";

/** The two accepted hallucination values: `да` (the answer invents norms or citations) and `нет`. */
export const HALLUCINATION_VALUES = { yes: "да", no: "нет" } as const;

/** Columns a filled sheet must have to be read. */
export const REQUIRED_COLUMNS: readonly SheetColumn[] = [
  "номер_вопроса",
  "вариант",
  ...Object.values(SCORE_COLUMNS),
  HALLUCINATION_COLUMN,
];

/** One row of a blank sheet, keyed by column header; every value is the cell's text. */
export type SheetRow = Record<SheetColumn, string>;
