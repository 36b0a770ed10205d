/**
 * Writes one table in the three forms a paper needs: `tables/<name>.csv` (full precision, the
 * data), `tables/<name>.md` and `tables/<name>.tex` (booktabs), all from the same rows. Text is
 * untrusted (answers, labels, run ids, file names) and is neutralised for each form: CSV text
 * cells with `neutralizeCell` (no spreadsheet formulas; numbers stay numbers), Markdown with
 * `escapeMarkdown`, LaTeX with `escapeLatex`.
 * @module
 */
import pl from "nodejs-polars";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { stringifyCsv } from "../io/csv.ts";
import { neutralizeCell } from "../escape/neutralize_cell.ts";
import type { SafeMarkdown } from "../escape/md.ts";
import {
  type Cell,
  formatTable,
  type FormatTableOptions,
  latexTable,
  markdownTable,
} from "./format_table.ts";
import { fromRoot } from "../io/paths.ts";

/**
 * A record whose every field is a {@linkcode Cell}. Written as a mapped type so that rows typed
 * by an interface (which has no index signature) are accepted, with their fields still checked.
 */
export type CellRecord<T> = { [K in keyof T]: Cell };

/** Rows of a table: a Polars frame or an array of records (see {@linkcode CellRecord}). */
export type TableRows<T extends CellRecord<T> = Record<string, Cell>> = pl.DataFrame | readonly T[];

/** Options for {@linkcode writeTable}. */
export interface WriteTableOptions extends FormatTableOptions {
  /** Caption used in Markdown and LaTeX. Default: the table name. */
  caption?: string | SafeMarkdown;
  /** Column order; default: the frame's columns, or the first record's keys. */
  columns?: string[];
}

/** What {@linkcode writeTable} wrote. */
export interface WrittenTable {
  name: string;
  columns: string[];
  rows: Cell[][];
  markdown: string;
  files: { csv: string; md: string; tex: string };
}

function isRecords<T extends CellRecord<T>>(
  rows: TableRows<T>,
): rows is readonly T[] {
  return Array.isArray(rows);
}

/** Normalises rows to a column list and an array of cell arrays. */
export function tableCells<T extends CellRecord<T>>(
  rows: TableRows<T>,
  columns?: string[],
): { columns: string[]; cells: Cell[][] } {
  const records: readonly Record<string, Cell>[] = isRecords(rows)
    ? rows as readonly Record<string, Cell>[]
    : (rows.toRecords() as Record<string, Cell>[]);
  const cols: string[] = columns ??
    (isRecords(rows) ? Object.keys(records[0] ?? {}) : rows.columns);
  if (columns && records.length) {
    const known = new Set(isRecords(rows) ? records.flatMap((r) => Object.keys(r)) : rows.columns);
    const missing = columns.filter((c) => !known.has(c));
    if (missing.length) {
      throw new Error(
        `table columns ${missing.join(", ")} are not in the rows (they have: ${
          [...known].join(", ")
        })`,
      );
    }
  }
  const cells = records.map((r) =>
    cols.map((c: string) => {
      const v = r[c];
      return typeof v === "bigint" ? Number(v) : v;
    })
  );
  return { columns: cols, cells };
}

/**
 * The CSV form of a table: text cells (and the header) neutralised with {@linkcode neutralizeCell}
 * so that no spreadsheet reads them as formulas; numbers, booleans and empty cells are written as
 * they are (a negative number is data, not a formula).
 *
 * @example
 * ```ts
 * import { csvText } from "./write_table.ts";
 * import assert from "node:assert/strict";
 * assert.equal(csvText(["run", "diff"], [["=cmd|' calc'!A0", -0.5]]), "run,diff\n'=cmd|' calc'!A0,-0.5\n");
 * ```
 */
export function csvText(columns: readonly string[], cells: readonly (readonly Cell[])[]): string {
  const safe = (c: Cell) => (typeof c === "string" ? neutralizeCell(c) : c);
  return stringifyCsv([columns.map(safe), ...cells.map((r) => r.map(safe))]);
}

/**
 * Writes `<dir>/<name>.csv`, `.md` and `.tex` atomically and returns the Markdown form.
 *
 * @example
 * ```ts
 * import { writeTable } from "./write_table.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const t = await writeTable([{ тіл: "kz", n: 3, x_mean: 0.5, x_lo: 0.25, x_hi: 0.75 }], dir, "demo");
 * assert.equal(await Deno.readTextFile(`${dir}/demo.csv`), "тіл,n,x_mean,x_lo,x_hi\nkz,3,0.5,0.25,0.75\n");
 * assert.match(t.markdown, /0\.500 \[0\.250, 0\.750\]/);
 * ```
 */
export async function writeTable<T extends CellRecord<T>>(
  rows: TableRows<T>,
  dir: string,
  name: string,
  options: WriteTableOptions = {},
): Promise<WrittenTable> {
  dir = fromRoot(dir); // relative paths: to the repository root
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
    throw new TypeError(`Table name must be lower-case letters, digits, "_" or "-", got "${name}"`);
  }
  const { caption = name, columns: wanted, ...format } = options;
  const { columns, cells } = tableCells(rows, wanted);
  const display = formatTable(columns, cells, format);
  const markdown = markdownTable(display);
  const files = {
    csv: join(dir, `${name}.csv`),
    md: join(dir, `${name}.md`),
    tex: join(dir, `${name}.tex`),
  };
  await writeFileAtomic(files.csv, csvText(columns, cells));
  await writeFileAtomic(files.md, `${markdown}`);
  await writeFileAtomic(files.tex, latexTable(display, String(caption), name));
  return { name, columns, rows: cells, markdown, files };
}
