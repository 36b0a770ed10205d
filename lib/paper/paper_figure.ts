/**
 * A report figure as a paper wants it: the figure's own title, subtitle and source line taken
 * out of the image (they go into the LaTeX caption) and the image cropped to what is left (legend
 * and charts). Works on figures made by `standaloneFigure()`, which marks its heading and note
 * and records where the body lies (`data-body="top bottom"`); any other SVG is kept whole.
 * @module
 */

/** A figure for the paper. */
export interface PaperFigure {
  /** The SVG without heading and note, cropped. */
  svg: string;
  /** The figure's title and subtitle, as one sentence each ("Title. Subtitle."); "" when it had none. */
  heading: string;
  /** The figure's source line; "" when it had none. */
  note: string;
}

const GROUP = (cls: string) => new RegExp(`<g class="${cls}">([\\s\\S]*?)</g>`);

function texts(markup: string | undefined): string {
  if (!markup) return "";
  return [...markup.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]).join(" ")
    .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&").replace(/\s+/g, " ").trim();
}

/**
 * Strips the heading and note of a figure and crops it.
 *
 * @example
 * ```ts
 * import { standaloneFigure } from "../figures/standalone_figure.ts";
 * import { paperFigure } from "./paper_figure.ts";
 * import assert from "node:assert/strict";
 * const chart = { svg: '<svg width="300" height="100"></svg>', width: 300, height: 100 };
 * const svg = standaloneFigure([chart], { title: "Scaling", note: "Source: x.json" });
 * const p = paperFigure(svg);
 * assert.equal(p.heading, "Scaling.");
 * assert.equal(p.note, "Source: x.json");
 * assert.doesNotMatch(p.svg, /Scaling|Source/);
 * ```
 */
export function paperFigure(svg: string): PaperFigure {
  const body = /<svg\b[^>]*\sdata-body="([0-9.]+) ([0-9.]+)"/.exec(svg);
  const width = Number(/<svg\b[^>]*\swidth="([0-9.]+)"/.exec(svg)?.[1]);
  if (!body || !(width > 0)) return { svg, heading: "", note: "" };
  const heading = GROUP("figure-heading").exec(svg)?.[1];
  const note = GROUP("figure-note").exec(svg)?.[1];
  const top = Number(body[1]);
  const height = Math.ceil(Number(body[2]) - top);
  const cropped = svg
    .replace(GROUP("figure-heading"), "")
    .replace(GROUP("figure-note"), "")
    .replace(/(<svg\b[^>]*?)\sheight="[0-9.]+"/, `$1 height="${height}"`)
    .replace(/(<svg\b[^>]*?)\sviewBox="[^"]*"/, `$1 viewBox="0 ${top} ${width} ${height}"`)
    .replace(
      '<rect width="100%" height="100%" fill="white"/>',
      `<rect y="${top}" width="${width}" height="${height}" fill="white"/>`,
    );
  // The title is drawn bold, the subtitle under it; as a caption they are two sentences.
  const title = texts(
    heading?.replace(/<text\b(?![^>]*font-weight="bold")[^>]*>[\s\S]*?<\/text>/g, ""),
  );
  const subtitle = texts(
    heading?.replace(/<text\b[^>]*font-weight="bold"[^>]*>[\s\S]*?<\/text>/g, ""),
  );
  const sentence = (s: string) => (s && !/[.!?]$/.test(s) ? `${s}.` : s);
  return {
    svg: cropped,
    heading: [sentence(title), sentence(subtitle)].filter(Boolean).join(" "),
    note: texts(note),
  };
}
