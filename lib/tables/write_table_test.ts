import assert from "node:assert/strict";
import { parseCsvRows } from "../io/csv.ts";
import { tableCells, writeTable } from "./write_table.ts";
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

/** A row typed by an interface, as the analysis functions return them (no index signature). */
interface RunRow {
  run: string;
  n: number;
  mean: number | null;
}

Deno.test("writeTable() and tableCells() take rows typed by an interface, and still check their fields", async () => {
  const rows: RunRow[] = [{ run: "a", n: 3, mean: 0.5 }, { run: "b", n: 2, mean: null }];
  // Before CellRecord, this did not type-check: interfaces have no `Record<string, Cell>` index.
  assert.deepEqual(tableCells(rows).cells, [["a", 3, 0.5], ["b", 2, null]]);
  const dir = await Deno.makeTempDir();
  const t = await writeTable(rows, dir, "runs");
  assert.equal(await Deno.readTextFile(t.files.csv), "run,n,mean\na,3,0.5\nb,2,\n");
  await Deno.remove(dir, { recursive: true });
  interface Nested {
    run: string;
    values: number[];
  }
  const nested: Nested[] = [{ run: "a", values: [1] }];
  // @ts-expect-error a field that is not a table cell (a list) is still refused
  assert.ok(tableCells(nested));
});
