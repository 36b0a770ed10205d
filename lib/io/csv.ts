/**
 * The project's one CSV module. It wraps npm's `csv-parse` and `csv-stringify` (JSR's
 * `@std/csv` is not reachable from our machines); when JSR is reachable this file is the only
 * place to change.
 * @module
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** A field delimiter {@linkcode parseCsv} and {@linkcode parseCsvRows} read. */
export type CsvDelimiter = "," | ";" | "\t";

/** The delimiters {@linkcode detectCsvDelimiter} chooses from, in order of preference on a tie. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

/** Options for {@linkcode parseCsv} and {@linkcode parseCsvRows}. */
export interface ParseCsvOptions {
  /** Name used in error messages. Default: `"<csv>"`. */
  file?: string;
  /**
   * Field delimiter, or `"auto"` to detect it from the first line with
   * {@linkcode detectCsvDelimiter} (Excel in a Russian or Kazakh locale saves CSV with `;`).
   * Default: `","`.
   */
  delimiter?: CsvDelimiter | "auto";
}

/**
 * Detects the field delimiter of CSV text from its first record (the header): the one of
 * `,`, `;` and tab that occurs most often outside double quotes; `,` when none occurs or on a tie
 * with `,`. A leading UTF-8 BOM is ignored.
 *
 * @param text CSV text.
 * @returns The delimiter.
 * @example
 * ```ts
 * import { detectCsvDelimiter } from "./csv.ts";
 * import assert from "node:assert/strict";
 * assert.equal(detectCsvDelimiter("\uFEFFномер_вопроса;вариант;комментарий\n1;A;\"ст. 5, п. 2\"\n"), ";");
 * assert.equal(detectCsvDelimiter('тіл,"а;б"\n'), ",");
 * assert.equal(detectCsvDelimiter("a\tb\n"), "\t");
 * assert.equal(detectCsvDelimiter("жалғыз баған\n"), ",");
 * ```
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c as CsvDelimiter)) {
      counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ",";
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function delimiterOf(text: string, option: CsvDelimiter | "auto" | undefined): CsvDelimiter {
  if (option === undefined) return ",";
  if (option === "auto") return detectCsvDelimiter(text);
  if (!CSV_DELIMITERS.includes(option)) {
    throw new RangeError(
      `CSV delimiter must be one of ${
        CSV_DELIMITERS.map((d) => JSON.stringify(d)).join(", ")
      } or "auto", got ${JSON.stringify(option)}`,
    );
  }
  return option;
}

/**
 * Parses CSV text with a header row into records keyed by column name. A leading UTF-8 BOM is
 * removed. Rows with a different number of fields than the header are an error.
 *
 * @example
 * ```ts
 * import { parseCsv } from "./csv.ts";
 * import assert from "node:assert/strict";
 * const rows = parseCsv('\uFEFFтіл,n\n"қазақ, тілі",3\n');
 * assert.deepEqual(rows, [{ "тіл": "қазақ, тілі", n: "3" }]);
 * assert.deepEqual(parseCsv("тіл;n\nқазақ, тілі;3\n", { delimiter: "auto" }), rows);
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Record<string, string>[] {
  const { file = "<csv>" } = options;
  const delimiter = delimiterOf(text, options.delimiter);
  try {
    return parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_quotes: false,
      delimiter,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`Cannot parse CSV file "${file}": ${message}`);
  }
}

/**
 * Parses CSV text without interpreting a header: every row is an array of strings.
 *
 * @example
 * ```ts
 * import { parseCsvRows } from "./csv.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseCsvRows('а;"б;в"\r\n1;2\r\n', { delimiter: "auto" }), [["а", "б;в"], ["1", "2"]]);
 * ```
 */
export function parseCsvRows(text: string, options: ParseCsvOptions = {}): string[][] {
  const { file = "<csv>" } = options;
  const delimiter = delimiterOf(text, options.delimiter);
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, delimiter });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`Cannot parse CSV file "${file}": ${message}`);
  }
}

/** Options for {@linkcode stringifyCsv}. */
export interface StringifyCsvOptions {
  /** Prefix the output with a UTF-8 BOM (so Excel reads Cyrillic). Default: `false`. */
  bom?: boolean;
  /** Field delimiter. Default: `","`. */
  delimiter?: CsvDelimiter;
  /** Line ending. Default: `"\n"` (`"\r\n"` is what Excel writes). */
  eol?: "\n" | "\r\n";
}

/**
 * Writes rows (arrays of cells) as RFC 4180 CSV with `\n` line endings. `null` and `undefined`
 * become empty cells; numbers use JavaScript's shortest round-trip form. A cell is quoted when it
 * holds a comma, a double quote, a line feed or a carriage return: csv-stringify on its own leaves
 * a bare carriage return unquoted, and spreadsheets start a new row there.
 *
 * @example
 * ```ts
 * import { stringifyCsv } from "./csv.ts";
 * import assert from "node:assert/strict";
 * assert.equal(stringifyCsv([["a", "b"], ["ә,і", 0.5], [null, 1]]), 'a,b\n"ә,і",0.5\n,1\n');
 * assert.equal(stringifyCsv([["Салық\r=1+1"]]), '"Салық\r=1+1"\n');
 * assert.equal(stringifyCsv([["а", "б;в"]], { delimiter: ";", eol: "\r\n" }), 'а;"б;в"\r\n');
 * ```
 */
export function stringifyCsv(
  rows: readonly (readonly unknown[])[],
  options: StringifyCsvOptions = {},
): string {
  const { bom = false, eol = "\n" } = options;
  const delimiter = delimiterOf("", options.delimiter);
  const body = stringify(rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : c))), {
    delimiter,
    record_delimiter: eol === "\r\n" ? "windows" : "unix",
    quoted_match: /\r/,
    cast: { number: (n: number) => String(n), boolean: (b: boolean) => String(b) },
  });
  return (bom ? "\uFEFF" : "") + body;
}
