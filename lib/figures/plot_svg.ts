/**
 * Runs Observable Plot headless (a DOM from linkedom) and returns the chart as an SVG string
 * whose text uses the project's font. Titles, subtitles and legends are not drawn here: they
 * are laid out by {@linkcode standaloneFigure} inside the same SVG.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** The font family of every figure: DejaVu Sans covers Latin, Cyrillic and Kazakh letters. */
export const FIGURE_FONT = "DejaVu Sans";

/** Plot options accepted by {@linkcode plotSvg}: everything but `document`, `title`, `subtitle`, `caption`. */
export type PlotOptions = Omit<Plot.PlotOptions, "document" | "title" | "subtitle" | "caption">;

/** The parts of a DOM element that are used here (linkedom's element, typed without the DOM lib). */
interface SvgNode {
  tagName: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/** A rendered chart. */
export interface PlotSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * Renders Plot options to an SVG string.
 *
 * @example
 * ```ts
 * import { plotSvg } from "./plot_svg.ts";
 * import * as Plot from "@observablehq/plot";
 * import assert from "node:assert/strict";
 * const p = plotSvg({ width: 300, height: 200, marks: [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" })] });
 * assert.equal(p.width, 300);
 * assert.match(p.svg, /^<svg/);
 * ```
 */
export function plotSvg(options: PlotOptions): PlotSvg {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>") as unknown as {
    document: unknown;
  };
  // deno-lint-ignore no-explicit-any
  const { title: _t, subtitle: _s, caption: _c, ...rest } = options as any;
  const node = Plot.plot({ ...rest, document } as Plot.PlotOptions) as unknown as SvgNode;
  if (node.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      "plotSvg() needs options that render a bare <svg>: move legends and titles to standaloneFigure()",
    );
  }
  node.setAttribute("font-family", FIGURE_FONT);
  const width = Number(node.getAttribute("width"));
  const height = Number(node.getAttribute("height"));
  return { svg: node.outerHTML, width, height };
}
