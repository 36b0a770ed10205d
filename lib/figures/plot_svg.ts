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
  scale(name: string): Plot.Scale | undefined;
  outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

/** What {@linkcode plotSvg} records of one positional scale, for `checkFigureSvg()`. */
export interface ScaleGeometry {
  type: string;
  /** Pixel range (the plotting frame along this axis, or a facet's band). */
  range: [number, number];
  /** Domain of a continuous scale, in the units of its tick labels; absent for band scales. */
  domain?: [number, number];
  /** Whether the scale shows proportions as percent (`percent: true`). */
  percent?: boolean;
  /** Band width of a band or point scale. */
  bandwidth?: number;
}

const CONTINUOUS = new Set(["linear", "log", "pow", "sqrt", "symlog", "utc", "time"]);

/**
 * The positional scales of a rendered plot (`x`, `y`, `fx`, `fy`), written by {@linkcode plotSvg}
 * into the chart's `data-scales` attribute so that a check can read the frame and the domains from
 * the SVG alone.
 */
function scaleGeometry(node: SvgNode): Record<string, ScaleGeometry> {
  const out: Record<string, ScaleGeometry> = {};
  for (const name of ["x", "y", "fx", "fy"]) {
    const s = node.scale(name);
    if (!s || !s.range) continue;
    const [r0, r1] = s.range as number[];
    const g: ScaleGeometry = { type: String(s.type), range: [r0, r1] };
    if (CONTINUOUS.has(String(s.type)) && s.domain) {
      const d = (s.domain as unknown[]).map(Number);
      g.domain = [d[0], d[d.length - 1]];
    }
    if (s.percent) g.percent = true;
    if (s.bandwidth !== undefined) g.bandwidth = s.bandwidth;
    out[name] = g;
  }
  return out;
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
  node.setAttribute("data-scales", JSON.stringify(scaleGeometry(node)));
  const width = Number(node.getAttribute("width"));
  const height = Number(node.getAttribute("height"));
  return { svg: node.outerHTML, width, height };
}
