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
import { isSmallSample } from "../analysis/small_sample_flag.ts";
import { MIN_CELL_N } from "../analysis/sample_group.ts";

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
  let flagged = false;
  const series = langs.map((g, i) => ({
    name: name(g),
    color: CATEGORICAL[(i + 2) % CATEGORICAL.length],
  }));
  const charts = metrics
    .filter((m) => rows.some((r) => r.metric === m && r.mean !== null))
    .map((m) => {
      const cells = rows.filter((r) => r.metric === m && present.some((x) => x.id === r.run));
      // Each run is labelled with the answers that define the metric, per language in legend order.
      const cat = (run: RunInfo) =>
        `${run.label} (n=${
          langs.map((g) => cells.find((r) => r.run === run.id && r.group === g)?.n_defined ?? 0)
            .join("/")
        })`;
      const points: IntervalPoint[] = cells
        .filter((r) => r.mean !== null)
        .map((r) => ({
          category: cat(present.find((x) => x.id === r.run)!),
          series: series[langs.indexOf(r.group)].name,
          mean: r.mean as number,
          lo: r.lo,
          hi: r.hi,
          flagged: isSmallSample(r.n_defined),
        }));
      flagged ||= points.some((p) => p.flagged);
      return intervalPanel(points, {
        categories: present.map(cat),
        series,
        xLabel: `${metricLabel(m)}, ${LOWER_IS_BETTER.has(m) ? "lower" : "higher"} is better`,
        marginLeft: 160,
        width: 400,
      });
    });
  const legend: LegendItem[] = series.map((s) => ({
    label: s.name,
    color: s.color,
    shape: "circle",
  }));
  if (flagged) {
    legend.push({
      label: `hollow, dashed: fewer than ${MIN_CELL_N} defined values (not a finding)`,
      color: "#9498a0",
      shape: "dashed",
    });
  }
  return standaloneFigure(charts, {
    title,
    subtitle: `Mean per language with 95% percentile-bootstrap interval; n = ${
      langs.join("/")
    } answers that define the metric`,
    legend,
    note,
    columns,
  });
}
