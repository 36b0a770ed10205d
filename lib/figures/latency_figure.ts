/**
 * Latency distributions: every answer's generation time as a faint tick per run (log scale),
 * with the median, the 95th percentile and the mean marked, so that a few slow answers cannot
 * hide behind a mean.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import type { LatencyRow } from "../analysis/latency_summary.ts";
import type { RunResult } from "../results/run_result.ts";

/** Options for {@linkcode latencyFigure}. */
export interface LatencyFigureOptions {
  /** Latency metric of the samples. Default: `"latency_s"`. */
  metric?: string;
  /** Figure title. Default: `"Latency per answer"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
}

const SAMPLE = "#4269d0", MEDIAN = "#222222", P95 = "#ff725c", MEAN = "#efb118";

/** Draws runs with per-sample records and their summary rows; returns standalone SVG text. */
export function latencyFigure(
  runs: readonly RunResult[],
  summary: readonly LatencyRow[],
  options: LatencyFigureOptions = {},
): string {
  const { metric = "latency_s", title = "Latency per answer", note } = options;
  const withSamples = runs.filter((r) => r.samples !== null);
  const ticks = withSamples.flatMap((r) =>
    r.samples!.map((s) => s.metrics[metric]).filter((v): v is number =>
      typeof v === "number" && v > 0
    )
      .map((v) => ({ label: r.run.label, v }))
  );
  if (ticks.length === 0) throw new RangeError("latencyFigure(): no run has per-sample latency");
  const labels = withSamples.map((r) => r.run.label);
  const stats = summary.filter((s) =>
    s.source === "samples" && labels.includes(s.label) && s.median !== null
  );
  // One tick per answer (160,000 at 32 runs × 5,000 questions): no spread into Math.min/max,
  // which overflows the call stack above about 120,000 arguments.
  let lo = Infinity, hi = -Infinity;
  for (const t of ticks) {
    lo = Math.min(lo, t.v);
    hi = Math.max(hi, t.v);
  }
  const chart = plotSvg({
    width: 720,
    height: labels.length * 30 + 56,
    marginLeft: 130,
    marginRight: 20,
    marginBottom: 40,
    x: {
      type: "log",
      domain: [lo * 0.8, hi * 1.2],
      ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500].filter((t) =>
        t >= lo * 0.8 && t <= hi * 1.2
      ),
      tickFormat: (d: number) => String(d),
      grid: true,
      label: "Seconds per answer (log scale)",
      labelArrow: "none",
      labelAnchor: "center",
    },
    y: { domain: labels, label: null },
    marks: [
      Plot.tickX(ticks, { x: "v", y: "label", stroke: SAMPLE, strokeOpacity: 0.18 }),
      Plot.ruleY(stats, { y: "label", x1: "median", x2: "p95", stroke: "#666", strokeWidth: 1 }),
      Plot.dot(stats, {
        x: "mean",
        y: "label",
        symbol: "diamond",
        fill: MEAN,
        stroke: "#333",
        strokeWidth: 0.6,
        r: 4.5,
      }),
      Plot.dot(stats, { x: "median", y: "label", fill: MEDIAN, r: 4 }),
      Plot.dot(stats, { x: "p95", y: "label", symbol: "triangle", fill: P95, r: 4.5 }),
    ],
  });
  const legend: LegendItem[] = [
    { label: "one answer", color: SAMPLE, shape: "line" },
    { label: "median", color: MEDIAN, shape: "circle" },
    { label: "95th percentile (triangle)", color: P95, shape: "circle" },
    { label: "mean (diamond)", color: MEAN, shape: "circle" },
  ];
  return standaloneFigure([chart], {
    title,
    subtitle:
      "Every answer's generation time (ticks); the grey line joins median and 95th percentile",
    legend,
    note,
  });
}
