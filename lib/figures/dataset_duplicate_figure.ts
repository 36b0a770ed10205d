/**
 * The duplicates figure: share of rows with a duplicate within their split, and (when there is
 * more than one split) the share of each split's rows with a duplicate in another split against
 * the similarity threshold.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type PlotSvg, plotSvg } from "./plot_svg.ts";
import { standaloneFigure } from "./standalone_figure.ts";
import { KEY_COLORS } from "./dataset_palette.ts";
import type { DuplicateRow, LeakageRow } from "../dataset/duplicate_tables.ts";

/** Options for {@linkcode datasetDuplicateFigure}. */
export interface DatasetDuplicateFigureOptions {
  /** Title. Default: `"Duplicates within splits and overlap between splits"`. */
  title?: string;
  /** Jaccard threshold of `near`, for the labels. Required. */
  threshold: number;
  /** Note under the charts. Default: none. */
  note?: string;
}

const KEY_LABEL: Record<string, string> = {
  question: "Question (instruction + input)",
  pair: "Pair (question + answer)",
};

/**
 * Draws the duplicate tables. Left: within-split share of rows with an exact or near duplicate,
 * per split and key. Right (several splits only): for each ordered pair of different splits, the
 * share of the first split's rows with a duplicate in the second at thresholds from `threshold`
 * to exact. Returns standalone SVG text.
 */
export function datasetDuplicateFigure(
  duplicates: readonly DuplicateRow[],
  leakage: readonly LeakageRow[],
  options: DatasetDuplicateFigureOptions,
): string {
  const { title = "Duplicates within splits and overlap between splits", threshold, note } =
    options;
  const within = duplicates.filter((r) => r.split === r.other_split).map((r) => ({
    ...r,
    bar: `${r.split} · ${r.kind === "exact" ? "exact" : `near (J ≥ ${threshold})`}`,
  }));
  if (within.length === 0) throw new RangeError("datasetDuplicateFigure(): no within-split rows");
  const bars = [...new Set(within.map((r) => r.bar))];
  const max = Math.max(0.01, ...within.map((r) => r.share), ...leakage.map((r) => r.share));
  const keys = ["question", "pair"];
  const marginLeft = 16 + 6.6 * Math.max(...bars.map((b) => [...b].length));
  const charts: PlotSvg[] = [plotSvg({
    width: 250 + marginLeft,
    height: 50 + bars.length * 30,
    marginLeft,
    marginRight: 16,
    x: {
      domain: [0, max * 1.08],
      tickFormat: (d: number) => `${(d * 100).toFixed(d < 0.1 && max < 0.2 ? 1 : 0)}%`,
      label: "Rows with a duplicate in the same split",
      labelArrow: "none",
      grid: true,
      ticks: 4,
    },
    y: { domain: keys, axis: null },
    fy: { domain: bars, label: null },
    color: { domain: keys, range: keys.map((k) => KEY_COLORS[k]) },
    marks: [Plot.barX(within, { x: "share", y: "key", fy: "bar", fill: "key" }), Plot.ruleX([0])],
  })];
  const pairs = [...new Set(leakage.map((r) => `${r.split} in ${r.other_split}`))];
  if (leakage.length > 0) {
    const thresholds = [...new Set(leakage.map((r) => r.threshold))];
    const data = leakage.map((r) => ({
      ...r,
      series: `${r.key}|${r.split} in ${r.other_split}`,
      pairLabel: `${r.split} in ${r.other_split}`,
    }));
    charts.push(plotSvg({
      width: 340,
      height: 260,
      marginLeft: 48,
      marginRight: 16,
      x: {
        type: "point",
        domain: thresholds,
        label: "Similarity threshold (Jaccard)",
        labelArrow: "none",
      },
      y: {
        domain: [0, Math.max(0.01, ...leakage.map((r) => r.share)) * 1.15],
        tickFormat: (d: number) => `${(d * 100).toFixed(0)}%`,
        label: "Rows with a duplicate in the other split",
        labelArrow: "none",
        grid: true,
      },
      color: { domain: keys, range: keys.map((k) => KEY_COLORS[k]) },
      marks: [
        Plot.line(data.filter((d) => d.pairLabel === pairs[0]), {
          x: "threshold",
          y: "share",
          stroke: "key",
          z: "series",
        }),
        Plot.line(data.filter((d) => d.pairLabel !== pairs[0]), {
          x: "threshold",
          y: "share",
          stroke: "key",
          z: "series",
          strokeDasharray: "4,3",
        }),
        Plot.dot(data, { x: "threshold", y: "share", stroke: "key", fill: "white", r: 3 }),
        Plot.ruleY([0]),
      ],
    }));
  }
  const legend = [
    ...keys.map((k) => ({ label: KEY_LABEL[k], color: KEY_COLORS[k] })),
    ...pairs.map((p, i) => ({
      label: `Right panel: ${p}`,
      color: "#555",
      shape: (i === 0 ? "line" : "dashed") as "line" | "dashed",
    })),
  ];
  return standaloneFigure(charts, {
    title,
    subtitle:
      `Exact: equal after normalisation (case, ё/е, punctuation, spacing). Near: Jaccard similarity of character 5-gram sets ≥ ${threshold} (includes exact)`,
    legend,
    note,
  });
}
