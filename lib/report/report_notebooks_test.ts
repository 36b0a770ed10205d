import assert from "node:assert/strict";
import { join } from "node:path";
import { readNotebooks, reportNotebooks } from "./report_notebooks.ts";
import { denoNotebook } from "../testing/deno_notebook.ts";

Deno.test("reportNotebooks(): every notebook is a section except the GPU notebooks and the starter, in file order", async () => {
  const all = await readNotebooks();
  const sections = await reportNotebooks();
  assert.deepEqual(
    all.filter((n) => !n.section).map((n) => n.id),
    ["80_training", "90_benchmark", "99_explore"],
  );
  assert.deepEqual(sections, [...sections].sort());
  assert.equal(sections[0], "00_findings.ipynb", "the findings open the report");
  const early = all.filter((n) => n.startEarly !== null).sort((a, b) =>
    a.startEarly! - b.startEarly!
  );
  assert.deepEqual(
    early.map((n) => n.startEarly),
    early.map((_, i) => i + 1),
    "start_early: 1, 2, ...",
  );
});

Deno.test("readNotebooks() names a notebook whose metadata.workbench is malformed", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const nb = JSON.parse(denoNotebook("1"));
    nb.metadata.workbench = { section: "yes" };
    await Deno.writeTextFile(join(dir, "20_bad.ipynb"), JSON.stringify(nb));
    await assert.rejects(
      () => readNotebooks(dir),
      /20_bad.ipynb: metadata.workbench.section must be true or false/,
    );
    nb.metadata.workbench = { section: true, start_early: 0 };
    await Deno.writeTextFile(join(dir, "20_bad.ipynb"), JSON.stringify(nb));
    await assert.rejects(() => readNotebooks(dir), /start_early must be a positive integer/);
    nb.metadata.workbench = { section: true };
    await Deno.writeTextFile(join(dir, "20_bad.ipynb"), JSON.stringify(nb));
    assert.deepEqual(await reportNotebooks(dir), ["20_bad.ipynb"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
