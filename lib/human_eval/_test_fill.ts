/**
 * Test helper: fills a prepared sheet the way a rater would, from seeded random judgements,
 * as CSV (edit the cells, save UTF-8 with BOM) or as XLSX (set cell values in the workbook,
 * numbers as numbers). Returns the judgements it wrote, so tests can compare what is read back.
 * @module
 */
import ExcelJS from "exceljs";
import { parseCsvRows, stringifyCsv } from "../io/csv.ts";
import { type Random, randomInt } from "../stats/rng.ts";
import { HALLUCINATION_COLUMN, SCORE_COLUMNS, SHEET_COLUMNS } from "./sheet_columns.ts";

/** One written judgement; `null` where the cell was left blank. */
export interface Filled {
  question: string;
  label: string;
  correctness: number | null;
  completeness: number | null;
  relevance: number | null;
  hallucination: number | null;
}

function draw(random: Random, blankShare: number): Omit<Filled, "question" | "label"> {
  const score = () => (random() < blankShare ? null : 1 + randomInt(random, 5));
  return {
    correctness: score(),
    completeness: score(),
    relevance: score(),
    hallucination: random() < blankShare ? null : random() < 0.2 ? 1 : 0,
  };
}

const col = (name: string) => SHEET_COLUMNS.indexOf(name as typeof SHEET_COLUMNS[number]);

/** Fills a CSV sheet in place of `from`, writing `to`. */
export async function fillCsv(
  from: string,
  to: string,
  random: Random,
  blankShare = 0,
): Promise<Filled[]> {
  const rows = parseCsvRows(await Deno.readTextFile(from));
  const filled: Filled[] = [];
  for (const r of rows.slice(1)) {
    const j = draw(random, blankShare);
    r[col(SCORE_COLUMNS.correctness)] = j.correctness === null ? "" : String(j.correctness);
    r[col(SCORE_COLUMNS.completeness)] = j.completeness === null ? "" : String(j.completeness);
    r[col(SCORE_COLUMNS.relevance)] = j.relevance === null ? "" : String(j.relevance);
    r[col(HALLUCINATION_COLUMN)] = j.hallucination === null ? "" : j.hallucination ? "да" : "нет";
    filled.push({ question: r[col("номер_вопроса")], label: r[col("вариант")], ...j });
  }
  await Deno.writeTextFile(to, stringifyCsv(rows, { bom: true }));
  return filled;
}

/** Fills an XLSX sheet, writing `to`; scores are stored as numbers, as Excel does. */
export async function fillXlsx(
  from: string,
  to: string,
  random: Random,
  blankShare = 0,
): Promise<Filled[]> {
  const wb = new ExcelJS.Workbook();
  // deno-lint-ignore no-explicit-any
  await wb.xlsx.load((await Deno.readFile(from)) as any);
  const ws = wb.getWorksheet("Оценка")!;
  const filled: Filled[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const j = draw(random, blankShare);
    const set = (name: string, v: string | number | null) => {
      row.getCell(col(name) + 1).value = v;
    };
    set(SCORE_COLUMNS.correctness, j.correctness);
    set(SCORE_COLUMNS.completeness, j.completeness);
    set(SCORE_COLUMNS.relevance, j.relevance);
    set(HALLUCINATION_COLUMN, j.hallucination === null ? null : j.hallucination ? "да" : "нет");
    filled.push({
      question: String(row.getCell(col("номер_вопроса") + 1).value),
      label: String(row.getCell(col("вариант") + 1).value),
      ...j,
    });
  }
  await Deno.writeFile(to, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return filled;
}
