/**
 * Serialises sheet rows as CSV (UTF-8 with BOM) and as XLSX (exceljs): frozen header, wrapped
 * text, drop-down validation on the input columns, the instructions on a second worksheet.
 * Both are deterministic: the same rows give the same bytes.
 * @module
 */
import ExcelJS from "exceljs";
import { stringifyCsv } from "../io/csv.ts";
import { neutralizeCell } from "../escape/neutralize_cell.ts";
import {
  HALLUCINATION_COLUMN,
  HALLUCINATION_VALUES,
  SCORE_COLUMNS,
  SHEET_COLUMNS,
  type SheetColumn,
  type SheetRow,
} from "./sheet_columns.ts";

/**
 * The cells of a row in column order, each neutralised once more against formula injection
 * (idempotent: the rows from `prepareHumanEval()` are neutralised already; this guards
 * every cell, whoever built the rows).
 */
function cells(row: SheetRow): string[] {
  return SHEET_COLUMNS.map((c) => neutralizeCell(row[c]));
}

/** The sheet as CSV text, UTF-8 BOM first so that Excel shows Cyrillic. */
export function sheetCsv(rows: readonly SheetRow[]): string {
  return stringifyCsv([SHEET_COLUMNS, ...rows.map(cells)], { bom: true });
}

/** Column widths (characters) of the XLSX sheet. */
const WIDTHS: Record<SheetColumn, number> = {
  "номер_вопроса": 10,
  "вопрос": 30,
  "контекст": 45,
  "эталонный_ответ": 60,
  "вариант": 9,
  "ответ_модели": 80,
  "корректность_1_5": 14,
  "полнота_1_5": 12,
  "релевантность_1_5": 15,
  "галлюцинация_да_нет": 14,
  "комментарий": 40,
};

/** A fixed timestamp for the workbook's metadata, so the file does not change between runs. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** The sheet as an XLSX workbook (bytes). */
export async function sheetXlsx(
  rows: readonly SheetRow[],
  instructions: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "workbench";
  wb.lastModifiedBy = "workbench";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet("Оценка", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = SHEET_COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] }));
  for (const r of rows) {
    // Every cell is written as a string value: exceljs writes formulas only from
    // `{ formula }` objects, and the text has been neutralised besides.
    ws.addRow(cells(r));
  }
  ws.getRow(1).font = { bold: true };
  ws.eachRow((row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  });
  const last = rows.length + 1;
  // exceljs supports range validations at run time but leaves them out of its type declarations.
  const validations =
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
  if (rows.length > 0) {
    const col = (name: SheetColumn) => letter(SHEET_COLUMNS.indexOf(name));
    for (const name of Object.values(SCORE_COLUMNS)) {
      validations.add(`${col(name)}2:${col(name)}${last}`, {
        type: "list",
        allowBlank: true,
        formulae: ['"1,2,3,4,5"'],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Недопустимое значение",
        error: "Введите целое число от 1 до 5",
      });
    }
    validations.add(`${col(HALLUCINATION_COLUMN)}2:${col(HALLUCINATION_COLUMN)}${last}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${HALLUCINATION_VALUES.yes},${HALLUCINATION_VALUES.no}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Недопустимое значение",
      error: `Введите «${HALLUCINATION_VALUES.yes}» или «${HALLUCINATION_VALUES.no}»`,
    });
  }
  const help = wb.addWorksheet("Инструкция");
  help.getColumn(1).width = 110;
  for (const line of instructions.split("\n")) help.addRow([line]);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
