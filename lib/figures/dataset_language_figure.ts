/**
 * The language figure: per split, the share of each language under the study's rule and under
 * the letter-share rule, as stacked horizontal bars.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotSvg } from "./plot_svg.ts";
import { standaloneFigure } from "./standalone_figure.ts";
import { LANGUAGE_COLORS, LANGUAGE_LABELS } from "./dataset_palette.ts";
import type { LanguageRow } from "../dataset/language_table.ts";

/** Options for {@linkcode datasetLanguageFigure}. */
export interface DatasetLanguageFigureOptions {
  /** Title. Default: `"Languages per split: the study's rule and the letter-share rule"`. */
  title?: string;
  /** Note under the chart. Default: none. */
  note?: string;
}

const RULE_LABEL = { legacy: "study's rule", letter_share: "letter share" } as const;

/**
 * Draws the language table as stacked bars (one bar per split and rule, languages stacked to
 * 100%); returns standalone SVG text.
 */
export function datasetLanguageFigure(
  rows: readonly LanguageRow[],
  options: DatasetLanguageFigureOptions = {},
): string {
  const { title = "Languages per split: the study's rule and the letter-share rule", note } =
    options;
  if (rows.length === 0) throw new RangeError("datasetLanguageFigure(): no rows");
  const data = rows.filter((r) => r.n > 0).map((r) => ({
    ...r,
    bar: `${r.split} · ${RULE_LABEL[r.rule]}`,
  }));
  const bars = [...new Set(rows.map((r) => `${r.split} · ${RULE_LABEL[r.rule]}`))];
  const languages = Object.keys(LANGUAGE_COLORS).filter((l) => data.some((r) => r.language === l));
  const chart = plotSvg({
    width: 620,
    height: 40 + 26 * bars.length,
    marginLeft: 16 + 6.6 * Math.max(...bars.map((b) => [...b].length)),
    marginRight: 24,
    x: {
      domain: [0, 1],
      tickFormat: (d: number) => `${Math.round(d * 100)}%`,
      label: "Share of rows",
      labelArrow: "none",
      grid: true,
    },
    y: { domain: bars, label: null },
    color: { domain: Object.keys(LANGUAGE_COLORS), range: Object.values(LANGUAGE_COLORS) },
    marks: [
      Plot.barX(
        data,
        Plot.stackX({
          x: "share",
          y: "bar",
          fill: "language",
          order: Object.keys(LANGUAGE_COLORS),
          inset: 0.5,
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
  return standaloneFigure([chart], {
    title,
    subtitle:
      "Study's rule: kz if any of ә ғ қ ң ө ү ұ і occurs. Letter share: Kazakh-specific letters among Cyrillic letters (kz ≥ 3%, ru ≤ 0.5%, mixed between)",
    legend: languages.map((l) => ({ label: LANGUAGE_LABELS[l] ?? l, color: LANGUAGE_COLORS[l] })),
    note,
  });
}
