/**
 * Escapes untrusted text for HTML element content and double-quoted attribute values.
 * @module
 */

/**
 * Replaces `&`, `<`, `>` and `"` with character references, so text shows as written and never
 * opens a tag (`<img src=x onerror=…>`, `</table><script>`) or leaves a double-quoted attribute
 * (the only kind the workbench writes).
 *
 * @param text Untrusted text.
 * @returns Text safe inside an element or a double-quoted attribute.
 * @example
 * ```ts
 * import { escapeHtml } from "./escape_html.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeHtml('</table><script>alert("x")</script>'), "&lt;/table&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
 * assert.equal(escapeHtml("ҚР Еңбек кодексі & ст. 5"), "ҚР Еңбек кодексі &amp; ст. 5");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]);
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};
