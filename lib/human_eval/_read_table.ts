/**
 * Reads the first table of a filled sheet, CSV or XLSX, as header and rows of cell text, with
 * each row's number as a spreadsheet shows it (header = row 1).
 * @module
 */
import ExcelJS from "exceljs";
import { extname } from "node:path";
import { parseCsvRows } from "../io/csv.ts";
import { sha256Hex } from "../io/sha256.ts";

/** A table read from a sheet file. */
export interface RawTable {
  format: "csv" | "xlsx";
  sha256: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** The text of an exceljs cell value; formulas give their cached result. */
function cellText(value: ExcelJS.CellValue, where: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? "" : cellText(result as ExcelJS.CellValue, where);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  throw new TypeError(`Cannot read ${where}: unsupported cell value ${JSON.stringify(value)}`);
}

/**
 * Reads `path` (`.csv` or `.xlsx`). In an XLSX workbook the worksheet named `Оценка` is read,
 * or the first worksheet when none has that name. Fully empty XLSX rows are skipped (they hold
 * nothing); every other row is returned.
 *
 * @throws {SyntaxError} when the file cannot be parsed.
 * @throws {TypeError} when the extension is neither `.csv` nor `.xlsx`.
 */
export async function readTable(path: string): Promise<RawTable> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    throw new Error(`Cannot read expert-evaluation sheet "${path}": ${(error as Error).message}`);
  }
  const sha256 = await sha256Hex(bytes);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new SyntaxError(
        `Cannot read expert-evaluation sheet "${path}": it is not UTF-8 (save it as "CSV UTF-8" or as XLSX)`,
      );
    }
    const all = parseCsvRows(text, { file: path });
    if (all.length === 0) {
      throw new SyntaxError(`Cannot read expert-evaluation sheet "${path}": the file is empty`);
    }
    return {
      format: "csv",
      sha256,
      header: all[0].map((h) => h.replace(/^\uFEFF/, "").trim()),
      rows: all.slice(1).map((cells, i) => ({ row: i + 2, cells })),
    };
  }
  if (ext === ".xlsx") {
    const wb = new ExcelJS.Workbook();
    try {
      // deno-lint-ignore no-explicit-any
      await wb.xlsx.load(bytes as any);
    } catch (error) {
      throw new SyntaxError(
        `Cannot read expert-evaluation sheet "${path}": not a readable XLSX file (${
          (error as Error).message
        })`,
      );
    }
    const ws = wb.getWorksheet("Оценка") ?? wb.worksheets[0];
    if (!ws) {
      throw new SyntaxError(
        `Cannot read expert-evaluation sheet "${path}": the workbook has no worksheet`,
      );
    }
    const width = ws.columnCount;
    const lines: { row: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        cells.push(cellText(row.getCell(c).value, `"${path}" row ${number}, column ${c}`));
      }
      if (cells.some((x) => x !== "")) lines.push({ row: number, cells });
    });
    if (lines.length === 0 || lines[0].row !== 1) {
      throw new SyntaxError(
        `Cannot read expert-evaluation sheet "${path}": row 1 of worksheet "${ws.name}" must hold the column headers`,
      );
    }
    const header = lines[0].cells.map((h) => h.trim());
    while (header.length > 0 && header[header.length - 1] === "") header.pop();
    return { format: "xlsx", sha256, header, rows: lines.slice(1) };
  }
  throw new TypeError(
    `Cannot read expert-evaluation sheet "${path}": expected a .csv or .xlsx file`,
  );
}
