import assert from "node:assert/strict";
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { checkNotebookParameters } from "./check_notebook_parameters.ts";
import { readNotebooks } from "./report_notebooks.ts";

/** A notebook whose first code cell, tagged `parameters`, is `cell`, then `code`. */
function notebook(cell: string, code: string): string {
  const c = (source: string, tags: string[] = []) => ({
    cell_type: "code",
    metadata: { tags },
    outputs: [],
    execution_count: null,
    source,
  });
  return JSON.stringify({ cells: [c(cell, ["parameters"]), c(code)], metadata: {} });
}
const open = 'const section = ReportSection.open("20_x", "X", parameters);';

Deno.test("checkNotebookParameters() passes every committed notebook, and checks every section and the starter", async () => {
  const checked: string[] = [];
  for (const nb of await readNotebooks()) {
    const text = await Deno.readTextFile(join(fromRoot("notebooks"), nb.file));
    const r = await checkNotebookParameters(text, `notebooks/${nb.file}`);
    if (r.reportParameters) checked.push(nb.id);
    if (nb.section) assert.deepEqual(r.ids, [nb.id], `${nb.file} states its id once`);
  }
  const sections = (await readNotebooks()).filter((n) => n.section).map((n) => n.id);
  assert.deepEqual(checked, [...sections, "99_explore"]);
});

Deno.test("checkNotebookParameters() refuses an undeclared parameter, a wrong type, a wrong id and a missing cell", async () => {
  const where = "notebooks/20_x.ipynb";
  await assert.rejects(
    () => checkNotebookParameters(notebook("const parameters = { resample: 1 };", open), where),
    /Unknown report parameter "resample" in notebooks\/20_x.ipynb, parameters cell/,
  );
  await assert.rejects(
    () => checkNotebookParameters(notebook('const parameters = { data: "a.jsonl" };', open), where),
    /data must be a list of paths, got "a.jsonl"/,
  );
  await assert.rejects(
    () => checkNotebookParameters(notebook("const parameters = { resamples: 10 };", open), where),
    (e: Error) =>
      e instanceof RangeError && /resamples must be an integer in \[100/.test(e.message),
  );
  await assert.rejects(
    () => checkNotebookParameters(notebook("const parameter = {};", open), where),
    /cannot run it on its own with a `const parameters`/,
  );
  await assert.rejects(
    () => checkNotebookParameters(notebook("const parameters = {};", open), "notebooks/21_y.ipynb"),
    /notebooks\/21_y.ipynb: the notebook's id is its file stem "21_y", but the code states "20_x"/,
  );
  assert.deepEqual(
    await checkNotebookParameters(
      notebook("const parameters = { device: 1 };", "jobParams()"),
      where,
    ),
    { reportParameters: false, ids: [] },
    "a notebook of job parameters is not checked against the report's",
  );
});
