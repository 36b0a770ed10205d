import assert from "node:assert/strict";
import { join } from "node:path";
import { denoNotebook } from "../testing/deno_notebook.ts";
import { displayPath, REPO_ROOT } from "../io/paths.ts";
import { resolveParams } from "./params.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { runReport } from "./run_report.ts";

/** A section that loads the results and lists them, with their SHA-256, under a table. */
function loadingNotebook(id: string): string {
  return denoNotebook(
    `import { ReportSection, reportParams } from "${REPO_ROOT}/lib/report/mod.ts";\n` +
      `import { loadScored } from "${REPO_ROOT}/lib/scored/load_scored.ts";\n` +
      `const params = reportParams();\nconst section = new ReportSection("${id}", "${id}", params);`,
    `const scored = await loadScored(params.results, { cache: params.cache, text: false });\n` +
      `await section.table("${id}", scored.runs.map((r) => ({ run: r.run.id, n: r.samples })), ` +
      `{ sources: scored.runs.map((r) => r.source) });\nawait section.save();`,
  );
}

Deno.test("a result file replaced while the report runs: every section reads the version of the start", async () => {
  const results = await Deno.makeTempDir({ prefix: "snapshot-results-" });
  const file = join(results, "baseline_4b.json");
  await Deno.copyFile(join(STUDY_RESULTS, "baseline_4b.json"), file);
  const original = JSON.parse(await Deno.readTextFile(file));
  await Deno.mkdir(join(REPO_ROOT, "runs"), { recursive: true });
  const notebooks = await Deno.makeTempDir({
    dir: join(REPO_ROOT, "runs"),
    prefix: "test-notebooks-",
  });
  for (const id of ["01_first", "02_second"]) {
    await Deno.writeTextFile(join(notebooks, `${id}.ipynb`), loadingNotebook(id));
  }
  const out = join(await Deno.makeTempDir(), "out");
  let replaced = false;
  try {
    await runReport(resolveParams({ results, out, published: null, humanEval: [] }), {
      notebooks: ["01_first.ipynb", "02_second.ipynb"],
      notebookDir: notebooks,
      concurrency: 1,
      log: (message) => {
        if (!replaced && message.includes("01_first.ipynb done")) {
          // Another version of the file, written in place after the first section.
          const changed = structuredClone(original);
          changed.detailed_results = changed.detailed_results.slice(0, 400);
          Deno.writeTextFileSync(file, JSON.stringify(changed));
          replaced = true;
        }
      },
    });
    assert.ok(replaced, "the file was replaced during the report");
    const report = await Deno.readTextFile(join(out, "report.md"));
    const listed = [...report.matchAll(/`([^`]*baseline_4b\.json)` `([0-9a-f]{64})`/g)];
    assert.equal(listed.length, 2, "both sections list the file");
    assert.equal(new Set(listed.map((m) => m[2])).size, 1, "with one SHA-256");
    assert.ok(!report.includes("| 400 |"), "no section read the replaced version");
    assert.equal(listed[0][1], displayPath(file), "named by its real path");
    for await (const e of Deno.readDir(out)) assert.notEqual(e.name, ".inputs");
  } finally {
    await Deno.remove(notebooks, { recursive: true });
  }
});

Deno.test("a WORKBENCH_CACHE_DIR that is a file costs time only: one warning naming it, then the report", async () => {
  const results = await Deno.makeTempDir({ prefix: "cache-trouble-results-" });
  await Deno.copyFile(join(STUDY_RESULTS, "baseline_4b.json"), join(results, "baseline_4b.json"));
  await Deno.mkdir(join(REPO_ROOT, "runs"), { recursive: true });
  const notebooks = await Deno.makeTempDir({
    dir: join(REPO_ROOT, "runs"),
    prefix: "test-notebooks-",
  });
  await Deno.writeTextFile(join(notebooks, "01_first.ipynb"), loadingNotebook("01_first"));
  const file = await Deno.makeTempFile({ prefix: "not-a-cache-" });
  await Deno.writeTextFile(file, "mine");
  const out = join(await Deno.makeTempDir(), "out");
  const messages: string[] = [];
  Deno.env.set("WORKBENCH_CACHE_DIR", file);
  try {
    await runReport(resolveParams({ results, out, published: null, humanEval: [] }), {
      notebooks: ["01_first.ipynb"],
      notebookDir: notebooks,
      log: (m) => messages.push(m),
    });
  } finally {
    Deno.env.delete("WORKBENCH_CACHE_DIR");
    await Deno.remove(notebooks, { recursive: true });
  }
  const warnings = messages.filter((m) => m.includes("warning"));
  assert.equal(warnings.length, 1, messages.join("\n"));
  assert.match(warnings[0], new RegExp(`WORKBENCH_CACHE_DIR=${file}.*going on without it`));
  assert.match(await Deno.readTextFile(join(out, "report.md")), /\| baseline_4b \| 500 \|/);
  assert.equal(await Deno.readTextFile(file), "mine");
});
