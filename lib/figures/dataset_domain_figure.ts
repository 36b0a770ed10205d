/**
 * The domain figure: share of rows per legal domain, multi-label (the study's count) and primary,
 * one bar per split.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type PlotSvg, plotSvg } from "./plot_svg.ts";
import { standaloneFigure } from "./standalone_figure.ts";
import { splitColor } from "./dataset_palette.ts";
import type { DomainRow } from "../dataset/domain_table.ts";

/** Options for {@linkcode datasetDomainFigure}. */
export interface DatasetDomainFigureOptions {
  /** Title. Default: `"Legal domains: keyword matches (multi-label) and primary domain"`. */
  title?: string;
  /** Note under the charts. Default: none. */
  note?: string;
}

/**
 * Draws the domain table: two panels (multi-label share, primary share), domains sorted by their
 * pooled multi-label share, one bar per split (the pooled `all` rows are not drawn when there are
 * several splits). Returns standalone SVG text.
 */
export function datasetDomainFigure(
  rows: readonly DomainRow[],
  options: DatasetDomainFigureOptions = {},
): string {
  const { title = "Legal domains: keyword matches (multi-label) and primary domain", note } =
    options;
  if (rows.length === 0) throw new RangeError("datasetDomainFigure(): no rows");
  const allSplits = [...new Set(rows.map((r) => r.split))];
  const splits = allSplits.length > 1 ? allSplits.filter((s) => s !== "all") : allSplits;
  const pooled = allSplits.includes("all") ? "all" : splits[0];
  const order = rows.filter((r) => r.split === pooled)
    .sort((a, b) =>
      (a.domain === "other" ? 1 : 0) - (b.domain === "other" ? 1 : 0) ||
      b.share_multilabel - a.share_multilabel || a.domain.localeCompare(b.domain)
    )
    .map((r) => r.domain);
  const data = rows.filter((r) => splits.includes(r.split));
  const max = Math.max(...data.map((r) => Math.max(r.share_multilabel, r.share_primary)), 0.01);
  const panel = (
    measure: "share_multilabel" | "share_primary",
    label: string,
    left: boolean,
  ): PlotSvg =>
    plotSvg({
      width: left ? 400 : 300,
      height: 60 + order.length * (10 + 9 * splits.length),
      marginLeft: left ? 110 : 12,
      marginTop: 10,
      marginBottom: 40,
      marginRight: 16,
      x: {
        domain: [0, max * 1.05],
        tickFormat: (d: number) => `${Math.round(d * 100)}%`,
        label,
        labelArrow: "none",
        grid: true,
        ticks: 4,
      },
      y: { domain: splits, axis: null },
      fy: { domain: order, label: null, axis: left ? "left" : null },
      color: { domain: splits, range: splits.map((_, i) => splitColor(i)) },
      marks: [
        Plot.barX(data, { x: measure, y: "split", fy: "domain", fill: "split" }),
        Plot.ruleX([0]),
      ],
    });
  const sumMulti = rows.filter((r) => r.split === pooled).reduce(
    (s, r) => s + r.share_multilabel,
    0,
  );
  return standaloneFigure([
    panel("share_multilabel", "Multi-label share (study's count)", true),
    panel("share_primary", "Primary-domain share", false),
  ], {
    title,
    subtitle:
      `Multi-label: a row counts for every domain whose keywords it contains, so shares add up to ${
        Math.round(sumMulti * 100)
      }% (${pooled}). Primary: first match in the study's order; shares add up to 100%`,
    legend: splits.map((s, i) => ({ label: s, color: splitColor(i) })),
    note,
  });
}
