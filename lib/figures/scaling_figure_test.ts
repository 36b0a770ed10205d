import assert from "node:assert/strict";
import { scalingFigure } from "./scaling_figure.ts";
import { checkFigureSvg } from "./check_figure_svg.ts";
import type { ScalingRow } from "../analysis/scaling_table.ts";

Deno.test("scalingFigure() labels every model size on its log axis and passes the figure check", () => {
  const sizes = [0.6, 1.7, 4, 8, 14, 32, 72];
  const rows: ScalingRow[] = sizes.map((size_b, i) => ({
    run: `r${i}`,
    label: `M ${size_b}B`,
    family: "M",
    size_b,
    variant: "base",
    source: "samples",
    n: 100,
    metric: "bertscore_f1",
    mean: 0.8 + 0.01 * i,
    lo: 0.79 + 0.01 * i,
    hi: 0.81 + 0.01 * i,
    n_defined: 100,
  }));
  const svg = scalingFigure(rows, { metrics: ["bertscore_f1"] });
  const labels = [...svg.match(/aria-label="x-axis tick label"[^>]*>(.*?)<\/g>/)![1].matchAll(
    /<text[^>]*>([^<]+)<\/text>/g,
  )].map((m) => m[1]);
  assert.deepEqual(labels, sizes.map((s) => `${s}B`));
  assert.deepEqual(checkFigureSvg(svg), []);
});
