/**
 * The scaling figure: for each metric, mean and 95% interval against model size, base and
 * fine-tuned side by side (connected across sizes), external models as dashed reference lines
 * named in the legend (never as labels on the chart, so nothing overlaps).
 * @module
 */
import * as Plot from "@observablehq/plot";
import { logAxisX } from "./_log_axis.ts";
import { type PlotSvg, plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { REFERENCE_COLORS, VARIANT_COLORS } from "./palette.ts";
import { LOWER_IS_BETTER, metricLabel } from "../metrics/metric_order.ts";
import type { ScalingRow } from "../analysis/scaling_table.ts";
import { extent } from "../stats/extent.ts";

/** Options for {@linkcode scalingFigure}. */
export interface ScalingFigureOptions {
  /** Metrics, one panel each. Default: BERTScore, citation accuracy, hallucination rate, key info. */
  metrics?: string[];
  /** Figure title. Default: `"Scaling: quality against model size"`. */
  title?: string;
  /** Note under the figure (data source). Default: none. */
  note?: string;
  /** Panels per row. Default: `2`. */
  columns?: number;
}

interface Point {
  label: string;
  variant: string;
  size: number;
  x: number;
  mean: number;
  lo: number | null;
  hi: number | null;
}

/**
 * Draws the scaling figure from scaling-table rows; returns standalone SVG text.
 * Sized runs (size_b set) are drawn against size; runs without a size (external models) are
 * reference lines.
 */
export function scalingFigure(
  rows: readonly ScalingRow[],
  options: ScalingFigureOptions = {},
): string {
  const {
    metrics = ["bertscore_f1", "citation_accuracy", "hallucination_rate", "key_info"],
    title = "Scaling: quality against model size",
    note,
    columns = 2,
  } = options;
  const runsOf = new Map<string, ScalingRow>();
  for (const r of rows) if (!runsOf.has(r.run)) runsOf.set(r.run, r);
  const sized = [...runsOf.values()].filter((r) => r.size_b !== null);
  const refs = [...runsOf.values()].filter((r) => r.size_b === null);
  const sizes = [...new Set(sized.map((r) => r.size_b as number))].sort((a, b) => a - b);
  const variants = [...new Set(sized.map((r) => r.variant as string))];
  const offset = (
    v: string,
  ) => (variants.length < 2 ? 1 : 1 + 0.05 * (variants.indexOf(v) - (variants.length - 1) / 2));
  const refColor = new Map(
    refs.map((r, i) => [r.run, REFERENCE_COLORS[i % REFERENCE_COLORS.length]]),
  );
  const charts: PlotSvg[] = [];
  for (const m of metrics) {
    const of = rows.filter((r) => r.metric === m && r.mean !== null);
    const points: Point[] = of.filter((r) => r.size_b !== null).map((r) => ({
      label: r.label,
      variant: r.variant,
      size: r.size_b as number,
      x: (r.size_b as number) * offset(r.variant),
      mean: r.mean as number,
      lo: r.lo,
      hi: r.hi,
    }));
    const refLines = of.filter((r) => r.size_b === null).map((r) => ({
      run: r.run,
      mean: r.mean as number,
    }));
    const values = [
      ...points.flatMap((p) => [p.mean, p.lo ?? p.mean, p.hi ?? p.mean]),
      ...refLines.map((r) => r.mean),
    ];
    if (values.length === 0) continue;
    const [lo, hi] = extent(values);
    const pad = Math.max((hi - lo) * 0.12, 0.005);
    const bars = points.filter((p) => p.lo !== null && p.hi !== null);
    charts.push(plotSvg({
      width: 360,
      height: 250,
      marginLeft: 48,
      marginRight: 16,
      x: {
        type: "log",
        domain: [sizes[0] * 0.8, sizes[sizes.length - 1] * 1.2],
      },
      y: {
        domain: [lo - pad, hi + pad],
        grid: true,
        label: `${metricLabel(m)} (${LOWER_IS_BETTER.has(m) ? "lower" : "higher"} is better)`,
        labelArrow: "none",
      },
      color: { domain: Object.keys(VARIANT_COLORS), range: Object.values(VARIANT_COLORS) },
      marks: [
        // One labelled tick per model size (Plot's log axis would blank some of their labels).
        ...logAxisX(sizes, {
          label: "Model size (parameters, log scale)",
          labelAnchor: "right",
          format: (d) => `${d}B`,
          grid: false,
        }),
        Plot.ruleY(refLines, {
          y: "mean",
          stroke: (d: { run: string }) => refColor.get(d.run),
          strokeDasharray: "5,3",
          strokeWidth: 1.5,
        }),
        Plot.line(points, {
          x: "x",
          y: "mean",
          stroke: "variant",
          z: "variant",
          strokeOpacity: 0.5,
        }),
        Plot.ruleX(bars, { x: "x", y1: "lo", y2: "hi", stroke: "variant", strokeWidth: 1.5 }),
        Plot.dot(points, { x: "x", y: "mean", fill: "variant", r: 3.5, stroke: "white" }),
      ],
    }));
  }
  if (charts.length === 0) {
    throw new RangeError(`scalingFigure(): no run has any of ${metrics.join(", ")}`);
  }
  const legend: LegendItem[] = [
    ...variants.map((v) => ({
      label: v === "base" ? "Base" : v === "fine-tuned" ? "Fine-tuned (LoRA)" : v,
      color: VARIANT_COLORS[v] ?? "#333",
      shape: "circle" as const,
    })),
    ...refs.map((r) => ({
      label: `${r.label} (reference)`,
      color: refColor.get(r.run)!,
      shape: "dashed" as const,
    })),
  ];
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Mean per run with 95% percentile-bootstrap interval (vertical bars); dashed lines: external models",
    legend,
    note,
    columns,
  });
}
