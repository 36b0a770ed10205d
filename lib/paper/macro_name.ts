/**
 * LaTeX macro names from identifiers: letters only (LaTeX control words cannot hold digits or
 * `_`), each part capitalised, digits spelled out: `["bertscore_f1", "gain", "4b"]` →
 * `BertscoreFOneGainFourB`.
 * @module
 */
const DIGITS = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

/**
 * Builds a macro name (without the backslash).
 *
 * @example
 * ```ts
 * import { macroName } from "./macro_name.ts";
 * import assert from "node:assert/strict";
 * assert.equal(macroName(["bertscore_f1", "gain", "benchmark_14b_ft"]), "BertscoreFOneGainBenchmarkOneFourBFt");
 * ```
 */
export function macroName(parts: readonly string[]): string {
  const name = parts.join("_")
    .replace(/[0-9]/g, (d) => `_${DIGITS[Number(d)]}_`)
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  if (!/^[A-Za-z]+$/.test(name)) {
    throw new TypeError(`Cannot make a LaTeX macro name from ${JSON.stringify(parts)}`);
  }
  return name;
}
