/**
 * Latency against quality: one point per run (mean latency on a log scale, quality metric with
 * its interval), colour per run, named in the legend.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { CATEGORICAL } from "./palette.ts";
import { metricLabel } from "../analysis/metric_order.ts";
import type { ScalingRow } from "../analysis/scaling_table.ts";

/** Options for {@linkcode latencyQualityFigure}. */
export interface LatencyQualityFigureOptions {
  /** Quality metric on the y axis. Default: `"bertscore_f1"`. */
  metric?: string;
  /** Latency column prefix. Default: `"latency_s"`. */
  latency?: string;
  /** Note under the figure. Default: none. */
  note?: string;
}

/** Draws the latency–quality figure; returns standalone SVG text. */
export function latencyQualityFigure(
  rows: readonly ScalingRow[],
  options: LatencyQualityFigureOptions = {},
): string {
  const { metric = "bertscore_f1", latency = "latency_s", note } = options;
  const points = rows
    .filter((r) =>
      typeof r[`${metric}_mean`] === "number" && typeof r[`${latency}_mean`] === "number"
    )
    .map((r, i) => ({
      run: r.run as string,
      label: r.label as string,
      color: CATEGORICAL[i % CATEGORICAL.length],
      x: r[`${latency}_mean`] as number,
      xlo: r[`${latency}_lo`] as number | null,
      xhi: r[`${latency}_hi`] as number | null,
      y: r[`${metric}_mean`] as number,
      ylo: r[`${metric}_lo`] as number | null,
      yhi: r[`${metric}_hi`] as number | null,
    }));
  if (points.length === 0) {
    throw new RangeError(`latencyQualityFigure(): no run has both ${metric} and ${latency}`);
  }
  const xs = points.flatMap((p) => [p.x, p.xlo ?? p.x, p.xhi ?? p.x]);
  const ys = points.flatMap((p) => [p.y, p.ylo ?? p.y, p.yhi ?? p.y]);
  const ypad = Math.max((Math.max(...ys) - Math.min(...ys)) * 0.1, 0.005);
  const chart = plotSvg({
    width: 560,
    height: 340,
    marginLeft: 52,
    x: {
      type: "log",
      domain: [Math.min(...xs) / 1.3, Math.max(...xs) * 1.3],
      label: "Mean latency per answer (s, log scale)",
      labelArrow: "none",
      grid: true,
    },
    y: {
      domain: [Math.min(...ys) - ypad, Math.max(...ys) + ypad],
      label: metricLabel(metric),
      labelArrow: "none",
      grid: true,
    },
    marks: [
      Plot.ruleX(points.filter((p) => p.ylo !== null), {
        x: "x",
        y1: "ylo",
        y2: "yhi",
        stroke: "color",
      }),
      Plot.ruleY(points.filter((p) => p.xlo !== null), {
        y: "y",
        x1: "xlo",
        x2: "xhi",
        stroke: "color",
      }),
      Plot.dot(points, { x: "x", y: "y", fill: "color", r: 5, stroke: "white" }),
    ],
  });
  const legend: LegendItem[] = points.map((p) => ({
    label: p.label,
    color: p.color,
    shape: "circle",
  }));
  return standaloneFigure([chart], {
    title: `Latency and quality: ${metricLabel(metric)} against time per answer`,
    subtitle: "Mean per run with 95% intervals; up and left is better",
    legend,
    note,
  });
}
