/**
 * A safety net for Markdown that the workbench writes with values in it (a section's text, a
 * caption, a note): whatever value was interpolated without escaping, the result carries no raw
 * HTML and loads or links nothing remote.
 * @module
 */

/** Splits Markdown into code spans (kept as they are) and the text between them. */
function splitCodeSpans(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  let plain = 0;
  const fences = /(?<!\\)`+/g;
  let m: RegExpExecArray | null;
  while ((m = fences.exec(text)) !== null) {
    const fence = m[0];
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, "g");
    close.lastIndex = m.index + fence.length;
    const end = close.exec(text);
    if (end === null) continue; // an unmatched backtick run is literal text
    if (m.index > plain) parts.push({ code: false, text: text.slice(plain, m.index) });
    parts.push({ code: true, text: text.slice(m.index, end.index + fence.length) });
    plain = end.index + fence.length;
    fences.lastIndex = plain;
  }
  if (plain < text.length) parts.push({ code: false, text: text.slice(plain) });
  return parts;
}

/**
 * Neutralises, outside code spans, what Markdown written by the workbench never means to hold:
 * - a raw HTML tag, comment or autolink (`<` before a letter, `/`, `!` or `?` becomes `&lt;`);
 * - a link, image or reference definition to a remote address (a URL scheme such as `http:` or
 *   `javascript:`, or `//`): its `]` is escaped, so `![t](http://host/t.png)` shows as text.
 * Links to files of the report (`[CSV](tables/x.csv)`) and everything else are left as they are.
 * Use {@linkcode md} to escape values properly; this is the net under it.
 *
 * @param markdown Markdown that may hold untrusted values.
 * @returns The Markdown, with no raw HTML and no remote link or image.
 * @example
 * ```ts
 * import { neutralizeMarkdown } from "./neutralize_markdown.ts";
 * import assert from "node:assert/strict";
 * assert.equal(neutralizeMarkdown("Run <img src=x onerror=alert(1)>: p < 0.05"), "Run &lt;img src=x onerror=alert(1)>: p < 0.05");
 * assert.equal(neutralizeMarkdown("![t](http://host/t.png) [CSV](tables/a.csv)"), "![t\\](http://host/t.png) [CSV](tables/a.csv)");
 * assert.equal(neutralizeMarkdown("`<b>` stays code"), "`<b>` stays code");
 * ```
 */
export function neutralizeMarkdown(markdown: string): string {
  return splitCodeSpans(markdown).map((p) =>
    p.code ? p.text : p.text
      .replace(/<(?=[A-Za-z\/!?])/g, "&lt;")
      .replace(/(?<!\\)\](?=\(\s*<?\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|\/\/))/g, "\\]")
      .replace(/(?<!\\)\](?=:\s*<?\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|\/\/))/g, "\\]")
  ).join("");
}
