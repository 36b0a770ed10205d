/**
 * Showing things in Deno's Jupyter kernel from library code: a display call when running in the
 * kernel, nothing elsewhere (tests, scripts, the command line).
 * @module
 */

import { neutralizeMarkdown } from "../escape/neutralize_markdown.ts";

/** The part of `Deno.jupyter` used here. */
export interface JupyterApi {
  display(
    obj: unknown,
    options?: { raw?: boolean; update?: boolean; display_id?: string },
  ): Promise<void>;
}

let replacement: JupyterApi | null = null;

/**
 * Uses `api` in place of `Deno.jupyter` until called again with null (tests record what a
 * notebook would show this way: `Deno.jupyter` itself cannot be replaced).
 */
export function replaceJupyterApi(api: JupyterApi | null): void {
  replacement = api;
}

/** The Deno Jupyter API when running inside the kernel, else null. */
export function jupyterApi(): JupyterApi | null {
  if (replacement) return replacement;
  try {
    const api = (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
    return api && typeof api.display === "function" ? api : null;
  } catch {
    return null; // outside the kernel, touching Deno.jupyter throws
  }
}

/** Displays a MIME bundle (e.g. `{"text/markdown": "..."}`) in the kernel; a no-op elsewhere. */
export async function jupyterDisplay(bundle: Record<string, string>): Promise<void> {
  const api = jupyterApi();
  if (api) await api.display(bundle, { raw: true });
}

/**
 * A Markdown note for a notebook cell's last value: shown in the notebook, never written to the
 * report (use `section.text()` for that). Like the report's text, it is written with no raw HTML
 * and no remote link or image (`neutralizeMarkdown`, lib/escape).
 *
 * @example
 * ```ts
 * import { markdown } from "./jupyter_display.ts";
 * import assert from "node:assert/strict";
 * const note = markdown("**3** runs found");
 * assert.deepEqual(note[Symbol.for("Jupyter.display")](), { "text/markdown": "**3** runs found" });
 * ```
 */
export function markdown(text: string): { [key: symbol]: () => Record<string, string> } {
  const safe = neutralizeMarkdown(text);
  return { [Symbol.for("Jupyter.display")]: () => ({ "text/markdown": safe }) };
}
