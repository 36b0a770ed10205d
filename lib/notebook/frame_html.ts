/**
 * A Polars DataFrame as a readable HTML table for a notebook: its shape, each column's name and
 * type, the first and last rows (with a "…" row between when cut), long text shortened, numbers
 * right-aligned, and the whole table in a box that scrolls sideways instead of clipping columns.
 * @module
 */
import type pl from "nodejs-polars";

/** Options for {@linkcode frameHtml}. */
export interface FrameHtmlOptions {
  /** Rows shown from the top when the frame is cut. Default: `10`. */
  head?: number;
  /** Rows shown from the bottom when the frame is cut. Default: `5`. */
  tail?: number;
  /** Characters of a text cell shown before "…". Default: `80`. */
  maxChars?: number;
}

const esc = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll(
    '"',
    "&quot;",
  );

function cell(value: unknown, maxChars: number): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  }
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return [...text].length > maxChars ? [...text].slice(0, maxChars).join("") + "…" : text;
}

/**
 * Renders a frame as HTML.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { frameHtml } from "./frame_html.ts";
 * import assert from "node:assert/strict";
 * const html = frameHtml(pl.DataFrame({ run: ["a", "b"], chrf: [41.25, 50.5] }));
 * assert.match(html, /shape: \(2, 2\)/);
 * assert.match(html, /overflow-x:\s*auto/);
 * ```
 */
export function frameHtml(frame: pl.DataFrame, options: FrameHtmlOptions = {}): string {
  const { head = 10, tail = 5, maxChars = 80 } = options;
  const columns = frame.getColumns();
  const cut = frame.height > head + tail;
  const top = (cut ? frame.head(head) : frame).toRecords();
  const bottom = cut ? frame.tail(tail).toRecords() : [];
  const numeric = columns.map((c) => c.isNumeric());
  const thBase =
    "padding:2px 8px;white-space:nowrap;position:sticky;top:0;background:var(--jp-layout-color1,#fff)";
  const td = (i: number) =>
    `padding:2px 8px;white-space:nowrap;text-align:${numeric[i] ? "right" : "left"}`;
  const row = (r: Record<string, unknown>) =>
    "<tr>" +
    columns.map((c, i) => `<td style="${td(i)}">${esc(cell(r[c.name], maxChars))}</td>`).join("") +
    "</tr>";
  const header = "<tr>" +
    columns.map((c, i) =>
      `<th style="${thBase};text-align:${numeric[i] ? "right" : "left"}">${
        esc(c.name)
      }<br><small style="font-weight:normal;opacity:.7">${esc(c.dtype.variant)}</small></th>`
    ).join("") + "</tr>";
  const gap = cut
    ? `<tr>${columns.map((_, i) => `<td style="${td(i)}">…</td>`).join("")}</tr>`
    : "";
  return [
    `<div><small>shape: (${frame.height.toLocaleString("en")}, ${frame.width})` +
    (cut ? `; showing the first ${head} and last ${tail} rows` : "") + "</small></div>",
    '<div style="overflow-x:auto;max-width:100%;max-height:32em;overflow-y:auto">',
    '<table style="border-collapse:collapse;width:auto;table-layout:auto">',
    `<thead>${header}</thead>`,
    `<tbody>${top.map(row).join("")}${gap}${bottom.map(row).join("")}</tbody>`,
    "</table>",
    "</div>",
  ].join("\n");
}
