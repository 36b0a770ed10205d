/**
 * Forest plot of paired differences: one panel per metric, one row per comparison, the mean
 * difference `run_a − run_b` with its paired 95% bootstrap interval, a rule at zero, and colour
 * for whether the difference survives the multiplicity adjustment.
 * @module
 */
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { intervalPanel, type IntervalPoint } from "./_interval_panel.ts";
import { LOWER_IS_BETTER, metricLabel, orderMetrics } from "../metrics/metric_order.ts";
import { metricsWithRole } from "../metrics/registry.ts";
import type { PairedRow } from "../analysis/paired_comparisons.ts";
import type { FamilyRow } from "../analysis/plan_families.ts";
import type { RunInfo } from "../results/run_result.ts";

/** Options for {@linkcode forestFigure}. */
export interface ForestFigureOptions {
  /**
   * Metrics, one panel each. Default: those of {@linkcode DEFAULT_FOREST_METRICS} present in the
   * rows, or, when none is, the first {@linkcode PANELS_PER_FIGURE} metrics of the rows in display
   * order.
   */
  metrics?: string[];
  /** Level for "significant after adjustment". Default: `0.05`. */
  alpha?: number;
  /** Figure title. Default: `"Paired differences between runs"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
  /** Panels per row. Default: `2`. */
  columns?: number;
}

const SIG = "#4269d0", NOT = "#9498a0";

function longest(labels: readonly string[]): number {
  let n = 0;
  for (const l of labels) n = Math.max(n, [...l].length);
  return n;
}

/**
 * Default panels of {@linkcode forestFigure}: the registry's metrics with the `forest` role
 * (BERTScore, chrF, corrected citations), in display order.
 */
export const DEFAULT_FOREST_METRICS: readonly string[] = Object.freeze(metricsWithRole("forest"));

/** Panels per figure of {@linkcode metricGroups}: two rows of two fit a printed page. */
export const PANELS_PER_FIGURE = 4;

/**
 * Splits metrics (in display order) into groups of at most {@linkcode PANELS_PER_FIGURE}, one
 * figure each, so that no figure is taller than a page: `name` (`other_1`, `other_2`, ...) and a
 * title listing the metrics.
 *
 * @example
 * ```ts
 * import { metricGroups } from "./forest_figure.ts";
 * import assert from "node:assert/strict";
 * const groups = metricGroups(["latency_s", "rouge1", "bleu", "rouge2", "rougeL", "key_info"]);
 * assert.deepEqual(groups.map((g) => [g.name, g.metrics.length]), [["other_1", 4], ["other_2", 2]]);
 * ```
 */
export function metricGroups(
  metrics: readonly string[],
): { name: string; title: string; metrics: string[] }[] {
  const ordered = orderMetrics(metrics);
  const groups = [];
  for (let i = 0; i < ordered.length; i += PANELS_PER_FIGURE) {
    const chunk = ordered.slice(i, i + PANELS_PER_FIGURE);
    groups.push({
      name: `other_${groups.length + 1}`,
      title: chunk.map(metricLabel).join(", "),
      metrics: chunk,
    });
  }
  return groups;
}

/**
 * The legend of a significant point: `Holm-adjusted p ≤ α` or `BH-adjusted p ≤ α` when every row
 * has that correction, otherwise both named by family.
 */
function significantName(rows: readonly FamilyRow<PairedRow>[], alpha: number): string {
  const corrections = new Set(rows.map((r) => r.correction));
  if (corrections.size === 1) {
    return `${corrections.has("holm") ? "Holm" : "BH"}-adjusted p ≤ ${alpha}`;
  }
  return `adjusted p ≤ ${alpha} (Holm: primary; BH: exploratory)`;
}

/**
 * Draws the forest figure; returns standalone SVG text. A point is coloured as significant where
 * its row's `p_adj` (adjusted within its family: `planFamilies`) is at most `alpha`.
 */
export function forestFigure(
  rows: readonly FamilyRow<PairedRow>[],
  runs: readonly RunInfo[],
  options: ForestFigureOptions = {},
): string {
  const {
    alpha = 0.05,
    title = "Paired differences between runs",
    note,
    columns = 2,
  } = options;
  const label = (id: string) => runs.find((r) => r.id === id)?.label ?? id;
  const present = orderMetrics(rows.map((r) => r.metric));
  const headline = DEFAULT_FOREST_METRICS.filter((m) => present.includes(m));
  const metrics = options.metrics ??
    (headline.length ? headline : present.slice(0, PANELS_PER_FIGURE));
  const names = [...new Set(rows.map((r) => `${label(r.run_a)} − ${label(r.run_b)}`))];
  const sigName = significantName(rows, alpha);
  const charts = [];
  const drawn = new Set<string>();
  for (const m of metrics) {
    const points: IntervalPoint[] = rows
      .filter((r) => r.metric === m && r.diff !== null)
      .map((r) => ({
        category: `${label(r.run_a)} − ${label(r.run_b)}`,
        series: (r.p_adj ?? 1) <= alpha ? sigName : "not significant",
        mean: r.diff!,
        lo: r.lo,
        hi: r.hi,
        flagged: false,
      }));
    if (points.length === 0) continue;
    for (const p of points) drawn.add(p.series);
    const categories = names.filter((n) => points.some((p) => p.category === n));
    const unit = m === "latency_s" ? " (s)" : "";
    charts.push(intervalPanel(points, {
      categories,
      series: [{ name: sigName, color: SIG }, { name: "not significant", color: NOT }],
      xLabel: `Δ ${metricLabel(m).replace(" (s)", "")}${unit}, ${
        LOWER_IS_BETTER.has(m) ? "lower" : "higher"
      } is better`,
      zero: true,
      dodge: false,
      marginLeft: Math.min(260, 20 + 6.2 * longest(categories)),
    }));
  }
  if (charts.length === 0) throw new RangeError("forestFigure(): no paired difference to draw");
  // Only the kinds of point drawn: a swatch that no point has would explain nothing.
  const legend: LegendItem[] = ([
    { label: sigName, color: SIG, shape: "circle" },
    { label: "not significant", color: NOT, shape: "circle" },
  ] as LegendItem[]).filter((item) => drawn.has(item.label));
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Mean difference run A − run B over the same questions, with paired 95% bootstrap interval (not adjusted for multiplicity; colour says whether the adjusted p-value is significant); rule at 0 = no difference",
    legend,
    note,
    columns,
  });
}
