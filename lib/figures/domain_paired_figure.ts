/**
 * Paired differences per domain: for each fine-tuned-vs-base comparison, the mean difference
 * over the domain's questions where both runs define the metric, with its paired 95% interval;
 * cells with fewer than 30 such pairs hollow and dashed.
 * @module
 */
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { intervalPanel, type IntervalPoint } from "./_interval_panel.ts";
import { CATEGORICAL } from "./palette.ts";
import { LOWER_IS_BETTER, metricLabel } from "../metrics/metric_order.ts";
import type { GroupedPairedRow } from "../analysis/paired_by_group.ts";
import type { RunInfo } from "../results/run_result.ts";
import { isSmallSample } from "../analysis/small_sample_flag.ts";
import { MIN_CELL_N } from "../analysis/sample_group.ts";
import { nLabel } from "./_n_label.ts";

/** Options for {@linkcode domainPairedFigure}. */
export interface DomainPairedFigureOptions {
  /** Metrics, one panel each. Default: citation accuracy and hallucination rate. */
  metrics?: string[];
  /** Figure title. Default: `"Fine-tuned minus base, per legal domain"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
}

/** Draws grouped paired rows; returns standalone SVG text. */
export function domainPairedFigure(
  rows: readonly GroupedPairedRow[],
  runs: readonly RunInfo[],
  options: DomainPairedFigureOptions = {},
): string {
  const {
    metrics = ["citation_accuracy", "hallucination_rate"],
    title = "Fine-tuned minus base, per legal domain",
    note,
  } = options;
  if (rows.length === 0) throw new RangeError("domainPairedFigure(): no rows");
  const label = (id: string) => runs.find((r) => r.id === id)?.label ?? id;
  const pairName = (r: GroupedPairedRow) => `${label(r.run_a)} − ${label(r.run_b)}`;
  const pairs = [...new Set(rows.map(pairName))];
  const series = pairs.map((p, i) => ({ name: p, color: CATEGORICAL[i % CATEGORICAL.length] }));
  const groups = [...new Set(rows.map((r) => r.group))];
  const charts = metrics.map((m) => {
    const cells = rows.filter((r) => r.metric === m);
    // `n` of a paired row counts the questions where both runs define the metric.
    const cat = (g: string) =>
      `${g} (n=${nLabel(cells.filter((r) => r.group === g).map((r) => r.n))})`;
    const points: IntervalPoint[] = cells
      .filter((r) => r.diff !== null)
      .map((r) => ({
        category: cat(r.group),
        series: pairName(r),
        mean: r.diff!,
        lo: r.lo,
        hi: r.hi,
        flagged: isSmallSample(r.n),
      }));
    return intervalPanel(points, {
      categories: groups.map(cat),
      series,
      xLabel: `Δ ${metricLabel(m)}, ${LOWER_IS_BETTER.has(m) ? "lower" : "higher"} is better`,
      zero: true,
    });
  });
  const legend: LegendItem[] = [
    ...series.map((s) => ({ label: s.name, color: s.color, shape: "circle" as const })),
    {
      label: `hollow, dashed: fewer than ${MIN_CELL_N} defined pairs (not a finding)`,
      color: "#9498a0",
      shape: "dashed",
    },
  ];
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Mean paired difference with paired 95% bootstrap interval; n = questions of the domain where both runs define the metric; rule at 0 = no difference",
    legend,
    note,
  });
}
