/**
 * The path rule of docs/notebooks.md, checked where it matters: in a notebook, whose kernel runs
 * in the notebook's own folder. A notebook in `notebooks/` and one in a subfolder of it give
 * `loadScored`, `sourceFile`, `exists` and `readAnalysisPlan` paths relative to the repository
 * root, and get the same files.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { denoNotebook } from "../testing/deno_notebook.ts";
import { fromRoot } from "../io/paths.ts";
import { executeNotebook } from "./execute_notebook.ts";

function notebook(lib: string): string {
  const cells = [
    `import { notebookParams } from "${lib}/report/mod.ts";\n` +
    `import { loadScored } from "${lib}/scored/mod.ts";\n` +
    `import { exists, sourceFile } from "${lib}/io/mod.ts";\n` +
    `import { readAnalysisPlan } from "${lib}/analysis/mod.ts";\n` +
    `const scored = await loadScored("data/results", { text: false, cache: false });\n` +
    `const plan = await readAnalysisPlan("data/analysis_plan.json");\n` +
    `const source = await sourceFile("data/analysis_plan.json");\n` +
    `console.log(JSON.stringify({ runs: scored.runs.length, plan: plan.primary.length, ` +
    `exists: await exists("data/results"), source: source.path, cwd: Deno.cwd() }))`,
  ];
  return denoNotebook(...cells);
}

async function lastValue(path: string): Promise<Record<string, unknown>> {
  const nb = JSON.parse(await Deno.readTextFile(path));
  const out = nb.cells.at(-1).outputs.find((o: { output_type: string }) =>
    o.output_type === "stream"
  );
  return JSON.parse([out.text].flat().join(""));
}

Deno.test("a notebook in notebooks/ and one in a subfolder resolve relative paths against the repository root", async () => {
  const dir = await Deno.makeTempDir({ dir: fromRoot("notebooks"), prefix: "_paths_test_" });
  const out = await Deno.makeTempDir();
  try {
    const top = `${dir}.ipynb`; // notebooks/_paths_test_X.ipynb
    const nested = join(dir, "nested.ipynb"); // notebooks/_paths_test_X/nested.ipynb
    await Deno.writeTextFile(top, notebook("../lib"));
    await Deno.writeTextFile(nested, notebook("../../lib"));
    try {
      await executeNotebook(top, join(out, "top.ipynb"));
      await executeNotebook(nested, join(out, "nested.ipynb"));
    } finally {
      await Deno.remove(top);
    }
    const a = await lastValue(join(out, "top.ipynb"));
    const b = await lastValue(join(out, "nested.ipynb"));
    assert.equal(a.cwd, fromRoot("notebooks"), "the kernel runs in the notebook's folder");
    assert.equal(b.cwd, dir);
    for (const v of [a, b]) {
      assert.equal(v.runs, 8, "the study's eight runs from data/results");
      assert.equal(v.exists, true);
      assert.equal(v.source, fromRoot("data/analysis_plan.json"));
      assert.ok((v.plan as number) > 0);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(out, { recursive: true });
  }
});
