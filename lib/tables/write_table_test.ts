import assert from "node:assert/strict";
import { parseCsvRows } from "../io/csv.ts";
import { writeTable } from "./write_table.ts";
import {
  formulaCells,
  INJECTION_PAYLOADS,
  LATEX_PAYLOADS,
  markdownLeaks,
} from "../testing/injection_payloads.ts";

Deno.test("writeTable() neutralises hostile text in every form: CSV formulas, Markdown HTML/images/code, LaTeX commands", async () => {
  const dir = await Deno.makeTempDir();
  const rows = INJECTION_PAYLOADS.map((p, i) => ({
    run: `${p}.json`,
    answer: p,
    diff: i % 2 ? -0.5 : 0.25,
    n: -i,
  }));
  const t = await writeTable(rows, dir, "hostile", { caption: "Hostile", mergeIntervals: false });
  // CSV: no text cell starts a formula, and numbers (negative ones too) stay numbers.
  const csv = parseCsvRows(await Deno.readTextFile(t.files.csv));
  assert.deepEqual(formulaCells(csv), []);
  assert.equal(csv.length, 1 + INJECTION_PAYLOADS.length);
  assert.deepEqual(csv.slice(1).map((r) => r[2]), rows.map((r) => String(r.diff)));
  assert.deepEqual(csv.slice(1).map((r) => r[3]), rows.map((r) => String(r.n)));
  assert.equal(csv[1][1], "'=cmd|' calc'!A0");
  // Markdown: no raw HTML, remote image or link; a backtick cannot open a code span; one line per row.
  const md = await Deno.readTextFile(t.files.md);
  assert.deepEqual(markdownLeaks(md), []);
  assert.ok(!/(?<!\\)`/.test(md), "every backtick is escaped");
  assert.equal(md.trim().split("\n").length, 2 + INJECTION_PAYLOADS.length);
  assert.match(md, /&lt;img src=x onerror=alert\(1\)&gt;/);
  // LaTeX: no command from the data survives.
  const tex = await Deno.readTextFile(t.files.tex);
  for (const p of LATEX_PAYLOADS) assert.ok(!tex.includes(p), `LaTeX holds ${JSON.stringify(p)}`);
  assert.ok(!/\\(input|write18)/.test(tex));
  assert.match(tex, /\\textbackslash\{\}input\\\{\/etc\/passwd\\\}/);
});
