import assert from "node:assert/strict";
import { standaloneFigure } from "./standalone_figure.ts";
import { textWidth } from "./_text_width.ts";
import { checkFigureSvg } from "./check_figure_svg.ts";

const chart = { svg: '<svg width="400" height="50"></svg>', width: 400, height: 50 };

Deno.test("standaloneFigure() wraps the subtitle where a line is full in the figure's font, not earlier", () => {
  // 70 narrow letters fit the 400 px line (measured) although 70 × 0.6 × 12 px = 504 px would not.
  const subtitle = "il ".repeat(23) + "i";
  assert.ok(textWidth(subtitle, 12) < 400);
  const svg = standaloneFigure([chart], { title: "T", subtitle });
  assert.equal([...svg.matchAll(/fill="#444">/g)].length, 1);
  // A line too long for the width still wraps, and nothing is cut off.
  const long = standaloneFigure([chart], { title: "T", subtitle: "Mmmm ".repeat(20) });
  assert.ok([...long.matchAll(/fill="#444">/g)].length > 1);
  assert.deepEqual(checkFigureSvg(long).filter((p) => p.rule === "clipped"), []);
});

Deno.test("standaloneFigure() draws a hollow ring swatch for hollow marks", () => {
  const svg = standaloneFigure([chart], {
    title: "T",
    legend: [{ label: "GPT-4o (API)", color: "#a463f2", shape: "ring" }],
  });
  assert.match(svg, /<circle [^>]*fill="white" stroke="#a463f2"/);
});

Deno.test("standaloneFigure() draws triangle and diamond legend swatches for marks of those shapes", () => {
  const svg = standaloneFigure([chart], {
    title: "T",
    legend: [
      { label: "95th percentile", color: "#ff725c", shape: "triangle" },
      { label: "mean", color: "#efb118", shape: "diamond" },
    ],
  });
  assert.match(svg, /<path d="M17,[\d.-]+L22,[\d.-]+L12,[\d.-]+Z" fill="#ff725c"\/>/);
  assert.equal([...svg.matchAll(/<path d="M[^"]*Z" fill="#efb118"\/>/g)].length, 1);
});
