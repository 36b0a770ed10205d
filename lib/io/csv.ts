/**
 * The project's one CSV module. It wraps npm's `csv-parse` and `csv-stringify` (JSR's
 * `@std/csv` is not reachable from our machines); when JSR is reachable this file is the only
 * place to change.
 * @module
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** Options for {@linkcode parseCsv}. */
export interface ParseCsvOptions {
  /** Name used in error messages. Default: `"<csv>"`. */
  file?: string;
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
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Record<string, string>[] {
  const { file = "<csv>" } = options;
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`Cannot parse CSV file "${file}": ${message}`);
  }
}

/**
 * Parses CSV text without interpreting a header: every row is an array of strings.
 */
export function parseCsvRows(text: string, options: ParseCsvOptions = {}): string[][] {
  const { file = "<csv>" } = options;
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`Cannot parse CSV file "${file}": ${message}`);
  }
}

/** Options for {@linkcode stringifyCsv}. */
export interface StringifyCsvOptions {
  /** Prefix the output with a UTF-8 BOM (so Excel reads Cyrillic). Default: `false`. */
  bom?: boolean;
}

/**
 * Writes rows (arrays of cells) as RFC 4180 CSV with `\n` line endings. `null` and `undefined`
 * become empty cells; numbers use JavaScript's shortest round-trip form.
 *
 * @example
 * ```ts
 * import { stringifyCsv } from "./csv.ts";
 * import assert from "node:assert/strict";
 * assert.equal(stringifyCsv([["a", "b"], ["ә,і", 0.5], [null, 1]]), 'a,b\n"ә,і",0.5\n,1\n');
 * ```
 */
export function stringifyCsv(
  rows: readonly (readonly unknown[])[],
  options: StringifyCsvOptions = {},
): string {
  const { bom = false } = options;
  const body = stringify(rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : c))), {
    record_delimiter: "unix",
    cast: { number: (n: number) => String(n), boolean: (b: boolean) => String(b) },
  });
  return (bom ? "\uFEFF" : "") + body;
}
