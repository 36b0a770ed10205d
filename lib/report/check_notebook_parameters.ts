/**
 * The check of a notebook's report parameters, run by `deno task check` on every notebook: its
 * `parameters` cell sets only declared report parameters ({@linkcode REPORT_PARAMS}), each with
 * a value of the declared type and range, and every section id it states is its file stem.
 * @module
 */
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { resolveParams } from "./params.ts";

/** What {@linkcode checkNotebookParameters} found. */
export interface NotebookParametersCheck {
  /** Whether the notebook works with report parameters (calls `notebookParams` or `ReportSection.open`). */
  reportParameters: boolean;
  /** The section ids it states (`ReportSection.open("20_scaling", ...)`). */
  ids: string[];
}

interface Cell {
  cell_type: string;
  metadata?: { tags?: string[] };
  source: string | string[];
}

const text = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);

/**
 * Checks the report parameters of the notebook `notebookText` (the `.ipynb` file's text): the
 * `parameters` cell is run on its own, as the kernel runs it first, and its `parameters` object
 * checked as `resolveParams` checks it. A notebook that does not work with report parameters
 * (the GPU notebooks read `WORKBENCH_JOB`) is not checked.
 *
 * @param where The notebook's path, as errors name it (its stem is the expected id).
 * @throws {TypeError} or {RangeError} naming the notebook, the cell and the expectation.
 * @example
 * ```ts
 * import { checkNotebookParameters } from "./check_notebook_parameters.ts";
 * import { denoNotebook } from "../testing/deno_notebook.ts";
 * import assert from "node:assert/strict";
 * const nb = (cell: string) =>
 *   JSON.parse(denoNotebook(cell, 'const section = ReportSection.open("20_x", "X", parameters);'));
 * const tagged = (cell: string) => {
 *   const n = nb(cell);
 *   n.cells[0].metadata.tags = ["parameters"];
 *   return JSON.stringify(n);
 * };
 * assert.deepEqual(await checkNotebookParameters(tagged("const parameters = { seed: 1 };"), "notebooks/20_x.ipynb"),
 *   { reportParameters: true, ids: ["20_x"] });
 * await assert.rejects(() => checkNotebookParameters(tagged("const parameters = { seed: -1 };"), "notebooks/20_x.ipynb"),
 *   /Invalid notebooks\/20_x.ipynb, parameters cell: seed must be an integer in \[0, 4294967295\], got -1/);
 * ```
 */
export async function checkNotebookParameters(
  notebookText: string,
  where: string,
): Promise<NotebookParametersCheck> {
  const cells: Cell[] = JSON.parse(notebookText).cells ?? [];
  const code = cells.filter((c) => c.cell_type === "code");
  const all = code.map((c) => text(c.source)).join("\n");
  const reportParameters = /\b(notebookParams|ReportSection\.open)\(/.test(all);
  const stem = basename(where, ".ipynb");
  const ids = [...all.matchAll(/\b(?:notebookParams|ReportSection\.open)\(\s*"([^"]*)"/g)].map((
    m,
  ) => m[1]);
  for (const id of ids) {
    if (id !== stem) {
      throw new TypeError(
        `${where}: the notebook's id is its file stem "${stem}", but the code states "${id}"`,
      );
    }
  }
  if (!reportParameters) return { reportParameters, ids };
  const cell = code[0];
  if (!cell?.metadata?.tags?.includes("parameters")) {
    throw new TypeError(`${where}: expected the first code cell to be tagged "parameters"`);
  }
  const dir = await Deno.makeTempDir({ prefix: "workbench-parameters-" });
  try {
    const file = join(dir, "parameters.ts");
    await Deno.writeTextFile(file, `${text(cell.source)}\nexport { parameters };\n`);
    let parameters: unknown;
    try {
      ({ parameters } = await import(pathToFileURL(file).href));
    } catch (error) {
      throw new TypeError(
        `${where}, parameters cell: cannot run it on its own with a \`const parameters\` (${
          (error as Error).message.split("\n")[0]
        })`,
      );
    }
    resolveParams(parameters as never, `${where}, parameters cell`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  return { reportParameters, ids };
}
