/**
 * One horizontal interval chart: categories down the y axis, a dot at the mean and a line over
 * the interval for each series, series offset vertically within a category so nothing overlaps.
 * Flagged points (small cells) are drawn hollow with a dashed interval. Shared by the forest,
 * domain, language and per-domain paired figures.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type PlotSvg, plotSvg } from "./plot_svg.ts";
import { extent } from "../stats/extent.ts";

/** One point of an interval panel. */
export interface IntervalPoint {
  category: string;
  series: string;
  mean: number;
  lo: number | null;
  hi: number | null;
  /** Drawn hollow with a dashed interval (e.g. n < 30). */
  flagged: boolean;
}

/** Options of {@linkcode intervalPanel}. */
export interface IntervalPanelOptions {
  /** Categories, top to bottom. */
  categories: string[];
  /** Series in legend order, with their colours. */
  series: { name: string; color: string }[];
  /** X-axis label. */
  xLabel: string;
  /** Draw a vertical rule at 0 (for differences). Default: `false`. */
  zero?: boolean;
  /** Offset series vertically within a category. Default: `true`. */
  dodge?: boolean;
  /** Chart width. Default: `400`. */
  width?: number;
  /** Left margin for category labels. Default: `150`. */
  marginLeft?: number;
}

/**
 * The least span of the x axis: `0.02`, two percentage points of a share, two units of the last
 * digit the report prints of other metrics. Data with less spread (every difference exactly zero,
 * every share 100%) are centred in it; a smaller span asks for ticks finer than anything printed,
 * whose labels (`−0.00005`) collide and run off the chart. Wider data get 6% padding each side.
 */
export const MIN_SPAN = 0.02;

/** Draws the panel. */
export function intervalPanel(
  points: readonly IntervalPoint[],
  options: IntervalPanelOptions,
): PlotSvg {
  const { categories, series, xLabel, zero = false, dodge = true, width = 400, marginLeft = 150 } =
    options;
  const k = dodge ? series.length : 1;
  const step = 7;
  const band = Math.max(18, k * step + 8);
  const values = points.flatMap((p) => [p.mean, p.lo ?? p.mean, p.hi ?? p.mean]).concat(
    zero ? [0] : [],
  );
  const [lo, hi] = extent(values);
  const pad = Math.max((hi - lo) * 0.06, (MIN_SPAN - (hi - lo)) / 2);
  const marks: Plot.Markish[] = [];
  if (zero) marks.push(Plot.ruleX([0], { stroke: "#444", strokeWidth: 1 }));
  series.forEach((s, i) => {
    const dy = dodge ? (i - (k - 1) / 2) * step : 0;
    for (const flagged of [false, true]) {
      const data = points.filter((p) => p.series === s.name && p.flagged === flagged);
      if (data.length === 0) continue;
      const bars = data.filter((p) => p.lo !== null && p.hi !== null);
      marks.push(
        Plot.ruleY(bars, {
          y: "category",
          x1: "lo",
          x2: "hi",
          dy,
          stroke: s.color,
          strokeWidth: 1.6,
          strokeDasharray: flagged ? "3,2" : undefined,
        }),
        Plot.dot(data, {
          y: "category",
          x: "mean",
          dy,
          r: 3.2,
          fill: flagged ? "white" : s.color,
          stroke: s.color,
          strokeWidth: 1.4,
        }),
      );
    }
  });
  return plotSvg({
    width,
    height: categories.length * band + 52,
    marginLeft,
    marginRight: 14,
    marginBottom: 40,
    x: {
      domain: [lo - pad, hi + pad],
      grid: true,
      label: xLabel,
      labelArrow: "none",
      labelAnchor: "center",
      ticks: Math.max(3, Math.floor((width - marginLeft) / 70)),
    },
    // Half a band of padding at each end, so that dodged series of the first and last category
    // stay inside the frame.
    y: { domain: categories, label: null, padding: 0.5 },
    marks,
  });
}
