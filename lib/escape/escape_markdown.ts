/**
 * Escapes untrusted text for Markdown (CommonMark and GitHub-flavoured), inline or in a table cell.
 * @module
 */

/**
 * Makes untrusted text inert in Markdown, as it would show in plain text:
 * - `&`, `<`, `>` become character references: no raw HTML (`<img src=x onerror=…>`,
 *   `</table><script>`), no autolink (`<http://…>`), no entity tricks;
 * - `\` and `` ` `` are backslash-escaped: no code span opens, and no escape of ours is undone;
 * - `]` is backslash-escaped where it would close a link, image or reference (`](`, `][`,
 *   `]:`), so `![t](http://host/t.png)` neither loads a remote image nor links (text in
 *   brackets such as an interval `[0.61, 0.64]` is left as it is);
 * - `|` is backslash-escaped (a table cell stays one cell), and line breaks become spaces (a
 *   value stays on its line: no heading, list or table row starts inside it).
 * Emphasis characters (`*`, `_`) are left: they change the look, never what a reader loads.
 *
 * @param text Untrusted text.
 * @returns Markdown that renders as the text.
 * @example
 * ```ts
 * import { escapeMarkdown } from "./escape_markdown.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeMarkdown("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
 * assert.equal(escapeMarkdown("![t](http://host/t.png)"), "![t\\](http://host/t.png)");
 * assert.equal(escapeMarkdown("a|b\nc `d`"), "a\\|b c \\`d\\`");
 * assert.equal(escapeMarkdown("0.612 [0.598, 0.627]"), "0.612 [0.598, 0.627]");
 * assert.equal(escapeMarkdown("ҚР Азаматтық кодексі, 5-бап"), "ҚР Азаматтық кодексі, 5-бап");
 * ```
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`|]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/\](?=[([:])/g, "\\]")
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ");
}
