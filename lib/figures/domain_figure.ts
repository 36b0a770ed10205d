/**
 * Domain breakdown: per legal domain, each selected run's mean and 95% interval of a few metrics;
 * cells resting on fewer than 30 values that define the metric drawn hollow with dashed intervals.
 * @module
 */
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { intervalPanel, type IntervalPoint } from "./_interval_panel.ts";
import { CATEGORICAL } from "./palette.ts";
import { LOWER_IS_BETTER, metricLabel } from "../metrics/metric_order.ts";
import type { BreakdownRow } from "../analysis/breakdown_table.ts";
import type { RunInfo } from "../results/run_result.ts";
import { isSmallSample } from "../analysis/small_sample_flag.ts";
import { MIN_CELL_N } from "../analysis/sample_group.ts";
import { nLabel } from "./_n_label.ts";

/** Options for {@linkcode domainFigure}. */
export interface DomainFigureOptions {
  /** Metrics, one panel each. Default: citation accuracy and hallucination rate. */
  metrics?: string[];
  /** Figure title. Default: `"Quality by legal domain"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
}

/**
 * Draws the breakdown rows of `runs` (in that order, coloured in order); returns standalone SVG.
 * Category labels carry, per panel, the number of answers that define the metric in the group.
 */
export function domainFigure(
  rows: readonly BreakdownRow[],
  runs: readonly RunInfo[],
  options: DomainFigureOptions = {},
): string {
  const {
    metrics = ["citation_accuracy", "hallucination_rate"],
    title = "Quality by legal domain",
    note,
  } = options;
  const ids = runs.map((r) => r.id);
  const selected = rows.filter((r) => ids.includes(r.run));
  if (selected.length === 0) {
    throw new RangeError(`domainFigure(): no row for runs ${ids.join(", ")}`);
  }
  const groups = [...new Set(selected.map((r) => r.group))];
  const series = runs.map((r, i) => ({
    name: r.label,
    color: CATEGORICAL[i % CATEGORICAL.length],
  }));
  const charts = metrics.map((m) => {
    const cells = selected.filter((r) => r.metric === m);
    // Each panel labels a domain with the number of answers that define its metric there.
    const cat = (g: string) =>
      `${g} (n=${nLabel(cells.filter((r) => r.group === g).map((r) => r.n_defined))})`;
    const points: IntervalPoint[] = cells
      .filter((r) => r.mean !== null)
      .map((r) => ({
        category: cat(r.group),
        series: runs.find((x) => x.id === r.run)!.label,
        mean: r.mean as number,
        lo: r.lo,
        hi: r.hi,
        flagged: isSmallSample(r.n_defined),
      }));
    return intervalPanel(points, {
      categories: groups.map(cat),
      series,
      xLabel: `${metricLabel(m)}, ${LOWER_IS_BETTER.has(m) ? "lower" : "higher"} is better`,
      marginLeft: 150,
    });
  });
  const legend: LegendItem[] = [
    ...series.map((s) => ({ label: s.name, color: s.color, shape: "circle" as const })),
    {
      label: `hollow, dashed: fewer than ${MIN_CELL_N} defined values (not a finding)`,
      color: "#9498a0",
      shape: "dashed",
    },
  ];
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Mean per group with 95% percentile-bootstrap interval; n = answers in the group that define the metric",
    legend,
    note,
  });
}
