/**
 * The length figure: distributions of word counts per field on a logarithmic axis, one curve
 * per language.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { logAxisX, logTicks } from "./_log_axis.ts";
import { type PlotSvg, plotSvg } from "./plot_svg.ts";
import { standaloneFigure } from "./standalone_figure.ts";
import { LANGUAGE_COLORS, LANGUAGE_LABELS } from "./dataset_palette.ts";
import type { LengthHistogram } from "../dataset/length_histogram.ts";

/** Options for {@linkcode datasetLengthFigure}. */
export interface DatasetLengthFigureOptions {
  /** Title. Default: `"Text lengths in words per language (log scale)"`. */
  title?: string;
  /** Note under the charts. Default: none. */
  note?: string;
  /** Languages with fewer non-empty rows than this in a field are not drawn (their curve is noise). Default: `20`. */
  minRows?: number;
}

/**
 * Draws one panel per field (instruction, input, output): share of rows per logarithmic length
 * bin, a line per letter-share language. Rows with an empty field are left out (and counted in
 * the subtitle). Returns standalone SVG text.
 */
export function datasetLengthFigure(
  histogram: LengthHistogram,
  options: DatasetLengthFigureOptions = {},
): string {
  const { title = "Text lengths in words per language (log scale)", note, minRows = 20 } = options;
  const { bins, empty } = histogram;
  if (bins.length === 0) throw new RangeError("datasetLengthFigure(): no bins");
  const languages = Object.keys(LANGUAGE_COLORS).filter((l) =>
    bins.some((b) => b.language === l && b.n > 0)
  );
  const charts: PlotSvg[] = [];
  const legendLanguages = new Set<string>();
  for (const field of ["instruction", "input", "output"]) {
    const rowsOf = (l: string) =>
      bins.filter((b) => b.field === field && b.language === l).reduce((s, b) => s + b.n, 0);
    const drawn = languages.filter((l) => rowsOf(l) >= minRows);
    drawn.forEach((l) => legendLanguages.add(l));
    const data = bins.filter((b) => b.field === field && drawn.includes(b.language));
    if (!data.some((b) => b.n > 0)) continue;
    const nonZero = data.filter((b) => b.n > 0);
    const lo = Math.min(...nonZero.map((b) => b.lo)), hi = Math.max(...nonZero.map((b) => b.hi));
    // Step lines: each bin drawn from its lower edge, closed at the last bin's upper edge.
    const shown = data.filter((b) => b.hi > lo && b.lo < hi).flatMap((b, i, all) => {
      const point = { language: b.language, x: b.lo, share: b.share };
      const last = i === all.length - 1 || all[i + 1].language !== b.language;
      return last ? [point, { ...point, x: b.hi }] : [point];
    });
    charts.push(plotSvg({
      width: 300,
      height: 230,
      marginLeft: 44,
      marginRight: 14,
      x: {
        type: "log",
        domain: [lo, hi],
      },
      y: {
        label: "Share of rows",
        labelArrow: "none",
        grid: true,
        tickFormat: (d: number) => `${Math.round(d * 100)}%`,
      },
      color: { domain: Object.keys(LANGUAGE_COLORS), range: Object.values(LANGUAGE_COLORS) },
      marks: [
        Plot.line(shown, {
          x: "x",
          y: "share",
          stroke: "language",
          z: "language",
          curve: "step-after",
          strokeWidth: 1.6,
        }),
        Plot.ruleY([0]),
        // Every tick labelled, at 1, 2, 5 per factor of 10 (Plot's own log axis leaves ticks
        // unlabelled).
        ...logAxisX(logTicks(lo, hi, { width: 300 - 44 - 14 }), {
          label: `${field}: words (log scale)`,
          labelAnchor: "right",
        }),
      ],
    }));
  }
  const emptyInput = empty.filter((e) => e.field === "input").reduce((s, e) => s + e.n, 0);
  return standaloneFigure(charts, {
    title,
    subtitle:
      `Share of each language's rows per length bin (8 bins per factor of 10); empty fields are left out (input: ${
        emptyInput.toLocaleString("en")
      } empty), ` +
      `and so are languages with fewer than ${minRows} rows in a field`,
    legend: languages.filter((l) => legendLanguages.has(l)).map((l) => ({
      label: LANGUAGE_LABELS[l] ?? l,
      color: LANGUAGE_COLORS[l],
      shape: "line" as const,
    })),
    note,
  });
}
