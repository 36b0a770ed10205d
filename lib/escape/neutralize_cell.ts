/**
 * Neutralises untrusted text before it goes into a spreadsheet cell, so that a spreadsheet never
 * treats it as a formula ("CSV injection", OWASP). Model answers are untrusted: an answer such as
 * `=HYPERLINK("http://x","click")` or `-2+3` would otherwise be evaluated when a rater opens or
 * edits the sheet.
 * @module
 */

/** Characters that make a spreadsheet read a cell as a formula when they open it. */
export const FORMULA_TRIGGERS: readonly string[] = ["=", "+", "-", "@", "\t", "\r"];

/** The prefix that turns a would-be formula into plain text (Excel's own text marker). */
export const TEXT_PREFIX = "'";

/**
 * Returns `text` unchanged unless a spreadsheet would treat it as a formula, in which case it is
 * prefixed with an apostrophe. A cell is a would-be formula when its first character is one of
 * {@linkcode FORMULA_TRIGGERS}, or when its first character after leading spaces and line breaks
 * is (some spreadsheets trim before evaluating). Markdown bullets (`- item`) are therefore
 * prefixed too; the apostrophe is visible but the text is otherwise intact.
 *
 * @param text A cell's text.
 * @returns The text, safe to write to a CSV or XLSX cell.
 *
 * @example
 * ```ts
 * import { neutralizeCell } from "./neutralize_cell.ts";
 * import assert from "node:assert/strict";
 * assert.equal(neutralizeCell("=1+1"), "'=1+1");
 * assert.equal(neutralizeCell(" \n@SUM(A1)"), "' \n@SUM(A1)");
 * assert.equal(neutralizeCell("Согласно ст. 65 НК РК"), "Согласно ст. 65 НК РК");
 * assert.equal(neutralizeCell("Салық кодексі"), "Салық кодексі");
 * ```
 */
export function neutralizeCell(text: string): string {
  if (text.length === 0) return text;
  if (FORMULA_TRIGGERS.includes(text[0])) return TEXT_PREFIX + text;
  const trimmed = text.replace(/^[ \n\u00a0]+/, "");
  if (trimmed.length > 0 && FORMULA_TRIGGERS.includes(trimmed[0])) return TEXT_PREFIX + text;
  return text;
}

/**
 * Undoes {@linkcode neutralizeCell} on text read back from a sheet: removes the leading
 * apostrophe when the rest is text that {@linkcode neutralizeCell} would have prefixed. Other
 * text, including text that starts with an apostrophe of its own, is returned unchanged.
 *
 * @param text A cell's text as read from a CSV or XLSX sheet.
 * @returns The text before neutralisation.
 *
 * @example
 * ```ts
 * import { neutralizeCell, restoreNeutralizedCell } from "./neutralize_cell.ts";
 * import assert from "node:assert/strict";
 * assert.equal(restoreNeutralizedCell("'-12"), "-12");
 * assert.equal(restoreNeutralizedCell(neutralizeCell("@сұрақ-7")), "@сұрақ-7");
 * assert.equal(restoreNeutralizedCell("'вопрос"), "'вопрос");
 * assert.equal(restoreNeutralizedCell("17"), "17");
 * ```
 */
export function restoreNeutralizedCell(text: string): string {
  if (!text.startsWith(TEXT_PREFIX)) return text;
  const rest = text.slice(TEXT_PREFIX.length);
  return neutralizeCell(rest) === text ? rest : text;
}
