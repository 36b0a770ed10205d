/**
 * Untrusted text as a Markdown code span (a file name, a command).
 * @module
 */

/**
 * Wraps text in a code span whose fence is one backtick longer than the longest run of
 * backticks inside it, so a backtick in a file name cannot end the span early; text that starts
 * or ends with a backtick is padded with a space (CommonMark strips one). Line breaks become
 * spaces. Inside a code span nothing else is interpreted (no HTML, links or images).
 *
 * @param text Untrusted text.
 * @returns A code span showing the text.
 * @example
 * ```ts
 * import { markdownCode } from "./markdown_code.ts";
 * import assert from "node:assert/strict";
 * assert.equal(markdownCode("data/results/benchmark_4b_ft.json"), "`data/results/benchmark_4b_ft.json`");
 * assert.equal(markdownCode("a`b.json"), "``a`b.json``");
 * assert.equal(markdownCode("`x``"), "`".repeat(3) + " `x`` " + "`".repeat(3));
 * ```
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|\n|\u2028|\u2029/g, " ");
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
