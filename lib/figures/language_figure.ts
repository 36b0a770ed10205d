/**
 * Language comparison: for every run, the mean and 95% interval of a few metrics on Kazakh and
 * on Russian questions side by side.
 * @module
 */
import { type LegendItem, standaloneFigure } from "./standalone_figure.ts";
import { intervalPanel, type IntervalPoint } from "./_interval_panel.ts";
import { CATEGORICAL } from "./palette.ts";
import { LOWER_IS_BETTER, metricLabel } from "../metrics/metric_order.ts";
import type { BreakdownRow } from "../analysis/breakdown_table.ts";
import type { RunInfo } from "../results/run_result.ts";

/** Options for {@linkcode languageFigure}. */
export interface LanguageFigureOptions {
  /** Metrics, one panel each. Default: BERTScore F1, citation accuracy, hallucination rate, key info. */
  metrics?: string[];
  /** Display names of the language labels. Default: `kz` → "Kazakh (kz)", `ru` → "Russian (ru)". */
  names?: Record<string, string>;
  /** Figure title. Default: `"Kazakh and Russian questions, per run"`. */
  title?: string;
  /** Note under the figure. Default: none. */
  note?: string;
  /** Panels per row. Default: `2`. */
  columns?: number;
}

/** Draws the language rows of `runs` (rows top to bottom in that order); returns standalone SVG. */
export function languageFigure(
  rows: readonly BreakdownRow[],
  runs: readonly RunInfo[],
  options: LanguageFigureOptions = {},
): string {
  const {
    metrics = ["bertscore_f1", "citation_accuracy", "hallucination_rate", "key_info"],
    names = { kz: "Kazakh (kz)", ru: "Russian (ru)" },
    title = "Kazakh and Russian questions, per run",
    note,
    columns = 2,
  } = options;
  const present = runs.filter((r) => rows.some((x) => x.run === r.id));
  if (present.length === 0) throw new RangeError("languageFigure(): no row for the given runs");
  const langs = [...new Set(rows.map((r) => r.group))];
  const name = (g: string) => names[g] ?? g;
  const nOf = (g: string) => rows.find((r) => r.group === g)!.n;
  const series = langs.map((g, i) => ({
    name: `${name(g)}, n=${nOf(g)}`,
    color: CATEGORICAL[(i + 2) % CATEGORICAL.length],
  }));
  const charts = metrics
    .filter((m) => rows.some((r) => r.metric === m && r.mean !== null))
    .map((m) => {
      const points: IntervalPoint[] = rows
        .filter((r) => r.metric === m && r.mean !== null && present.some((x) => x.id === r.run))
        .map((r) => ({
          category: present.find((x) => x.id === r.run)!.label,
          series: series[langs.indexOf(r.group)].name,
          mean: r.mean as number,
          lo: r.lo,
          hi: r.hi,
          flagged: r.flag !== "",
        }));
      return intervalPanel(points, {
        categories: present.map((r) => r.label),
        series,
        xLabel: `${metricLabel(m)}, ${LOWER_IS_BETTER.has(m) ? "lower" : "higher"} is better`,
        marginLeft: 110,
        width: 360,
      });
    });
  const legend: LegendItem[] = series.map((s) => ({
    label: s.name,
    color: s.color,
    shape: "circle",
  }));
  if (rows.some((r) => r.flag !== "")) {
    legend.push({
      label: "hollow, dashed: fewer than 30 defined values",
      color: "#9498a0",
      shape: "dashed",
    });
  }
  return standaloneFigure(charts, {
    title,
    subtitle:
      "Mean per language with 95% percentile-bootstrap interval over that language's questions",
    legend,
    note,
    columns,
  });
}
