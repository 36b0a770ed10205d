/**
 * Lays out a complete figure as one standalone SVG document: title, optional subtitle, a legend
 * and one or more Plot charts side by side, with `xmlns` set and white background, so that the
 * file is self-contained for a paper (no HTML wrapper) and rasterises identically.
 * @module
 */
import { FIGURE_FONT, type PlotSvg } from "./plot_svg.ts";
import { textWidth as measure } from "./_text_width.ts";

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  /** Swatch shape. Default: `"square"`. */
  shape?: "square" | "circle" | "ring" | "triangle" | "diamond" | "line" | "dashed";
}

/** Options for {@linkcode standaloneFigure}. */
export interface StandaloneFigureOptions {
  title: string;
  subtitle?: string;
  /** Legend entries, drawn in rows under the title. Default: none. */
  legend?: LegendItem[];
  /** A note drawn under the charts in small type (e.g. data source). Default: none. */
  note?: string;
  /** Gap between charts in pixels. Default: `16`. */
  gap?: number;
  /** Charts per row; further charts wrap to new rows. Default: all in one row. */
  columns?: number;
}

const PAD = 12;
const TITLE_SIZE = 15;
const TEXT_SIZE = 11;

export function escapeXml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll(
    '"',
    "&quot;",
  );
}

/** Width of a line in the figures' font (measured from DejaVu Sans, so lines wrap where they fill). */
function textWidth(s: string, size: number, bold = false): number {
  return measure(s, size, { bold });
}

function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function swatch(item: LegendItem, x: number, y: number): string {
  const c = escapeXml(item.color);
  switch (item.shape ?? "square") {
    case "circle":
      return `<circle cx="${x + 5}" cy="${y - 4}" r="4.5" fill="${c}"/>`;
    case "ring":
      return `<circle cx="${x + 5}" cy="${
        y - 4
      }" r="3.8" fill="white" stroke="${c}" stroke-width="1.8"/>`;
    case "triangle":
      return `<path d="M${x + 5},${y - 9.5}L${x + 10},${y - 0.5}L${x},${y - 0.5}Z" fill="${c}"/>`;
    case "diamond":
      return `<path d="M${x + 5},${y - 10}L${x + 10},${y - 4}L${x + 5},${y + 2}L${x},${
        y - 4
      }Z" fill="${c}"/>`;
    case "line":
      return `<line x1="${x}" x2="${x + 14}" y1="${y - 4}" y2="${
        y - 4
      }" stroke="${c}" stroke-width="2"/>`;
    case "dashed":
      return `<line x1="${x}" x2="${x + 14}" y1="${y - 4}" y2="${
        y - 4
      }" stroke="${c}" stroke-width="2" stroke-dasharray="4,2"/>`;
    default:
      return `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${c}"/>`;
  }
}

/**
 * Composes charts into one standalone SVG string.
 *
 * @example
 * ```ts
 * import { standaloneFigure } from "./standalone_figure.ts";
 * import assert from "node:assert/strict";
 * const chart = { svg: '<svg width="100" height="50"></svg>', width: 100, height: 50 };
 * const svg = standaloneFigure([chart], { title: "Қазақ тілі", legend: [{ label: "FT", color: "red" }] });
 * assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 * assert.match(svg, /Қазақ тілі/);
 * ```
 */
export function standaloneFigure(charts: PlotSvg[], options: StandaloneFigureOptions): string {
  const { title, subtitle, legend = [], note, gap = 16, columns = charts.length } = options;
  if (charts.length === 0) throw new RangeError("standaloneFigure() needs at least one chart");
  const rows: PlotSvg[][] = [];
  for (let i = 0; i < charts.length; i += columns) rows.push(charts.slice(i, i + columns));
  const chartsWidth = Math.max(
    ...rows.map((row) => row.reduce((w, c) => w + c.width, 0) + gap * (row.length - 1)),
  );
  const width = Math.ceil(Math.max(chartsWidth + 2 * PAD, 320));
  const inner = width - 2 * PAD;
  const parts: string[] = ['<g class="figure-heading">'];
  let y = PAD + TITLE_SIZE;
  for (const line of wrap(title, inner, TITLE_SIZE, true)) {
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="${TITLE_SIZE}" font-weight="bold">${
        escapeXml(line)
      }</text>`,
    );
    y += TITLE_SIZE + 4;
  }
  if (subtitle) {
    for (const line of wrap(subtitle, inner, TEXT_SIZE + 1)) {
      parts.push(
        `<text x="${PAD}" y="${y}" font-size="${TEXT_SIZE + 1}" fill="#444">${
          escapeXml(line)
        }</text>`,
      );
      y += TEXT_SIZE + 5;
    }
  }
  parts.push("</g>");
  // Where the heading (title, subtitle) ends and the note begins: a paper's version of the figure
  // is cropped to the part between (see lib/paper/paper_figure.ts).
  const bodyTop = y - TEXT_SIZE;
  if (legend.length > 0) {
    y += 6;
    let x = PAD;
    for (const item of legend) {
      const w = 18 + textWidth(item.label, TEXT_SIZE) + 14;
      if (x > PAD && x + w > width - PAD) {
        x = PAD;
        y += TEXT_SIZE + 7;
      }
      parts.push(swatch(item, x, y));
      parts.push(
        `<text x="${x + 18}" y="${y}" font-size="${TEXT_SIZE}">${escapeXml(item.label)}</text>`,
      );
      x += w;
    }
    y += 4;
  }
  y += 8;
  for (const row of rows) {
    let x = PAD;
    for (const chart of row) {
      parts.push(`<g transform="translate(${x},${y})">${chart.svg}</g>`);
      x += chart.width + gap;
    }
    y += Math.max(...row.map((c) => c.height)) + gap;
  }
  y -= gap;
  const bodyBottom = y + 4;
  if (note) {
    parts.push('<g class="figure-note">');
    y += 6;
    for (const line of wrap(note, inner, TEXT_SIZE - 1)) {
      y += TEXT_SIZE + 2;
      parts.push(
        `<text x="${PAD}" y="${y}" font-size="${TEXT_SIZE - 1}" fill="#555">${
          escapeXml(line)
        }</text>`,
      );
    }
    parts.push("</g>");
  }
  const height = Math.ceil(y + PAD);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FIGURE_FONT}" data-body="${bodyTop} ${bodyBottom}">` +
    `<rect width="100%" height="100%" fill="white"/>${parts.join("")}</svg>\n`;
}
