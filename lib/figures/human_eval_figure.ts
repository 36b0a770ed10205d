/**
 * The expert-evaluation figure: for each run (or label), the mean of each 1–5 criterion and the
 * hallucination rate, with 95% intervals, one panel per judgement. Groups are named on the
 * shared vertical axis, so no label floats over the marks.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type PlotSvg, plotSvg } from "./plot_svg.ts";
import { standaloneFigure } from "./standalone_figure.ts";
import { CATEGORICAL } from "./palette.ts";
import type { Cell } from "../tables/format_table.ts";

/** Options for {@linkcode humanEvalFigure}. */
export interface HumanEvalFigureOptions {
  /** Display names of groups (e.g. run id → run label). Default: the group ids. */
  names?: Readonly<Record<string, string>>;
  /** Figure title. Default: `"Expert evaluation: scores per run"` (or `per label`). */
  title?: string;
  /** Note under the figure (data source). Default: none. */
  note?: string;
}

const PANELS = [
  { key: "correctness", label: "Correctness (1–5, higher is better)", domain: [1, 5] },
  { key: "completeness", label: "Completeness (1–5, higher is better)", domain: [1, 5] },
  { key: "relevance", label: "Relevance (1–5, higher is better)", domain: [1, 5] },
  {
    key: "hallucination_rate",
    label: "Hallucination rate (share judged «да», lower is better)",
    domain: [0, 1],
  },
] as const;

/**
 * Draws the figure from {@linkcode humanEvalSummary} rows (grouped by `run` or `label`); returns
 * standalone SVG text.
 *
 * @example
 * ```ts
 * import { humanEvalFigure } from "./human_eval_figure.ts";
 * import assert from "node:assert/strict";
 * const row = (label: string, m: number) => ({ label, n: 50,
 *   correctness_mean: m, correctness_lo: m - 0.3, correctness_hi: m + 0.3,
 *   completeness_mean: m, completeness_lo: m - 0.3, completeness_hi: m + 0.3,
 *   relevance_mean: m, relevance_lo: m - 0.3, relevance_hi: m + 0.3,
 *   hallucination_rate_mean: 0.1, hallucination_rate_lo: 0.05, hallucination_rate_hi: 0.2 });
 * const svg = humanEvalFigure([row("A", 3.1), row("B", 2.9)]);
 * assert.match(svg, /^<svg xmlns/);
 * assert.match(svg, /per label/);
 * ```
 */
export function humanEvalFigure(
  rows: readonly Record<string, Cell>[],
  options: HumanEvalFigureOptions = {},
): string {
  if (rows.length === 0) throw new RangeError("humanEvalFigure() needs at least one row");
  const by = "run" in rows[0] ? "run" : "label";
  const { names = {}, title = `Expert evaluation: scores per ${by}`, note } = options;
  const groups = rows.map((r) => names[r[by] as string] ?? String(r[by]));
  const color = new Map(
    groups.map((g, i) => [g, by === "run" ? CATEGORICAL[i % CATEGORICAL.length] : "#4269d0"]),
  );
  const longest = Math.max(...groups.map((g) => [...g].length));
  const marginLeft = Math.min(220, 16 + longest * 6.6);
  const charts: PlotSvg[] = [];
  for (const panel of PANELS) {
    const points = rows
      .map((r, i) => ({
        group: groups[i],
        mean: r[`${panel.key}_mean`] as number,
        lo: r[`${panel.key}_lo`] as number,
        hi: r[`${panel.key}_hi`] as number,
        n: r.n as number,
      }))
      .filter((p) => typeof p.mean === "number" && !Number.isNaN(p.mean));
    charts.push(plotSvg({
      width: 300 + marginLeft,
      height: 40 + 26 * groups.length + 30,
      marginLeft,
      marginRight: 16,
      marginBottom: 38,
      x: {
        domain: [...panel.domain],
        grid: true,
        label: panel.label,
        labelArrow: "none",
        labelAnchor: "center",
      },
      y: { domain: groups, label: null },
      marks: [
        Plot.ruleY(points, {
          y: "group",
          x1: "lo",
          x2: "hi",
          stroke: (d: { group: string }) => color.get(d.group),
          strokeWidth: 2,
        }),
        Plot.dot(points, {
          y: "group",
          x: "mean",
          fill: (d: { group: string }) => color.get(d.group),
          r: 4.5,
          stroke: "white",
        }),
      ],
    }));
  }
  const n = [...new Set(rows.map((r) => r.n))];
  const subtitle =
    `Mean over questions (n = ${
      n.join(", ")
    }) with 95% percentile-bootstrap interval; each answer's score averaged over its raters` +
    (by === "label" ? ". Labels were shuffled per question, so each label mixes all systems" : "");
  return standaloneFigure(charts, { title, subtitle, note, columns: 2 });
}
