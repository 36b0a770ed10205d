/**
 * The texts of an expert-evaluation sheet (question, context, reference and the labelled answer
 * of every row), as the raters saw them: what an LLM judge grades when it is compared with the
 * lawyers. Scores are read by `readHumanEval()`; this reads only the texts.
 * @module
 */
import { displayPath, fromRoot } from "../io/paths.ts";
import { readTable } from "./_read_table.ts";
import { restoreNeutralizedCell } from "../escape/neutralize_cell.ts";
import { SHEET_COLUMNS, type SheetColumn } from "./sheet_columns.ts";

/** One row of a sheet: a question and one labelled answer. */
export interface SheetAnswer {
  /** Question id (`номер_вопроса`). */
  question: string;
  /** Label (`вариант`). */
  label: string;
  /** `вопрос`. */
  instruction: string;
  /** `контекст`. */
  input: string;
  /** `эталонный_ответ`. */
  reference: string;
  /** `ответ_модели`. */
  answer: string;
  /** Spreadsheet row number (header = 1). */
  row: number;
}

/** What {@linkcode readSheetAnswers} read. */
export interface SheetAnswers {
  /** The file as given. */
  path: string;
  sha256: string;
  answers: SheetAnswer[];
}

/** The text columns: the sheet's columns before the ratings. */
const TEXT_COLUMNS: readonly SheetColumn[] = SHEET_COLUMNS.slice(0, 6);

/**
 * Reads the texts of a sheet (CSV or XLSX). Every text column must be there; every row needs a
 * question id and a one-letter label, and no (question, label) may appear twice.
 *
 * @throws {TypeError} naming the file and the missing column.
 * @throws {RangeError} naming the file, the row and the column of a bad or repeated row.
 * @example
 * ```ts
 * import { readSheetAnswers } from "./read_sheet_answers.ts";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(path, "номер_вопроса,вопрос,контекст,эталонный_ответ,вариант,ответ_модели\n7,Салық?,,Иә.,A,Иә солай.\n");
 * const { answers } = await readSheetAnswers(path);
 * assert.deepEqual(answers[0], { question: "7", label: "A", instruction: "Салық?", input: "", reference: "Иә.", answer: "Иә солай.", row: 2 });
 * ```
 */
export async function readSheetAnswers(path: string): Promise<SheetAnswers> {
  path = fromRoot(path); // relative paths: to the repository root
  const file = displayPath(path);
  const table = await readTable(path);
  const index = new Map(table.header.map((h, i) => [h, i]));
  const missing = TEXT_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot read the answers of sheet "${file}": row 1 lacks column${
        missing.length > 1 ? "s" : ""
      } ${missing.join(", ")}`,
    );
  }
  const seen = new Map<string, number>();
  const answers: SheetAnswer[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (c: SheetColumn) => restoreNeutralizedCell(cells[index.get(c)!] ?? "");
    const question = cell("номер_вопроса").trim();
    const label = cell("вариант").trim();
    if (question === "") {
      throw new RangeError(
        `Cannot read the answers of sheet "${file}": row ${row}, column номер_вопроса is empty`,
      );
    }
    if (!/^[A-Z]$/.test(label)) {
      throw new RangeError(
        `Cannot read the answers of sheet "${file}": row ${row}, column вариант: expected one capital letter A-Z, got ${
          JSON.stringify(label)
        }`,
      );
    }
    const key = `${question}\u0000${label}`;
    if (seen.has(key)) {
      throw new RangeError(
        `Cannot read the answers of sheet "${file}": row ${row}: question "${question}", label "${label}" already appears in row ${
          seen.get(key)
        }`,
      );
    }
    seen.set(key, row);
    answers.push({
      question,
      label,
      instruction: cell("вопрос"),
      input: cell("контекст"),
      reference: cell("эталонный_ответ"),
      answer: cell("ответ_модели"),
      row,
    });
  }
  if (answers.length === 0) {
    throw new RangeError(`Cannot read the answers of sheet "${file}": it has no rows`);
  }
  return { path, sha256: table.sha256, answers };
}
