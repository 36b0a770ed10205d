/**
 * What a notebook's kernel needs so that code written as the libraries' own documentation shows
 * it works: Observable Plot's `Plot.plot({...})` finds a DOM (linkedom's, through Plot's
 * `document` default `window.document`) and its `<svg>` shows inline as the cell's result (Deno's
 * kernel displays an element whose `outerHTML` starts with `<svg` as `image/svg+xml`), and a
 * Polars frame as a cell's result shows as {@linkcode frameHtml} (shape, types, scrolling).
 *
 * Installed by {@linkcode setupNotebook}, which the report's parameters module calls on import,
 * so the one `import ... from "../lib/report/mod.ts"` every notebook has is enough. Outside the
 * kernel (tests, scripts, the command line) it does nothing unless forced.
 * @module
 */
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";
import { frameHtml } from "./frame_html.ts";
import { jupyterApi } from "./jupyter_display.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/** Options for {@linkcode setupNotebook}. */
export interface SetupNotebookOptions {
  /** Install even outside Deno's Jupyter kernel (for tests). Default: `false`. */
  force?: boolean;
}

/** What {@linkcode setupNotebook} installed. */
export interface NotebookSetup {
  /** A `window` with a linkedom `document` was set on `globalThis` for Plot. */
  dom: boolean;
  /** Polars frames display with {@linkcode frameHtml}. */
  frames: boolean;
}

let installed: NotebookSetup | null = null;

/**
 * Installs the notebook's DOM and frame display once; later calls return the first result.
 *
 * @example
 * ```ts
 * import { setupNotebook } from "./setup_notebook.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(setupNotebook(), { dom: false, frames: false }); // not in a kernel
 * ```
 */
export function setupNotebook(options: SetupNotebookOptions = {}): NotebookSetup {
  if (installed) return installed;
  if (!options.force && jupyterApi() === null) return { dom: false, frames: false };
  installed = { dom: installDom(), frames: installFrameDisplay() };
  return installed;
}

function installDom(): boolean {
  const g = globalThis as { window?: { document?: unknown } };
  if (g.window?.document) return false; // a DOM is already there: leave it
  const { document } = parseHTML(
    "<!DOCTYPE html><html><head></head><body></body></html>",
  ) as unknown as {
    document: unknown;
  };
  g.window = { ...(g.window ?? {}), document };
  // Deno's kernel would show the element by its outerHTML, which linkedom writes without the
  // `xmlns` that an SVG shown as an image needs; every linkedom element gets a display hook.
  const svg = (document as { createElementNS(ns: string, tag: string): object })
    .createElementNS("http://www.w3.org/2000/svg", "svg");
  let proto = Object.getPrototypeOf(svg); // SVGElement, then Element (HTML elements share it)
  while (proto && proto.constructor?.name !== "Element") proto = Object.getPrototypeOf(proto);
  Object.defineProperty(proto ?? Object.getPrototypeOf(svg), DISPLAY, {
    configurable: true,
    value: function (this: { outerHTML: string }) {
      return elementBundle(this.outerHTML);
    },
  });
  return true;
}

/** The MIME bundle of an element's markup: an `<svg>` as an image (with `xmlns`), else HTML. */
export function elementBundle(markup: string): Record<string, string> {
  if (!/^<svg\b/.test(markup)) return { "text/html": markup };
  const svg = /^<svg\b[^>]*\sxmlns=/.test(markup)
    ? markup
    : markup.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return { "image/svg+xml": svg };
}

/**
 * nodejs-polars builds every frame through its module's `_DataFrame` export (called through
 * `exports`, so replacing the export reaches frames made anywhere in the library); the frame it
 * returns gets a display hook of its own. Returns false, leaving Polars' own display, when that
 * export is not found (a new nodejs-polars version): `setup_notebook_test.ts` then fails.
 */
function installFrameDisplay(): boolean {
  const require = createRequire(import.meta.url);
  const module = require("nodejs-polars/bin/dataframe.js") as {
    _DataFrame?: (native: unknown) => Record<symbol, unknown>;
  };
  const make = module._DataFrame;
  if (typeof make !== "function") return false;
  module._DataFrame = (native: unknown) => {
    const frame = make(native);
    // deno-lint-ignore no-explicit-any
    frame[DISPLAY] = () => ({ "text/html": frameHtml(frame as any) });
    return frame;
  };
  return true;
}
