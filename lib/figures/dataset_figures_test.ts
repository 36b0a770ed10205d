import assert from "node:assert/strict";
import { fromRoot } from "../io/paths.ts";
import { loadDataset } from "../dataset/load_dataset.ts";
import { languageTable } from "../dataset/language_table.ts";
import { domainTable } from "../dataset/domain_table.ts";
import { lengthHistogram } from "../dataset/length_histogram.ts";
import { duplicateTables } from "../dataset/duplicate_tables.ts";
import { datasetLanguageFigure } from "./dataset_language_figure.ts";
import { datasetDomainFigure } from "./dataset_domain_figure.ts";
import { datasetLengthFigure } from "./dataset_length_figure.ts";
import { datasetDuplicateFigure } from "./dataset_duplicate_figure.ts";
import { renderPng } from "./render_png.ts";

const { frame } = await loadDataset([fromRoot("data/sample")]);

function check(svg: string, again: string, labels: string[]) {
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal(svg, again, "same input gives the same SVG");
  for (const l of labels) assert.ok(svg.includes(l), `missing "${l}"`);
  assert.ok(renderPng(svg).length > 1000);
}

Deno.test("datasetLanguageFigure() draws both rules per split with a legend", () => {
  const rows = languageTable(frame);
  check(datasetLanguageFigure(rows), datasetLanguageFigure(rows), [
    "train · study's rule",
    "validation · letter share",
    "Kazakh (kz)",
    "Mixed",
  ]);
});

Deno.test("datasetDomainFigure() draws multi-label and primary panels and states the multi-label total", () => {
  const rows = domainTable(frame);
  const svg = datasetDomainFigure(rows);
  const total = Math.round(
    100 * rows.filter((r) => r.split === "all").reduce((s, r) => s + r.share_multilabel, 0),
  );
  check(svg, datasetDomainFigure(rows), [
    "Primary-domain share",
    `add up to ${total}%`,
    "constitutional",
  ]);
});

Deno.test("datasetLengthFigure() draws one panel per non-empty field on a log axis", () => {
  const h = lengthHistogram(frame);
  check(datasetLengthFigure(h), datasetLengthFigure(h), [
    "instruction: words (log scale)",
    "output: words (log scale)",
    "Russian (ru)",
  ]);
  // Every x tick of every panel carries a label, so the reader sees where the log axis starts.
  const svg = datasetLengthFigure(h);
  const panels = svg.split(/<svg /).slice(2);
  assert.equal(panels.length, 2);
  for (const panel of panels) {
    const ticks = panel.match(/aria-label="x-axis tick">(.*?)<\/g>/)![1].match(/<path/g)!.length;
    const labels = [...panel.match(/aria-label="x-axis tick label">(.*?)<\/g>/)![1].matchAll(
      /<text[^>]*>([^<]+)<\/text>/g,
    )].length;
    assert.ok(ticks >= 3, `${ticks} ticks`);
    assert.equal(labels, ticks);
  }
});

Deno.test("datasetDuplicateFigure() draws within-split bars and the across-split threshold curve", () => {
  const d = duplicateTables(frame);
  const svg = datasetDuplicateFigure(d.duplicates, d.leakage, { threshold: 0.7 });
  check(svg, datasetDuplicateFigure(d.duplicates, d.leakage, { threshold: 0.7 }), [
    "validation in train",
    "near (J ≥ 0.7)",
    "Similarity threshold",
  ]);
});
