/**
 * Turns table rows into display cells for Markdown and LaTeX: numbers rounded, and each
 * `<metric>_mean`, `<metric>_lo`, `<metric>_hi` triple merged into one `<metric>` column that
 * reads `0.824 [0.819, 0.829]`. A p-value that rounds to zero prints as a bound, `< 0.0001`
 * (see {@linkcode isPValueColumn}); CSV files keep the raw numbers.
 * @module
 */
import { escapeHtml } from "../escape/escape_html.ts";
import { escapeLatex } from "../escape/escape_latex.ts";
import { escapeMarkdown } from "../escape/escape_markdown.ts";

/** A table cell value. */
export type Cell = string | number | boolean | null | undefined;

/** Options for {@linkcode formatTable}. */
export interface FormatTableOptions {
  /** Decimal places for non-integer numbers. Default: `3`. */
  digits?: number;
  /** Merge `_mean/_lo/_hi` triples into one column. Default: `true`. */
  mergeIntervals?: boolean;
  /** Display names for columns (after merging). Default: the column keys. */
  labels?: Record<string, string>;
  /** Per-column decimal places, overriding `digits`. Default: none. */
  columnDigits?: Record<string, number>;
}

/** Display form of a table: header labels and string cells. */
export interface DisplayTable {
  header: string[];
  rows: string[][];
  /** For each display column, whether it holds numbers (right-aligned). */
  numeric: boolean[];
}

function fmt(value: Cell, digits: number | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "";
    return digits === null ? String(value) : value.toFixed(digits);
  }
  return String(value);
}

/**
 * Whether a column holds p-values: `p`, or `p_` and a word (`p_adj`, `p_holm`, `p_bh`,
 * `p_mcnemar`), except `p_method`, which names how `p` was computed.
 */
export function isPValueColumn(key: string): boolean {
  return /^p(_[a-z]+)?$/.test(key) && key !== "p_method";
}

/**
 * A p-value at `digits` decimals (the table's `tableDigits` where the column is all integers);
 * one that would print as all zeros prints as the bound `< 0.0001` (for 4 digits) instead, so
 * that no p reads as 0.
 */
function fmtP(value: Cell, digits: number | null, tableDigits: number): string {
  const d = digits ?? tableDigits;
  if (typeof value === "number" && Number.isFinite(value) && value < 0.5 * 10 ** -d) {
    return `< ${(10 ** -d).toFixed(d)}`;
  }
  return fmt(value, digits);
}

/** Integer columns print as integers; any other numeric column gets fixed decimals. */
function columnDigitsFor(
  rows: readonly (readonly Cell[])[],
  i: number,
  digits: number,
): number | null {
  const nums = rows.map((r) => r[i]).filter((v): v is number =>
    typeof v === "number" && !Number.isNaN(v)
  );
  return nums.length > 0 && nums.every(Number.isInteger) ? null : digits;
}

/**
 * Formats rows for display.
 *
 * @example
 * ```ts
 * import { formatTable } from "./format_table.ts";
 * import assert from "node:assert/strict";
 * const t = formatTable(["run", "n", "f1_mean", "f1_lo", "f1_hi"], [["a", 500, 0.8241, 0.8213, 0.827]]);
 * assert.deepEqual(t.header, ["run", "n", "f1"]);
 * assert.deepEqual(t.rows, [["a", "500", "0.824 [0.821, 0.827]"]]);
 * ```
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: FormatTableOptions = {},
): DisplayTable {
  const { digits = 3, mergeIntervals = true, labels = {}, columnDigits = {} } = options;
  type Col = { key: string; get: (r: readonly Cell[]) => string; numeric: boolean };
  const cols: Col[] = [];
  const used = new Set<number>();
  for (let i = 0; i < columns.length; i++) {
    if (used.has(i)) continue;
    const key = columns[i];
    const m = /^(.*)_mean$/.exec(key);
    const lo = m ? columns.indexOf(`${m[1]}_lo`) : -1;
    const hi = m ? columns.indexOf(`${m[1]}_hi`) : -1;
    const isNum = rows.some((r) => typeof r[i] === "number");
    if (mergeIntervals && m && lo >= 0 && hi >= 0) {
      used.add(lo).add(hi);
      const d = columnDigits[m[1]] ?? digits;
      cols.push({
        key: m[1],
        numeric: true,
        get: (r) => {
          const mean = fmt(r[i], d);
          if (mean === "") return "";
          const l = fmt(r[lo], d), h = fmt(r[hi], d);
          return l === "" || h === "" ? mean : `${mean} [${l}, ${h}]`;
        },
      });
    } else {
      const d = columnDigits[key] ?? columnDigitsFor(rows, i, digits);
      const get = isPValueColumn(key)
        ? (r: readonly Cell[]) => fmtP(r[i], d, digits)
        : (r: readonly Cell[]) => fmt(r[i], d);
      cols.push({ key, numeric: isNum, get });
    }
  }
  return {
    header: cols.map((c) => labels[c.key] ?? c.key),
    rows: rows.map((r) => cols.map((c) => c.get(r))),
    numeric: cols.map((c) => c.numeric),
  };
}

/**
 * Renders a display table as a GitHub-flavoured Markdown table. Every header and cell is escaped
 * with {@linkcode escapeMarkdown} (cells hold model answers, questions and labels: no raw HTML,
 * no links or images, no code spans, and `|` stays inside its cell).
 */
export function markdownTable(table: DisplayTable): string {
  const lines = [
    `| ${table.header.map(escapeMarkdown).join(" | ")} |`,
    `| ${table.numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
    ...table.rows.map((r) => `| ${r.map(escapeMarkdown).join(" | ")} |`),
  ];
  return lines.join("\n") + "\n";
}

/** Renders a display table as an HTML `<table>` (text escaped with {@linkcode escapeHtml}; numbers right-aligned). */
export function htmlTable(table: DisplayTable, options: HtmlTableOptions = {}): string {
  const { scroll = false } = options;
  const cell = (tag: string, s: string, i: number) => {
    const style = [
      table.numeric[i] ? "text-align:right" : "",
      scroll && tag === "th" ? "white-space:nowrap" : "",
    ].filter(Boolean).join(";");
    return `<${tag}${style ? ` style="${style}"` : ""}>${escapeHtml(s)}</${tag}>`;
  };
  const body = [
    "<table>",
    `<thead><tr>${table.header.map((h, i) => cell("th", h, i)).join("")}</tr></thead>`,
    "<tbody>",
    ...table.rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
  return scroll ? `<div style="overflow-x:auto;max-width:100%">\n${body}\n</div>` : body;
}

/** Options for {@linkcode htmlTable}. */
export interface HtmlTableOptions {
  /**
   * For a notebook: headers never wrap, and a table wider than the output area scrolls sideways
   * in its own box instead of squeezing or clipping columns. Default: `false`.
   */
  scroll?: boolean;
}

/** Escapes text for LaTeX: {@linkcode escapeLatex} (kept under this name for callers). */
export const latexEscape: (text: string) => string = escapeLatex;

/** Renders a display table as a LaTeX `table` with booktabs rules. */
export function latexTable(table: DisplayTable, caption: string, label: string): string {
  const align = table.numeric.map((n) => (n ? "r" : "l")).join("");
  const row = (cells: string[]) => cells.map(escapeLatex).join(" & ") + " \\\\";
  return [
    "% Generated by deno task report; needs \\usepackage{booktabs} (and babel/fontspec for Cyrillic).",
    "\\begin{table}[t]",
    "\\centering",
    "\\small",
    `\\caption{${escapeLatex(caption)}}`,
    `\\label{tab:${label}}`,
    `\\begin{tabular}{${align}}`,
    "\\toprule",
    row(table.header),
    "\\midrule",
    ...table.rows.map(row),
    "\\bottomrule",
    "\\end{tabular}",
    "\\end{table}",
    "",
  ].join("\n");
}
