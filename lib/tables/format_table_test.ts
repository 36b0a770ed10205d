import assert from "node:assert/strict";
import { formatTable, latexEscape, latexTable, markdownTable } from "./format_table.ts";
import { tableCells } from "./write_table.ts";

Deno.test("formatTable() merges interval triples and keeps other columns", () => {
  const t = formatTable(
    ["run", "m_mean", "m_lo", "m_hi", "m_n", "other"],
    [["ft", 0.5, 0.4, 0.6, 480, null], ["base", null, null, null, 0, "x"]],
  );
  assert.deepEqual(t.header, ["run", "m", "m_n", "other"]);
  assert.deepEqual(t.rows, [["ft", "0.500 [0.400, 0.600]", "480", ""], ["base", "", "0", "x"]]);
  assert.deepEqual(t.numeric, [false, true, true, false]);
});

Deno.test("markdownTable() escapes pipes and right-aligns numbers", () => {
  const md = markdownTable({ header: ["a|b", "n"], rows: [["қ|ә", "1"]], numeric: [false, true] });
  assert.equal(md, "| a\\|b | n |\n| --- | ---: |\n| қ\\|ә | 1 |\n");
});

Deno.test("latexTable() writes booktabs rules and escapes special characters", () => {
  const tex = latexTable(
    { header: ["run_id", "n"], rows: [["4B & 8B", "5"]], numeric: [false, true] },
    "Caption 50%",
    "t",
  );
  assert.match(tex, /\\toprule\nrun\\_id & n \\\\\n\\midrule\n4B \\& 8B & 5 \\\\\n\\bottomrule/);
  assert.match(tex, /\\caption\{Caption 50\\%\}/);
  assert.equal(latexEscape("a_b{c}"), "a\\_b\\{c\\}");
});

Deno.test("tableCells() refuses a column the rows do not have, naming it", () => {
  assert.throws(
    () => tableCells([{ run: "a", p_adj: 0.1 }], ["run", "p_holm"]),
    /table columns p_holm are not in the rows \(they have: run, p_adj\)/,
  );
  assert.deepEqual(tableCells([{ run: "a" }, { run: "b", x: 1 }], ["run", "x"]).cells, [
    ["a", undefined],
    ["b", 1],
  ]);
});

Deno.test("formatTable() prints a p-value that rounds to zero as a bound, never as 0.0000; other columns and p_method unchanged", () => {
  const t = formatTable(
    ["metric", "n", "diff", "p", "p_method", "p_adj", "p_mcnemar"],
    [["chrf", 500, 0.00001, 2 / 2 ** 40, "exact", 0.00004, 0.0312], [
      "bleu",
      20,
      0.5,
      0.25,
      "exact",
      1,
      0.00006,
    ]],
    { digits: 4 },
  );
  assert.deepEqual(t.rows, [
    ["chrf", "500", "0.0000", "< 0.0001", "exact", "< 0.0001", "0.0312"],
    ["bleu", "20", "0.5000", "0.2500", "exact", "1.0000", "0.0001"],
  ]);
  const three = formatTable(["p"], [[0.0004]], { digits: 3 });
  assert.deepEqual(three.rows, [["< 0.001"]]);
});

Deno.test("latexEscape() writes < and > as LaTeX commands (a bare < prints as ¡ in OT1)", () => {
  assert.equal(latexEscape("< 0.0001"), "\\textless{} 0.0001");
});
