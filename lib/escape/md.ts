/**
 * A template tag for Markdown written by the workbench with untrusted values inside.
 * @module
 */
import { escapeMarkdown } from "./escape_markdown.ts";

/** Markdown that is already safe: what {@linkcode md} returns; nested, it is kept as it is. */
export class SafeMarkdown {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

/**
 * Builds Markdown from a template whose literal parts are the author's Markdown and whose
 * values are untrusted: each value is escaped with {@linkcode escapeMarkdown}, except values that
 * are themselves {@linkcode SafeMarkdown} (from `md` or {@linkcode markdownCode} wrapped by
 * {@linkcode safeMarkdown}). Numbers are written with `String()`.
 *
 * @returns The Markdown (use `.markdown`, or it converts to a string).
 * @example
 * ```ts
 * import { md } from "./md.ts";
 * import assert from "node:assert/strict";
 * const run = "<img src=x onerror=alert(1)>";
 * assert.equal(`${md`**Run** ${run}: ${0.5}`}`, "**Run** &lt;img src=x onerror=alert(1)&gt;: 0.5");
 * ```
 */
export function md(literals: TemplateStringsArray, ...values: unknown[]): SafeMarkdown {
  let out = literals[0];
  values.forEach((v, i) => {
    out += v instanceof SafeMarkdown ? v.markdown : escapeMarkdown(String(v));
    out += literals[i + 1];
  });
  return new SafeMarkdown(out);
}

/** Marks Markdown as safe (made by the workbench, e.g. {@linkcode markdownCode}), for {@linkcode md}. */
export function safeMarkdown(markdown: string): SafeMarkdown {
  return new SafeMarkdown(markdown);
}
