/**
 * Escapes untrusted text for LaTeX (table cells, captions).
 * @module
 */

/**
 * Escapes LaTeX's special characters (`\ { } $ & # ^ _ % ~`, and `< >`, which print as other
 * glyphs in OT1 text fonts) so they print as themselves, and
 * makes line breaks spaces (a blank line would end a table row's paragraph). Nothing in the text
 * can then run a command (`\input{/etc/passwd}`, `\write18{…}`).
 *
 * @param text Untrusted text.
 * @returns LaTeX that prints the text.
 * @example
 * ```ts
 * import { escapeLatex } from "./escape_latex.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeLatex("a_b{c}"), "a\\_b\\{c\\}");
 * assert.equal(escapeLatex("\\input{/etc/passwd}"), "\\textbackslash{}input\\{/etc/passwd\\}");
 * assert.equal(escapeLatex("50% ~ 5$\n\nx"), "50\\% \\textasciitilde{} 5\\$  x");
 * ```
 */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&#^_%~<>]/g, (c) => {
    switch (c) {
      case "<":
        return "\\textless{}";
      case ">":
        return "\\textgreater{}";
      case "\\":
        return "\\textbackslash{}";
      case "~":
        return "\\textasciitilde{}";
      case "^":
        return "\\textasciicircum{}";
      default:
        return `\\${c}`;
    }
  }).replace(/\r\n?|\n|\u2028|\u2029/g, " ");
}
