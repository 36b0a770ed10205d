/**
 * Paired differences per domain: for each fine-tuned-vs-base comparison, the mean difference
 * over the domain's questions with its paired 95% interval; small domains hollow and dashed.
 * @module
 */
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { intervalPanel, type IntervalPoint } from "./_interval_panel.ts";
import { CATEGORICAL } from "./palette.ts";
import { LOWER_IS_BETTER, metricLabel } from "../metrics/metric_order.ts";
import type { GroupedPairedRow } from "../analysis/paired_by_group.ts";
import type { RunInfo } from "../results/run_result.ts";

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
  const nOf = (g: string) => rows.find((r) => r.group === g)!.n;
  const cat = (g: string) => `${g} (n=${nOf(g)})`;
  const charts = metrics.map((m) => {
    const points: IntervalPoint[] = rows
      .filter((r) => r.metric === m && r.diff !== null)
      .map((r) => ({
        category: cat(r.group),
        series: pairName(r),
        mean: r.diff!,
        lo: r.lo,
        hi: r.hi,
        flagged: r.flag !== "",
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
      label: "hollow, dashed: fewer than 30 questions (not a finding)",
      color: "#9498a0",
      shape: "dashed",
    },
  ];
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Mean paired difference over the domain's questions with paired 95% bootstrap interval; rule at 0 = no difference",
    legend,
    note,
  });
}
