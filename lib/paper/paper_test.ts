import assert from "node:assert/strict";
import { standaloneFigure } from "../figures/standalone_figure.ts";
import { paperFigure } from "./paper_figure.ts";
import { LONG_ROWS, paperTable } from "./paper_table.ts";
import { numbersTex, paperNumbers } from "./paper_numbers.ts";
import { svgSize } from "../figures/svg_to_pdf.ts";

Deno.test("paperFigure() leaves out the title, subtitle and source line, keeps the legend, and crops", () => {
  const chart = {
    svg: '<svg width="300" height="100"><rect width="5" height="5"/></svg>',
    width: 300,
    height: 100,
  };
  const svg = standaloneFigure([chart], {
    title: "Scaling of chrF",
    subtitle: "Means with 95% intervals",
    legend: [{ label: "fine-tuned", color: "steelblue" }],
    note: "Source: benchmark_4b_ft.json",
  });
  const p = paperFigure(svg);
  assert.equal(p.heading, "Scaling of chrF. Means with 95% intervals.");
  assert.equal(p.note, "Source: benchmark_4b_ft.json");
  assert.doesNotMatch(p.svg, /Scaling of chrF|Means with|Source:/);
  assert.match(p.svg, /fine-tuned/);
  assert.ok(svgSize(p.svg).height < svgSize(svg).height - 40, "cropped to the body");
  assert.ok(svgSize(p.svg).height >= 100, "the chart is kept whole");
});

Deno.test("paperTable() uses booktabs, right-aligns numbers with math minus, scales wide and breaks long tables", () => {
  const md =
    "| run | a | b | c | d | e | f | g |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
    "| x | -1.5 | 2.0 | 3.0 | 4.0 | 5.0 | 6.0 | 7.0 |\n";
  const wide = paperTable(md, "Wide", "w", "w.md");
  assert.match(wide, /\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
  assert.match(wide, /\\begin\{adjustbox\}\{max width=\\linewidth\}/);
  assert.match(wide, /x & \\ensuremath\{-\}1.5 & 2.0/);
  const long = "| run | n |\n| --- | ---: |\n" +
    Array.from({ length: LONG_ROWS + 1 }, (_, i) => `| r${i} | ${i} |`).join("\n");
  assert.match(paperTable(long, "Long", "l", "l.md"), /\\begin\{longtable\}\{lr\}/);
  assert.throws(
    () => paperTable("| a |\n| x |\n", "Bad", "b", "b.md"),
    /b\.md line 2: expected 1 alignment/,
  );
});

Deno.test("the paper's macros carry the numbers the findings quote, each named after its table and row", async () => {
  const numbers = await paperNumbers("figures");
  const report = await Deno.readTextFile("figures/report.md");
  const text = (name: string) => numbers.find((n) => n.name === name)?.text;
  for (const size of ["Four", "Eight", "OneFour"]) {
    const base = `FindingsBertscoreFOneBenchmark${size}BFtVsBaseline${size}B`;
    const quoted = `${text(`${base}Diff`)} points [${text(`${base}Lo`)}, ${text(`${base}Hi`)}]`;
    assert.ok(report.includes(quoted), `report.md quotes "${quoted}"`);
  }
  assert.equal(text("HeadlineQwenThreeFourBBaseBertscoreFOneMean"), "81.0");
  const tex = numbersTex(numbers).split("\n");
  tex.forEach((line, i) => {
    if (line.startsWith("\\newcommand")) {
      assert.match(tex[i - 1], /^% tables\/(findings_tests|scaling_main)\.csv row \d+ \(/);
    }
  });
});
