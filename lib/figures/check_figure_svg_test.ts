import assert from "node:assert/strict";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { checkFigureSvg } from "./check_figure_svg.ts";
import { plotSvg } from "./plot_svg.ts";
import { standaloneFigure } from "./standalone_figure.ts";
import { fromRoot } from "../io/paths.ts";

const SCALES = {
  x: { type: "linear", range: [20, 180], domain: [0, 1] },
  y: { type: "band", range: [10, 90], bandwidth: 20 },
};

/** A hand-built figure: an optional legend swatch, then one chart holding `marks`. */
function figure(
  marks: string,
  options: { legend?: string; scales?: object | null; width?: number; height?: number } = {},
): string {
  const { legend = "", scales = SCALES, width = 240, height = 140 } = options;
  const data = scales ? ` data-scales='${JSON.stringify(scales)}'` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="white"/>${legend}` +
    `<g transform="translate(20,20)"><svg width="200" height="100" viewBox="0 0 200 100" font-size="10"${data}>` +
    `${marks}</svg></g></svg>`;
}

const rules = (svg: string) => [...new Set(checkFigureSvg(svg).map((p) => p.rule))];

Deno.test("checkFigureSvg() finds nothing wrong in a well-drawn chart", () => {
  const ok = figure(
    `<g aria-label="bar" fill="#4269d0"><rect x="20" y="12" width="160" height="16"/></g>` +
      `<g aria-label="dot" fill="#4269d0"><circle cx="100" cy="50" r="3"/></g>`,
    { legend: `<circle cx="5" cy="5" r="4" fill="#4269d0"/><text x="12" y="9">series</text>` },
  );
  assert.deepEqual(checkFigureSvg(ok), []);
});

Deno.test("checkFigureSvg() reports a mark outside its panel's frame, with its place", () => {
  // A bar below the band axis's range: inside the chart, outside its plotting frame.
  const svg = figure(`<g aria-label="bar"><rect x="20" y="92" width="40" height="6"/></g>`);
  const problems = checkFigureSvg(svg);
  assert.deepEqual(problems.map((p) => p.rule), ["frame"]);
  assert.match(
    problems[0].message,
    /bar 1 .* y 92–98, outside its plotting frame x 20–180, y 10–90/,
  );
  // Translations of the mark's group count: the same bar moved up by 10 px fits.
  const moved = figure(
    `<g aria-label="bar" transform="translate(0,-10)"><rect x="20" y="92" width="40" height="6"/></g>`,
  );
  assert.deepEqual(checkFigureSvg(moved), []);
});

Deno.test("checkFigureSvg() reports data outside an axis domain, in data units", () => {
  // x = 1.5 on a domain [0, 1] mapped to 20–180 px lies at 260 px.
  const svg = figure(`<g aria-label="dot"><circle cx="260" cy="50" r="3"/></g>`);
  const problems = checkFigureSvg(svg).filter((p) => p.rule === "domain");
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /dot 1 .* draws x = 1\.5, outside the x domain \[0, 1\]/);
});

Deno.test("checkFigureSvg() reports a percent axis that does not span its data", () => {
  // Ticks 0–1 on an axis labelled in percent, with a bar past the last tick (inside the chart).
  const axis = `<g aria-label="x-axis tick label" transform="translate(0,9)">` +
    `<text transform="translate(20,90)">0.0</text><text transform="translate(100,90)">0.5</text>` +
    `<text transform="translate(180,90)">1.0</text></g>` +
    `<g aria-label="x-axis label"><text transform="translate(100,98)">share (%)</text></g>`;
  const svg = figure(
    `${axis}<g aria-label="bar"><rect x="20" y="20" width="170" height="10"/></g>`,
    {
      scales: null,
    },
  );
  const problems = checkFigureSvg(svg);
  assert.deepEqual(problems.map((p) => p.rule), ["percent"]);
  assert.match(
    problems[0].message,
    /runs 10 px past the last tick \(1\.0\) of the percent x axis "share \(%\)"/,
  );
  // Tick labels beyond 100 on a percent axis.
  const beyond = axis.replace(">1.0<", ">150<");
  assert.deepEqual(rules(figure(beyond, { scales: null })), ["percent"]);
});

Deno.test("checkFigureSvg() reports legend colours that no mark uses, and mark colours missing from the legend", () => {
  const svg = figure(`<g aria-label="dot" fill="#4269d0"><circle cx="100" cy="50" r="3"/></g>`, {
    legend: `<circle cx="5" cy="5" r="4" fill="#ff725c"/><text x="12" y="9">series</text>`,
  });
  const problems = checkFigureSvg(svg);
  assert.deepEqual(problems.map((p) => p.rule), ["legend", "legend"]);
  assert.match(problems[0].message, /legend shows colour #ff725c, which no mark uses/);
  assert.match(problems[1].message, /Marks use colour #4269d0, which the legend does not show/);
  // Greys explain shapes and reference lines: they need no legend entry.
  const grey = figure(
    `<g aria-label="rule" stroke="#444"><line x1="100" x2="100" y1="10" y2="90"/></g>`,
  );
  assert.deepEqual(checkFigureSvg(grey), []);
});

Deno.test("checkFigureSvg() reports text cut off at the edge of its chart or figure", () => {
  const label = `<g aria-label="y-axis tick label" text-anchor="end">` +
    `<text transform="translate(15,20)">a long category name</text></g>`;
  const problems = checkFigureSvg(figure(label));
  assert.deepEqual(problems.map((p) => p.rule), ["clipped"]);
  assert.match(problems[0].message, /Text "a long category name" .* beyond the chart's 200×100 px/);
  const title =
    `<text x="12" y="14" font-size="15">A title far too long for a figure this narrow</text>`;
  assert.deepEqual(rules(figure("", { legend: title })), ["clipped"]);
});

Deno.test("checkFigureSvg() reports axis ticks without labels", () => {
  const axis = (second: string) =>
    `<g aria-label="x-axis tick"><path transform="translate(20,80)" d="M0,0L0,6"/>` +
    `<path transform="translate(100,80)" d="M0,0L0,6"/></g>` +
    `<g aria-label="x-axis tick label"><text transform="translate(20,86)" y="0.71em">1</text>` +
    `<text transform="translate(100,86)" y="0.71em">${second}</text></g>`;
  assert.deepEqual(checkFigureSvg(figure(axis("5"))), []);
  const problems = checkFigureSvg(figure(axis("")));
  assert.deepEqual(problems.map((p) => p.rule), ["ticks"]);
  assert.match(problems[0].message, /x axis of the chart has 2 ticks but only 1 tick labels/);
});

Deno.test("checkFigureSvg() reports tick labels that overlap", () => {
  const axis = (x: number) =>
    `<g aria-label="x-axis tick"><path transform="translate(60,80)" d="M0,0L0,6"/>` +
    `<path transform="translate(${x},80)" d="M0,0L0,6"/></g>` +
    `<g aria-label="x-axis tick label"><text transform="translate(60,86)" y="0.71em">9</text>` +
    `<text transform="translate(${x},86)" y="0.71em">10</text></g>`;
  // Labels are centred (Plot's text-anchor middle on the chart).
  const chart = (x: number) =>
    figure(axis(x)).replace('font-size="10"', 'font-size="10" text-anchor="middle"');
  assert.deepEqual(checkFigureSvg(chart(80)), []);
  const problems = checkFigureSvg(chart(66));
  assert.deepEqual(problems.map((p) => p.rule), ["overlap"]);
  assert.match(
    problems[0].message,
    /Tick labels "9" and "10" of the x axis of the chart are overlapping by [\d.]+ px/,
  );
  // Touching labels run together as well: "9" and "10" 0.04 px apart read as "910".
  assert.match(checkFigureSvg(chart(69.6))[0].message, /are 0\.\d px apart \(less than 2 px/);
});

Deno.test("checkFigureSvg() reports a figure taller than a page at its width", () => {
  // 9/7 is the limit: 7 in wide, 9 in of text height.
  assert.deepEqual(rules(figure("", { width: 240, height: 308 })), []);
  const problems = checkFigureSvg(figure("", { width: 240, height: 320 }));
  assert.deepEqual(problems.map((p) => p.rule), ["printable"]);
  assert.match(
    problems[0].message,
    /height\/width 1\.33 > 1\.29: printed 7 in wide it is 9\.3 in tall/,
  );
});

Deno.test("checkFigureSvg() reads the scales plotSvg() records: a Plot bar past its domain is caught", () => {
  const data = [{ run: "a", share: 0.4 }, { run: "b", share: 0.9 }];
  const chart = (domain: [number, number]) =>
    standaloneFigure([
      plotSvg({
        width: 300,
        height: 120,
        x: { domain, percent: true, label: "share (%)" },
        marks: [Plot.barX(data, { x: "share", y: "run", fill: "#4269d0" })],
      }),
    ], { title: "Shares", legend: [{ label: "share", color: "#4269d0" }] });
  assert.deepEqual(checkFigureSvg(chart([0, 100])), []);
  // `percent: true` with a domain given as proportions: the bars run 40 and 90 times too far.
  assert.deepEqual(rules(chart([0, 1])), ["frame", "domain", "percent"]);
});

Deno.test("checkFigureSvg() finds no problem in any figure of the committed study report", async () => {
  const dir = fromRoot("figures");
  const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".svg"))
    .sort();
  assert.ok(files.length >= 10, `expected the study's figures in ${dir}, found ${files.length}`);
  const found: string[] = [];
  for (const f of files) {
    for (const p of checkFigureSvg(await Deno.readTextFile(join(dir, f)))) {
      found.push(`${f}: [${p.rule}] ${p.message}`);
    }
  }
  assert.deepEqual(found, []);
});
