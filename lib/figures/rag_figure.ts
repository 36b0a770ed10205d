/**
 * RAG ablation figure: each metric against retrieval depth (top-k; 0 = no retrieval), one line
 * per scenario (fine-tuned, base), with the stored 95% intervals where the files have them.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "./plot_svg.ts";
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { VARIANT_COLORS } from "./palette.ts";
import { LOWER_IS_BETTER, metricLabel } from "../metrics/metric_order.ts";
import type { RagRow } from "../analysis/rag_table.ts";
import { extent } from "../stats/extent.ts";

/** Options for {@linkcode ragFigure}. */
export interface RagFigureOptions {
  /** Metrics, one panel each. Default: BERTScore F1, citation accuracy, hallucination rate, key info. */
  metrics?: string[];
  /** Figure title. Default: `"RAG ablation: quality against retrieval depth"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
  /** Panels per row. Default: `2`. */
  columns?: number;
}

/** Draws RAG-table rows; returns standalone SVG text. */
export function ragFigure(rows: readonly RagRow[], options: RagFigureOptions = {}): string {
  const {
    metrics = ["bertscore_f1", "citation_accuracy", "hallucination_rate", "key_info"],
    title = "RAG ablation: quality against retrieval depth",
    note,
    columns = 2,
  } = options;
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const colors = scenarios.map((s, i) =>
    / FT$/.test(s)
      ? VARIANT_COLORS["fine-tuned"]
      : / base$/.test(s)
      ? VARIANT_COLORS.base
      : ["#efb118", "#a463f2"][i % 2]
  );
  const ks = [...new Set(rows.map((r) => r.top_k))].sort((a, b) => a - b);
  const charts = metrics
    .filter((m) => rows.some((r) => r.metric === m && r.mean !== null))
    .map((m) => {
      const points = rows
        .filter((r) => r.metric === m && r.mean !== null)
        .map((r) => ({
          scenario: r.scenario,
          // Scenarios side by side at each k, so their intervals do not overlap.
          x: ks.indexOf(r.top_k) +
            0.08 * (scenarios.indexOf(r.scenario) - (scenarios.length - 1) / 2),
          mean: r.mean as number,
          lo: r.lo,
          hi: r.hi,
        }));
      const values = points.flatMap((p) => [p.mean, p.lo ?? p.mean, p.hi ?? p.mean]);
      const [lo, hi] = extent(values);
      const pad = Math.max((hi - lo) * 0.1, 1e-3);
      return plotSvg({
        width: 340,
        height: 240,
        marginLeft: 50,
        marginBottom: 40,
        x: {
          domain: [-0.4, ks.length - 0.6],
          ticks: ks.map((_, i) => i),
          tickFormat: (i: number) => (ks[i] === 0 ? "none" : `top-${ks[i]}`),
          label: "Retrieved passages",
          labelArrow: "none",
          labelAnchor: "center",
        },
        y: {
          domain: [lo - pad, hi + pad],
          grid: true,
          label: `${metricLabel(m)} (${LOWER_IS_BETTER.has(m) ? "lower" : "higher"} is better)`,
          labelArrow: "none",
        },
        color: { domain: scenarios, range: colors },
        marks: [
          Plot.line(points, {
            x: "x",
            y: "mean",
            stroke: "scenario",
            z: "scenario",
            strokeOpacity: 0.6,
          }),
          Plot.ruleX(points.filter((p) => p.lo !== null && p.hi !== null), {
            x: "x",
            y1: "lo",
            y2: "hi",
            stroke: "scenario",
            strokeWidth: 1.6,
          }),
          Plot.dot(points, { x: "x", y: "mean", fill: "scenario", r: 3.5, stroke: "white" }),
        ],
      });
    });
  if (charts.length === 0) {
    throw new RangeError(`ragFigure(): no configuration has any of ${metrics.join(", ")}`);
  }
  const legend: LegendItem[] = scenarios.map((s, i) => ({
    label: `${s} + retrieval`,
    color: colors[i],
    shape: "circle",
  }));
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Stored mean per configuration with its stored 95% interval (aggregates only: no per-sample records survive)",
    legend,
    note,
    columns,
  });
}
