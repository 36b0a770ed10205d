/**
 * Latency distributions per run: every answer's generation time, binned on a log scale (a strip
 * whose shade is the share of the run's answers in each bin, so the figure's size does not grow
 * with the number of answers), with median, 95th percentile and mean marked. API models are
 * marked: their latency includes the network and the provider's load, so it does not compare
 * with local GPU generation.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { logAxisX, logTicks } from "./_log_axis.ts";
import { plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import type { LatencyRow } from "../analysis/latency_summary.ts";
import type { ScoredResults } from "../scored/load_scored.ts";
import { metricValues, runRows } from "../scored/run_columns.ts";
import { extent } from "../stats/extent.ts";

/** Options for {@linkcode latencyFigure}. */
export interface LatencyFigureOptions {
  /** Figure title. Default: `"Latency per answer"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
  /** Bins per decade of seconds. Default: `12`. */
  binsPerDecade?: number;
}

const SAMPLE = "#4269d0", MEDIAN = "#222222", P95 = "#ff725c", MEAN = "#efb118";

/** The y label of a run: its label, with "(API)" for external runs. */
function name(row: LatencyRow): string {
  return row.variant === "external" ? `${row.label} (API)` : row.label;
}

/** Draws the runs with per-sample latency; returns standalone SVG text. */
export function latencyFigure(
  scored: ScoredResults,
  summary: readonly LatencyRow[],
  options: LatencyFigureOptions = {},
): string {
  const { title = "Latency per answer", note, binsPerDecade = 12 } = options;
  const stats = summary.filter((s) => s.source === "samples" && s.median !== null);
  if (stats.length === 0) throw new RangeError("latencyFigure(): no run has per-sample latency");
  const bins: { y: string; x1: number; x2: number; share: number }[] = [];
  let lo = Infinity, hi = -Infinity;
  const perRun = stats.map((s) => {
    const v = metricValues(runRows(scored.frame, s.run), "latency_s").filter((x) => x > 0);
    const [a, b] = extent(v);
    if (a < lo) lo = a;
    if (b > hi) hi = b;
    return { s, v };
  });
  const step = 1 / binsPerDecade;
  const start = Math.floor(Math.log10(lo) / step) * step;
  for (const { s, v } of perRun) {
    const counts = new Map<number, number>();
    for (const x of v) {
      const k = Math.floor((Math.log10(x) - start) / step);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [k, c] of [...counts].sort((p, q) => p[0] - q[0])) {
      bins.push({
        y: name(s),
        x1: 10 ** (start + k * step),
        x2: 10 ** (start + (k + 1) * step),
        share: c / v.length,
      });
    }
  }
  const labels = stats.map(name);
  const rows = stats.map((s) => ({ ...s, y: name(s) }));
  const chart = plotSvg({
    width: 720,
    height: labels.length * 30 + 56,
    marginLeft: 150,
    marginRight: 20,
    marginBottom: 40,
    x: {
      type: "log",
      domain: [lo * 0.8, hi * 1.2],
    },
    y: { domain: labels, label: null },
    opacity: { domain: [0, 0.25], range: [0.08, 1], clamp: true },
    marks: [
      ...logAxisX(logTicks(lo * 0.8, hi * 1.2, { width: 720 - 150 - 20 }), {
        label: "Seconds per answer (log scale)",
      }),
      Plot.rectX(bins, {
        x1: "x1",
        x2: "x2",
        y: "y",
        fill: SAMPLE,
        fillOpacity: "share",
        inset: 0,
        insetTop: 6,
        insetBottom: 6,
      }),
      Plot.ruleY(rows, { y: "y", x1: "median", x2: "p95", stroke: "#666", strokeWidth: 1 }),
      Plot.dot(rows, {
        x: "mean",
        y: "y",
        symbol: "diamond",
        fill: MEAN,
        stroke: "#333",
        strokeWidth: 0.6,
        r: 4.5,
      }),
      Plot.dot(rows, { x: "median", y: "y", fill: MEDIAN, r: 4 }),
      Plot.dot(rows, { x: "p95", y: "y", symbol: "triangle", fill: P95, r: 4.5 }),
    ],
  });
  const legend: LegendItem[] = [
    { label: "share of answers (darker: more)", color: SAMPLE, shape: "square" },
    { label: "median", color: MEDIAN, shape: "circle" },
    { label: "95th percentile", color: P95, shape: "triangle" },
    { label: "mean", color: MEAN, shape: "diamond" },
  ];
  const api = stats.some((s) => s.variant === "external");
  return standaloneFigure([chart], {
    title,
    subtitle:
      "Generation time of every answer, binned on a log scale; the grey line joins median and 95th percentile" +
      (api
        ? ". (API): remote models, whose latency includes the network and the provider's load and is not comparable with local GPU generation"
        : ""),
    legend,
    note,
  });
}
