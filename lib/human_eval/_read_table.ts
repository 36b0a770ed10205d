/**
 * Reads the first table of a filled sheet, CSV or XLSX, as header and rows of cell text, with
 * each row's number as a spreadsheet shows it (header = row 1).
 * @module
 */
import ExcelJS from "exceljs";
import { extname } from "node:path";
import { type CsvDelimiter, detectCsvDelimiter, parseCsvRows } from "../io/csv.ts";
import { sha256Hex } from "../io/sha256.ts";
import { checkXlsxBounds } from "./_xlsx_bounds.ts";
import { fromRoot } from "../io/paths.ts";

/** An XLSX formula cell that has no saved result (its value is unknown without recalculation). */
export interface UncachedFormula {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** 0-based column index into the row's cells. */
  column: number;
  /** Cell address as a spreadsheet shows it, e.g. `G5`. */
  address: string;
  /** The formula text, without a leading `=`. */
  formula: string;
}

/** A table read from a sheet file. */
export interface RawTable {
  format: "csv" | "xlsx";
  sha256: string;
  /** Worksheet read (XLSX); `null` for CSV. */
  sheet: string | null;
  /** Field delimiter detected from the header (CSV); `null` for XLSX. */
  delimiter: CsvDelimiter | null;
  header: string[];
  rows: { row: number; cells: string[] }[];
  /** Formula cells without a saved result; their text in `rows` is `""`. Always empty for CSV. */
  uncachedFormulas: UncachedFormula[];
}

/** The spreadsheet letters of a 1-based column number (1 = A, 27 = AA). */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** Marks a formula cell without a saved result while its row is read. */
class Uncached {
  constructor(readonly formula: string) {}
}

/** The text of an exceljs cell value; formulas give their cached result. */
function cellText(value: ExcelJS.CellValue, where: string): string | Uncached {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result === undefined || result === null) {
        const v = value as { formula?: string; sharedFormula?: string };
        return new Uncached(v.formula ?? `(shared with ${v.sharedFormula})`);
      }
      const text = cellText(result as ExcelJS.CellValue, where);
      return text instanceof Uncached ? "" : text;
    }
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  throw new TypeError(`Cannot read ${where}: unsupported cell value ${JSON.stringify(value)}`);
}

/**
 * Reads `path` (`.csv` or `.xlsx`). A CSV file's delimiter (`,`, `;` as Excel saves in a Russian
 * or Kazakh locale, or tab) is detected from its header. In an XLSX workbook the worksheet named
 * `Оценка` is read, or the first worksheet when none has that name; formula cells give their saved
 * result, and those without one are listed in `uncachedFormulas`. Fully empty XLSX rows are
 * skipped (they hold nothing); every other row is returned.
 *
 * @throws {SyntaxError} when the file cannot be parsed.
 * @throws {RangeError} when an XLSX file holds more entries or inflates to more bytes than
 *   `XLSX_LIMITS` allows (see `_xlsx_bounds.ts`), before it is parsed.
 * @throws {TypeError} when the extension is neither `.csv` nor `.xlsx`.
 */
export async function readTable(path: string): Promise<RawTable> {
  path = fromRoot(path); // relative paths: to the repository root
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
    const delimiter = detectCsvDelimiter(text);
    const all = parseCsvRows(text, { file: path, delimiter });
    if (all.length === 0) {
      throw new SyntaxError(`Cannot read expert-evaluation sheet "${path}": the file is empty`);
    }
    return {
      format: "csv",
      sha256,
      sheet: null,
      delimiter,
      header: all[0].map((h) => h.replace(/^\uFEFF/, "").trim()),
      rows: all.slice(1).map((cells, i) => ({ row: i + 2, cells })),
      uncachedFormulas: [],
    };
  }
  if (ext === ".xlsx") {
    // a file that inflates beyond what a sheet can hold is refused before exceljs inflates it
    await checkXlsxBounds(bytes, path);
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
    const uncachedFormulas: UncachedFormula[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      const pending: UncachedFormula[] = [];
      for (let c = 1; c <= width; c++) {
        const address = `${columnLetters(c)}${number}`;
        const text = cellText(
          row.getCell(c).value,
          `"${path}" worksheet "${ws.name}" cell ${address}`,
        );
        if (text instanceof Uncached) {
          pending.push({ row: number, column: c - 1, address, formula: text.formula });
          cells.push("");
        } else cells.push(text);
      }
      if (cells.some((x) => x !== "") || pending.length > 0) {
        lines.push({ row: number, cells });
        uncachedFormulas.push(...pending);
      }
    });
    if (lines.length === 0 || lines[0].row !== 1) {
      throw new SyntaxError(
        `Cannot read expert-evaluation sheet "${path}": row 1 of worksheet "${ws.name}" must hold the column headers`,
      );
    }
    const header = lines[0].cells.map((h) => h.trim());
    while (header.length > 0 && header[header.length - 1] === "") header.pop();
    const inHeader = uncachedFormulas.find((f) => f.row === 1);
    if (inHeader) {
      throw new SyntaxError(
        `Cannot read expert-evaluation sheet "${path}": worksheet "${ws.name}" cell ${inHeader.address} (a column header) is the formula =${inHeader.formula} with no saved result`,
      );
    }
    return {
      format: "xlsx",
      sha256,
      sheet: ws.name,
      delimiter: null,
      header,
      rows: lines.slice(1),
      uncachedFormulas,
    };
  }
  throw new TypeError(
    `Cannot read expert-evaluation sheet "${path}": expected a .csv or .xlsx file`,
  );
}
