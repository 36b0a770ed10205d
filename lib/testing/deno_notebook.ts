/**
 * A Deno notebook for tests.
 * @module
 */

/**
 * The text of an `.ipynb` on the Deno kernel whose code cells are `cells`, in order, with no
 * outputs (ids `c0`, `c1`, …).
 *
 * @example
 * ```ts
 * import { denoNotebook } from "./deno_notebook.ts";
 * import assert from "node:assert/strict";
 * const nb = JSON.parse(denoNotebook("1 + 1"));
 * assert.equal(nb.metadata.kernelspec.name, "deno");
 * assert.equal(nb.cells[0].source, "1 + 1");
 * ```
 */
export function denoNotebook(...cells: string[]): string {
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
