/**
 * Checks what a reader sees in a figure written by the report: marks inside their panel's frame,
 * axis domains that hold the data, percent axes that span what they label, a legend that matches
 * the marks, text that is not cut off, and a shape that fits a printed page.
 * @module
 */
import { DOMParser } from "linkedom";
import type { ScaleGeometry } from "./plot_svg.ts";
import { textWidth } from "./_text_width.ts";

/** One problem found in a figure. */
export interface FigureProblem {
  /** The rule broken: `frame`, `domain`, `percent`, `legend`, `clipped`, `ticks`, `overlap` or `printable`. */
  rule: string;
  /** What is wrong and where, in words. */
  message: string;
}

/** Options for {@linkcode checkFigureSvg}. */
export interface CheckFigureSvgOptions {
  /** Pixels a mark may overhang its frame (anti-aliasing, stroke widths). Default: `1`. */
  tolerance?: number;
  /**
   * Largest height/width ratio of a printable figure. Default: `9 / 7`: printed 7 in wide (a page
   * with 0.75 in margins), the figure must fit in 9 in of text height.
   */
  maxAspect?: number;
}

/** The defaults of {@linkcode CheckFigureSvgOptions}. */
export const CHECK_FIGURE_DEFAULTS: Required<CheckFigureSvgOptions> = {
  tolerance: 1,
  maxAspect: 9 / 7,
};

/** Tick labels closer than this (in pixels) run together ("9" and "10" read as "910"). */
const MIN_LABEL_GAP = 2;
/** Plot's default font size. */
const PLOT_FONT_SIZE = 10;
/** The `aria-label`s of Plot's marks (groups holding drawn data). */
const MARKS = new Set([
  "area",
  "arrow",
  "bar",
  "cell",
  "dot",
  "image",
  "line",
  "link",
  "rect",
  "rule",
  "text",
  "tick",
  "vector",
]);
/** Colours that carry no meaning a legend must explain. */
const NEUTRAL = new Set(["none", "currentcolor", "transparent", "inherit"]);

// deno-lint-ignore no-explicit-any
type El = any;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Checks an SVG figure written by the report (an Observable Plot chart from `plotSvg()`, or
 * several laid out by `standaloneFigure()`) and returns its problems, empty when there are none.
 *
 * Rules:
 * - `frame`: every mark (bar, rule, line, dot, text mark) lies inside its panel's plotting frame,
 *   the pixel ranges of the chart's scales (per facet for faceted charts);
 * - `domain`: every continuous axis domain contains the data drawn on it;
 * - `percent`: a percent axis (a `percent` scale, or an axis label with "%") has tick labels in
 *   0–100 and no mark past its last tick;
 * - `legend`: the colours of the legend's swatches are the colours of the marks, and vice versa
 *   (greys are exempt: they mark reference lines and shapes, not series);
 * - `clipped`: no text runs past the edge of its chart or of the figure (width measured in the
 *   figures' font);
 * - `ticks`: every axis tick has a label;
 * - `overlap`: no two tick labels of an axis overlap or touch (less than 2 px apart);
 * - `printable`: height / width ≤ `maxAspect` (default 9/7: at 7 in wide, at most 9 in tall).
 *
 * @param svg The SVG text.
 * @param options See {@linkcode CheckFigureSvgOptions}.
 * @returns The problems, in document order, rule by rule.
 *
 * @example
 * ```ts
 * import { checkFigureSvg } from "./check_figure_svg.ts";
 * import assert from "node:assert/strict";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400"></svg>';
 * assert.deepEqual(checkFigureSvg(svg).map((p) => p.rule), ["printable"]);
 * ```
 */
export function checkFigureSvg(svg: string, options: CheckFigureSvgOptions = {}): FigureProblem[] {
  const { tolerance, maxAspect } = { ...CHECK_FIGURE_DEFAULTS, ...options };
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml") as El;
  const root = doc.documentElement ?? doc.querySelector("svg");
  if (!root || String(root.tagName).toLowerCase() !== "svg") {
    throw new SyntaxError("checkFigureSvg() needs an SVG document: the root element is not <svg>");
  }
  const problems: FigureProblem[] = [];
  const nested = [...root.querySelectorAll("svg")] as El[];
  const charts = nested.length > 0 ? nested : [root];
  charts.forEach((chart, i) => {
    const name = charts.length > 1 ? `chart ${i + 1} (${axisTitle(chart)})` : "the chart";
    problems.push(...checkChart(chart, name, tolerance));
  });
  problems.push(...checkLegend(root, charts));
  problems.push(...checkTopText(root, tolerance));
  const [w, h] = size(root);
  if (w > 0 && h / w > maxAspect + 1e-9) {
    problems.push({
      rule: "printable",
      message: `The figure is ${w}×${h} px, height/width ${(h / w).toFixed(2)} > ${
        maxAspect.toFixed(2)
      }: printed ${7} in wide it is ${(7 * h / w).toFixed(1)} in tall, more than ${
        (7 * maxAspect).toFixed(1)
      } in of a page`,
    });
  }
  return problems;
}

function num(x: unknown, fallback = 0): number {
  const v = parseFloat(String(x ?? ""));
  return Number.isFinite(v) ? v : fallback;
}

function size(svg: El): [number, number] {
  const vb = String(svg.getAttribute("viewBox") ?? "").trim().split(/[\s,]+/).map(Number);
  const w = num(svg.getAttribute("width"), vb.length === 4 ? vb[2] : 0);
  const h = num(svg.getAttribute("height"), vb.length === 4 ? vb[3] : 0);
  return [w, h];
}

/** The translation of one element's `transform` attribute (translations only, as Plot writes). */
function translation(el: El): [number, number] {
  const t = el.getAttribute?.("transform");
  if (!t) return [0, 0];
  let x = 0, y = 0;
  for (const m of String(t).matchAll(/translate\(\s*([-\d.e+]+)(?:[\s,]+([-\d.e+]+))?\s*\)/g)) {
    x += num(m[1]);
    y += num(m[2]);
  }
  return [x, y];
}

/** Sum of the translations of `el` and its ancestors below `stop`. */
function offset(el: El, stop: El): [number, number] {
  let x = 0, y = 0;
  for (let e = el; e && e !== stop; e = e.parentNode) {
    const [dx, dy] = translation(e);
    x += dx;
    y += dy;
  }
  return [x, y];
}

/** An inherited attribute (font-size, text-anchor, fill ...). */
function inherited(el: El, name: string, stop?: El): string | null {
  for (let e = el; e && e.getAttribute; e = e.parentNode) {
    const v = e.getAttribute(name);
    if (v !== null && v !== undefined) return String(v);
    if (e === stop) break;
  }
  return null;
}

function length(value: string | null, fontSize: number): number {
  if (!value) return 0;
  return value.endsWith("em") ? num(value.slice(0, -2)) * fontSize : num(value);
}

function fontSizeOf(el: El): number {
  return num(inherited(el, "font-size"), PLOT_FONT_SIZE);
}

/** The box of a text element, its width measured in the figures' font. */
function textBox(el: El): Box {
  const size = fontSizeOf(el);
  const x = length(el.getAttribute("x"), size) + length(el.getAttribute("dx"), size);
  const y = length(el.getAttribute("y"), size) + length(el.getAttribute("dy"), size);
  const text = String(el.textContent ?? "");
  const bold = /^(bold|[6-9]00)$/.test(inherited(el, "font-weight") ?? "");
  const w = textWidth(text, size, { bold });
  const anchor = inherited(el, "text-anchor") ?? "start";
  const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
  const b = { x0, x1: x0 + w, y0: y - 0.8 * size, y1: y + 0.2 * size };
  // Plot turns y-axis labels with rotate(±90) after its translate.
  const angle = num(/rotate\(\s*([-\d.]+)/.exec(String(el.getAttribute("transform") ?? ""))?.[1]);
  if (angle === -90 || angle === 270) return { x0: b.y0, x1: b.y1, y0: -b.x1, y1: -b.x0 };
  if (angle === 90 || angle === -270) return { x0: -b.y1, x1: -b.y0, y0: b.x0, y1: b.x1 };
  return b;
}

/** Coordinates of a path's `d` (absolute commands, as d3-path writes them). */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  const tokens = [...d.matchAll(/([MLHVCSQTAZmlhvcsqtaz])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g)];
  let cmd = "M", args: number[] = [];
  let cx = 0, cy = 0;
  const arity: Record<string, number> = { M: 2, L: 2, T: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, A: 7 };
  const flush = () => {
    const up = cmd.toUpperCase(), rel = cmd !== up, k = arity[up];
    if (!k) return;
    while (args.length >= k) {
      const a = args.splice(0, k);
      if (up === "H") cx = rel ? cx + a[0] : a[0];
      else if (up === "V") cy = rel ? cy + a[0] : a[0];
      else {
        const [x, y] = [a[k - 2], a[k - 1]];
        cx = rel ? cx + x : x;
        cy = rel ? cy + y : y;
        if (up === "A") {
          // An arc (a circle symbol): its radius bounds the extent.
          points.push([cx - a[0], cy - a[1]], [cx + a[0], cy + a[1]]);
        }
      }
      points.push([cx, cy]);
    }
  };
  for (const t of tokens) {
    if (t[1]) {
      flush();
      cmd = t[1];
      args = [];
    } else args.push(num(t[2]));
  }
  flush();
  return points;
}

/** The local box of one drawn element, or `null` for elements that draw nothing measurable. */
function localBox(el: El): Box | null {
  const tag = String(el.tagName).toLowerCase();
  const box = (xs: number[], ys: number[]): Box => ({
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    y0: Math.min(...ys),
    y1: Math.max(...ys),
  });
  switch (tag) {
    case "rect": {
      const x = num(el.getAttribute("x")), y = num(el.getAttribute("y"));
      const w = num(el.getAttribute("width")), h = num(el.getAttribute("height"));
      return box([x, x + w], [y, y + h]);
    }
    case "line":
      return box(
        [num(el.getAttribute("x1")), num(el.getAttribute("x2"))],
        [num(el.getAttribute("y1")), num(el.getAttribute("y2"))],
      );
    case "circle": {
      // A dot is inside when its centre is: Plot does not pad the frame for the radius.
      const cx = num(el.getAttribute("cx")), cy = num(el.getAttribute("cy"));
      return box([cx], [cy]);
    }
    case "path": {
      const d = el.getAttribute("d");
      if (!d) return null;
      const pts = pathPoints(String(d));
      if (pts.length === 0) return null;
      // A symbol (a path drawn around its own translate) counts by its centre, as a dot.
      const symbol = el.getAttribute("transform") &&
        pts.every(([x, y]) => Math.abs(x) < 12 && Math.abs(y) < 12);
      if (symbol) return box([0], [0]);
      return box(pts.map((p) => p[0]), pts.map((p) => p[1]));
    }
    case "text":
      return textBox(el);
    default:
      return null;
  }
}

function shift(b: Box, [dx, dy]: [number, number]): Box {
  return { x0: b.x0 + dx, x1: b.x1 + dx, y0: b.y0 + dy, y1: b.y1 + dy };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function fmtValue(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString();
}

/** The axis labels of a chart, to name it in messages. */
function axisTitle(chart: El): string {
  const labels = [...chart.querySelectorAll('g[aria-label$="-axis label"] text')].map((t: El) =>
    String(t.textContent).trim()
  ).filter((t) => t);
  return labels.join("; ") || "no axis label";
}

function scalesOf(chart: El): Record<string, ScaleGeometry> {
  const raw = chart.getAttribute("data-scales");
  if (!raw) return {};
  try {
    return JSON.parse(String(raw));
  } catch {
    throw new SyntaxError(`checkFigureSvg(): a chart's data-scales attribute is not JSON: ${raw}`);
  }
}

/** The facet group (a child of a mark group that Plot translates per facet), if any. */
function facetOf(el: El, markGroup: El): El | null {
  for (let e = el.parentNode; e && e !== markGroup; e = e.parentNode) {
    if (
      e.parentNode === markGroup && !e.getAttribute("aria-label") && e.getAttribute("transform")
    ) {
      return e;
    }
  }
  return null;
}

function invert(s: ScaleGeometry, px: number): number {
  const [r0, r1] = s.range, [d0, d1] = s.domain!;
  const t = (px - r0) / (r1 - r0);
  if (s.type === "log" && d0 > 0 && d1 > 0) return Math.exp(Math.log(d0) + t * Math.log(d1 / d0));
  return d0 + t * (d1 - d0);
}

function checkChart(chart: El, name: string, tol: number): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const scales = scalesOf(chart);
  const [w, h] = size(chart);
  const span = (s: ScaleGeometry | undefined, whole: number): [number, number] =>
    s ? [Math.min(...s.range), Math.max(...s.range)] : [0, whole];
  const xFrame = span(scales.x ?? scales.fx, w), yFrame = span(scales.y ?? scales.fy, h);
  const ticks = axisTicks(chart);
  const reported = new Set<string>();
  const report = (p: FigureProblem) => {
    if (reported.has(p.message)) return;
    reported.add(p.message);
    problems.push(p);
  };
  for (const group of chart.querySelectorAll("g[aria-label]") as El[]) {
    const mark = String(group.getAttribute("aria-label"));
    if (!MARKS.has(mark)) continue;
    const elements = [...group.querySelectorAll("rect, line, circle, path, text")] as El[];
    elements.forEach((el, k) => {
      const local = localBox(el);
      if (!local) return;
      const facet = facetOf(el, group);
      const box = shift(local, offset(el, chart));
      const [fdx, fdy] = facet ? translation(facet) : [0, 0];
      // Within a facet the frame is the x and y ranges, moved by the facet's translation.
      const fx: [number, number] = facet && scales.x ? [xFrame[0] + fdx, xFrame[1] + fdx] : xFrame;
      const fy: [number, number] = facet && scales.y ? [yFrame[0] + fdy, yFrame[1] + fdy] : yFrame;
      const what = `${mark} ${k + 1} in ${name}`;
      if (
        box.x0 < fx[0] - tol || box.x1 > fx[1] + tol || box.y0 < fy[0] - tol ||
        box.y1 > fy[1] + tol
      ) {
        report({
          rule: "frame",
          message: `${what} spans x ${fmt(box.x0)}–${fmt(box.x1)}, y ${fmt(box.y0)}–${
            fmt(box.y1)
          }, outside its plotting frame x ${fmt(fx[0])}–${fmt(fx[1])}, y ${fmt(fy[0])}–${
            fmt(fy[1])
          }`,
        });
      }
      for (const axis of ["x", "y"] as const) {
        const s = scales[axis];
        if (!s?.domain) continue;
        const [lo, hi] = axis === "x" ? [box.x0, box.x1] : [box.y0, box.y1];
        const shiftBy = axis === "x" ? fdx : fdy;
        const [r0, r1] = [Math.min(...s.range) + shiftBy, Math.max(...s.range) + shiftBy];
        if (mark === "text") continue; // a text mark's extent is its label, not its datum
        for (const px of [lo, hi]) {
          if (px < r0 - tol || px > r1 + tol) {
            const v = invert(s, px - shiftBy);
            const [d0, d1] = [Math.min(...s.domain), Math.max(...s.domain)];
            report({
              rule: "domain",
              message: `${what} draws ${axis} = ${fmtValue(v)}, outside the ${axis} domain [${
                fmtValue(d0)
              }, ${fmtValue(d1)}]`,
            });
          }
        }
      }
      for (const axis of ["x", "y"] as const) {
        const t = ticks[axis];
        const percent = scales[axis]?.percent || /%|percent/i.test(t.label);
        if (!percent || t.ticks.length === 0 || mark === "text") continue;
        const last = t.ticks.reduce((
          a,
          b,
        ) => (Math.abs(b.px - t.origin) > Math.abs(a.px - t.origin) ? b : a));
        const far = axis === "x"
          ? (last.px >= t.origin ? box.x1 - last.px : last.px - box.x0)
          : (last.px >= t.origin ? box.y1 - last.px : last.px - box.y0);
        if (far > tol) {
          report({
            rule: "percent",
            message: `${what} runs ${
              fmt(far)
            } px past the last tick (${last.label}) of the percent ${axis} axis "${t.label}"`,
          });
        }
      }
    });
  }
  for (const axis of ["x", "y"] as const) {
    const t = ticks[axis];
    const percent = scales[axis]?.percent || /%|percent/i.test(t.label);
    if (!percent) continue;
    const bad = t.ticks.filter((k) => !(k.value >= 0 && k.value <= 100));
    if (bad.length > 0) {
      report({
        rule: "percent",
        message: `The percent ${axis} axis "${t.label}" of ${name} has tick labels outside 0–100: ${
          bad.map((k) => k.label).join(", ")
        }`,
      });
    }
    const s = scales[axis];
    if (s?.percent && s.domain && (Math.min(...s.domain) < 0 || Math.max(...s.domain) > 100)) {
      report({
        rule: "percent",
        message: `The percent ${axis} axis "${t.label}" of ${name} has domain [${
          s.domain.map(fmtValue).join(", ")
        }], beyond 0–100`,
      });
    }
  }
  // Every tick carries a label (Plot's log axes blank some of them).
  for (const axis of ["x", "y"] as const) {
    const tickGroups = [...chart.querySelectorAll(`g[aria-label="${axis}-axis tick"]`)] as El[];
    const labelGroups = [
      ...chart.querySelectorAll(`g[aria-label="${axis}-axis tick label"]`),
    ] as El[];
    tickGroups.forEach((group, i) => {
      const ticks = group.querySelectorAll("path, line").length;
      const labelGroup = labelGroups[i];
      if (!labelGroup) return;
      const labels = ([...labelGroup.querySelectorAll("text")] as El[]).filter((t) =>
        String(t.textContent ?? "").trim() !== ""
      ).length;
      const boxes = ([...labelGroup.querySelectorAll("text")] as El[])
        .filter((t) =>
          String(t.textContent ?? "").trim() !== ""
        )
        .map((t) => ({
          text: String(t.textContent).trim(),
          box: shift(textBox(t), offset(t, chart)),
        }))
        .sort((a, b) => axis === "x" ? a.box.x0 - b.box.x0 : a.box.y0 - b.box.y0);
      for (let k = 1; k < boxes.length; k++) {
        const [a, b] = [boxes[k - 1].box, boxes[k].box];
        const gap = axis === "x" ? b.x0 - a.x1 : b.y0 - a.y1;
        if (gap < MIN_LABEL_GAP) {
          report({
            rule: "overlap",
            message: `Tick labels "${boxes[k - 1].text}" and "${
              boxes[k].text
            }" of the ${axis} axis of ${name} are ${
              gap < 0 ? `overlapping by ${fmt(-gap)} px` : `${fmt(gap)} px apart`
            } (less than ${MIN_LABEL_GAP} px reads as one label)`,
          });
        }
      }
      if (labels < ticks) {
        report({
          rule: "ticks",
          message: `The ${axis} axis of ${name} has ${ticks} ticks but only ${labels} tick labels`,
        });
      }
    });
  }
  // Text in the chart (tick labels, axis labels, text marks) must not be cut at the chart's edge:
  // a nested <svg> clips what lies outside its viewport.
  for (const el of chart.querySelectorAll("text") as El[]) {
    if (!String(el.textContent ?? "").trim()) continue;
    const b = shift(textBox(el), offset(el, chart));
    if (b.x0 < -tol || b.x1 > w + tol || b.y0 < -tol - 2 || b.y1 > h + tol + 2) {
      report({
        rule: "clipped",
        message: `Text "${String(el.textContent).trim()}" in ${name} spans x ${fmt(b.x0)}–${
          fmt(b.x1)
        }, y ${fmt(b.y0)}–${fmt(b.y1)}, beyond the chart's ${fmt(w)}×${fmt(h)} px`,
      });
    }
  }
  return problems;
}

interface AxisTicks {
  label: string;
  /** The pixel position of the axis line (the frame edge the ticks hang from). */
  origin: number;
  ticks: { px: number; value: number; label: string }[];
}

/** Tick labels and positions of the chart's x and y axes (the first axis of each). */
function axisTicks(chart: El): Record<"x" | "y", AxisTicks> {
  const out = {} as Record<"x" | "y", AxisTicks>;
  const scales = scalesOf(chart);
  for (const axis of ["x", "y"] as const) {
    const labelGroup = chart.querySelector(`g[aria-label="${axis}-axis label"]`);
    const label = labelGroup ? String(labelGroup.textContent ?? "").trim() : "";
    const group = chart.querySelector(`g[aria-label="${axis}-axis tick label"]`);
    const ticks: AxisTicks["ticks"] = [];
    if (group) {
      for (const t of group.querySelectorAll("text") as El[]) {
        const [dx, dy] = offset(t, group);
        const text = String(t.textContent ?? "").trim().replace(/−/g, "-").replace(/[,%\s]/g, "");
        const value = Number(text);
        if (text === "" || !Number.isFinite(value)) continue;
        ticks.push({ px: axis === "x" ? dx : dy, value, label: String(t.textContent).trim() });
      }
    }
    const s = scales[axis];
    const origin = s?.domain
      ? s.range[s.domain[0] <= s.domain[1] ? 0 : 1]
      : ticks.length > 0
      ? ticks.reduce((a, b) => (Math.abs(b.value) < Math.abs(a.value) ? b : a)).px
      : 0;
    out[axis] = { label, origin, ticks };
  }
  return out;
}

/** A colour in a comparable form (lower case, `#rrggbb` where possible). */
function normalColor(c: string): string {
  const s = c.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const named: Record<string, string> = {
    white: "#ffffff",
    black: "#000000",
    red: "#ff0000",
    blue: "#0000ff",
    green: "#008000",
  };
  return named[s] ?? s;
}

/** Whether a colour is a grey (or white, black, none): exempt from the legend rule. */
function neutral(c: string): boolean {
  if (NEUTRAL.has(c) || c.startsWith("url(")) return true;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(c);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return Math.max(r, g, b) - Math.min(r, g, b) < 40;
}

function colorsOf(el: El): string[] {
  return ["fill", "stroke"].map((a) => el.getAttribute(a)).filter((c) => c).map((c) =>
    normalColor(String(c))
  );
}

/** The legend: swatches drawn outside the charts (by `standaloneFigure()`), and the marks' colours. */
function checkLegend(root: El, charts: El[]): FigureProblem[] {
  const inChart = (el: El) => charts.some((c) => c !== root && c.contains(el));
  const swatches = ([...root.querySelectorAll("rect, circle, line, path")] as El[])
    .filter((el) => !inChart(el) && el.getAttribute("width") !== "100%");
  const legend = new Set(swatches.flatMap(colorsOf).filter((c) => !neutral(c)));
  if (swatches.length === 0) return [];
  const used = new Set<string>();
  for (const chart of charts) {
    for (const group of chart.querySelectorAll("g[aria-label]") as El[]) {
      if (!MARKS.has(String(group.getAttribute("aria-label")))) continue;
      for (const el of [group, ...group.querySelectorAll("*")] as El[]) {
        for (const c of colorsOf(el)) if (!neutral(c)) used.add(c);
      }
    }
  }
  const problems: FigureProblem[] = [];
  for (const c of legend) {
    if (!used.has(c)) {
      problems.push({
        rule: "legend",
        message: `The legend shows colour ${c}, which no mark uses`,
      });
    }
  }
  for (const c of used) {
    if (!legend.has(c)) {
      problems.push({
        rule: "legend",
        message: `Marks use colour ${c}, which the legend does not show`,
      });
    }
  }
  return problems;
}

/** Titles, legends and notes of the whole figure must fit its width and height. */
function checkTopText(root: El, tol: number): FigureProblem[] {
  const [w, h] = size(root);
  const problems: FigureProblem[] = [];
  for (const el of root.querySelectorAll("text") as El[]) {
    if (!String(el.textContent ?? "").trim()) continue;
    let e = el.parentNode, nestedSvg = false;
    for (; e && e !== root; e = e.parentNode) {
      if (String(e.tagName).toLowerCase() === "svg") nestedSvg = true;
    }
    if (nestedSvg) continue;
    const b = shift(textBox(el), offset(el, root));
    if (b.x0 < -tol || b.x1 > w + tol || b.y0 < -tol || b.y1 > h + tol) {
      problems.push({
        rule: "clipped",
        message: `Text "${String(el.textContent).trim()}" spans x ${fmt(b.x0)}–${fmt(b.x1)}, y ${
          fmt(b.y0)
        }–${fmt(b.y1)}, beyond the figure's ${fmt(w)}×${fmt(h)} px`,
      });
    }
  }
  return problems;
}
