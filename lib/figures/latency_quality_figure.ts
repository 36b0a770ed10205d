/**
 * Latency against quality: one point per run (mean latency on a log scale, quality metric with
 * its interval), colour per run, named in the legend.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { logAxisX, logTicks } from "./_log_axis.ts";
import { plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { CATEGORICAL } from "./palette.ts";
import { metricLabel } from "../metrics/metric_order.ts";
import type { ScalingRow } from "../analysis/scaling_table.ts";
import { extent } from "../stats/extent.ts";

/** Options for {@linkcode latencyQualityFigure}. */
export interface LatencyQualityFigureOptions {
  /** Quality metric on the y axis. Default: `"bertscore_f1"`. */
  metric?: string;
  /** Latency metric. Default: `"latency_s"`. */
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
  const quality = rows.filter((r) => r.metric === metric && r.mean !== null);
  const points = quality
    .map((q) => ({ q, t: rows.find((r) => r.run === q.run && r.metric === latency) }))
    .filter(({ t }) => t !== undefined && t.mean !== null)
    .map(({ q, t }, i) => ({
      run: q.run,
      label: q.label,
      api: q.variant === "external",
      color: CATEGORICAL[i % CATEGORICAL.length],
      x: t!.mean as number,
      xlo: t!.lo,
      xhi: t!.hi,
      y: q.mean as number,
      ylo: q.lo,
      yhi: q.hi,
    }));
  if (points.length === 0) {
    throw new RangeError(`latencyQualityFigure(): no run has both ${metric} and ${latency}`);
  }
  const xs = points.flatMap((p) => [p.x, p.xlo ?? p.x, p.xhi ?? p.x]);
  const ys = points.flatMap((p) => [p.y, p.ylo ?? p.y, p.yhi ?? p.y]);
  const [xmin, xmax] = extent(xs), [ymin, ymax] = extent(ys);
  const ypad = Math.max((ymax - ymin) * 0.1, 0.005);
  const chart = plotSvg({
    width: 560,
    height: 340,
    marginLeft: 52,
    x: {
      type: "log",
      domain: [xmin / 1.3, xmax * 1.3],
    },
    y: {
      domain: [ymin - ypad, ymax + ypad],
      label: metricLabel(metric),
      labelArrow: "none",
      grid: true,
    },
    marks: [
      ...logAxisX(logTicks(xmin / 1.3, xmax * 1.3, { width: 560 - 52 - 20 }), {
        label: "Mean latency per answer (s, log scale)",
        labelAnchor: "right",
      }),
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
      Plot.dot(points.filter((p) => !p.api), {
        x: "x",
        y: "y",
        fill: "color",
        r: 5,
        stroke: "white",
      }),
      // API models: hollow, since their latency includes the network and the provider's load.
      Plot.dot(points.filter((p) => p.api), {
        x: "x",
        y: "y",
        fill: "white",
        stroke: "color",
        strokeWidth: 2,
        r: 5,
      }),
    ],
  });
  const legend: LegendItem[] = points.map((p) => ({
    label: p.api ? `${p.label} (API)` : p.label,
    color: p.color,
    // Hollow in the legend as in the chart.
    shape: p.api ? "ring" : "circle",
  }));
  return standaloneFigure([chart], {
    title: `Latency and quality: ${metricLabel(metric)} against time per answer`,
    subtitle: points.some((p) => p.api)
      ? "Mean per run with 95% intervals; up and left is better. Hollow: API models, whose latency (network, provider load) is not comparable with local GPU generation"
      : "Mean per run with 95% intervals; up and left is better",
    legend,
    note,
  });
}
