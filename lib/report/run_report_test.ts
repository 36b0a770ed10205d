import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsv } from "../io/csv.ts";
import { resolveParams } from "./params.ts";
import { loadResults } from "../results/load_results.ts";
import { requireSharedData, SHARED_RESULTS } from "../results/_shared_data.ts";
import { NotebookError } from "../notebook/execute_notebook.ts";
import { runReport } from "./run_report.ts";

function notebook(...cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      execution_count: null,
      metadata: {},
      outputs: [],
      source,
    })),
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

async function failingRun(cells: string[]): Promise<{ error: unknown; out: string }> {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "nb"));
  await Deno.writeTextFile(join(dir, "nb", "01_fail.ipynb"), notebook(...cells));
  const out = join(dir, "out");
  await Deno.mkdir(out);
  await Deno.writeTextFile(join(out, "report.md"), "previous report\n");
  const params = resolveParams({ results: "data/results", out });
  let error: unknown = null;
  try {
    await runReport(params, {
      notebooks: ["01_fail.ipynb"],
      notebookDir: join(dir, "nb"),
      log: () => {},
    });
  } catch (e) {
    error = e;
  }
  return { error, out };
}

Deno.test("runReport() fails on a throwing cell, names notebook, cell and error, and keeps the old output", async () => {
  const { error, out } = await failingRun([
    "const a = 1;\na",
    'throw new Error("boom қазақ");',
    "1",
  ]);
  assert.ok(error instanceof NotebookError, `expected NotebookError, got ${error}`);
  assert.equal(error.cell, 1);
  assert.match(error.message, /01_fail\.ipynb" failed in cell 1: Error: boom қазақ/);
  assert.equal(await Deno.readTextFile(join(out, "report.md")), "previous report\n");
  const siblings = [...Deno.readDirSync(join(out, ".."))].map((e) => e.name);
  assert.ok(!siblings.some((n) => n.includes(".partial")), `staging left behind: ${siblings}`);
});

Deno.test("runReport() fails on a rejected await in a cell", async () => {
  const { error } = await failingRun(['await Promise.reject(new TypeError("late failure"));']);
  assert.ok(error instanceof NotebookError, `expected NotebookError, got ${error}`);
  assert.equal(error.cell, 0);
  assert.match(error.message, /TypeError: late failure/);
});

Deno.test("report on the study's files: scaling means equal the stored per-sample means, intervals close to the study's", async () => {
  await requireSharedData();
  const out = join(await Deno.makeTempDir(), "x");
  await runReport(resolveParams({ results: SHARED_RESULTS, out }), {
    notebooks: ["20_scaling.ipynb"],
    log: () => {},
  });
  const rows = parseCsv(await Deno.readTextFile(join(out, "tables", "scaling.csv")));
  assert.equal(rows.length, 8);
  const { runs } = await loadResults(SHARED_RESULTS);
  const study = JSON.parse(await Deno.readTextFile(join(SHARED_RESULTS, "baseline_4b.json")));
  for (const r of runs) {
    const row = rows.find((x) => x.run === r.run.id)!;
    assert.equal(Number(row.n), 500);
    for (const metric of Object.keys(r.samples![0].metrics)) {
      let sum = 0;
      for (const s of r.samples!) sum += s.metrics[metric]!;
      assert.equal(Number(row[`${metric}_mean`]), sum / r.samples!.length, `${r.run.id} ${metric}`);
    }
    const file = JSON.parse(await Deno.readTextFile(r.source.path));
    const ci = file.confidence_intervals.bertscore_f1;
    assert.ok(Math.abs(Number(row.bertscore_f1_lo) - ci.ci_lower) < 0.001, `${r.run.id} lo`);
    assert.ok(Math.abs(Number(row.bertscore_f1_hi) - ci.ci_upper) < 0.001, `${r.run.id} hi`);
  }
  assert.ok(study.confidence_intervals.bertscore_f1);
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(
    report,
    /`\.\.\/shared\/datasets\/kz-legal-qa\/results\/baseline_4b\.json` `[0-9a-f]{64}`/,
  );
  for (
    const f of [
      "scaling.svg",
      "scaling.png",
      "latency_quality.svg",
      "tables/scaling.md",
      "tables/scaling.tex",
      "notebooks/20_scaling.ipynb",
    ]
  ) {
    assert.ok((await Deno.stat(join(out, f))).size > 0, f);
  }
  const svg = await Deno.readTextFile(join(out, "scaling.svg"));
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /GPT-4o \(reference\)/);
});

Deno.test("runReport() refuses to replace a non-empty folder that holds no report", async () => {
  const out = await Deno.makeTempDir();
  await Deno.writeTextFile(join(out, "thesis.tex"), "precious");
  await assert.rejects(
    runReport(resolveParams({ out }), { log: () => {} }),
    /Refusing to write the report into/,
  );
  assert.equal(await Deno.readTextFile(join(out, "thesis.tex")), "precious");
});
