/**
 * The committed notebooks: no outputs (executed copies go to the report folder), a first code
 * cell tagged `parameters` with the visible defaults, and the Deno kernel.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";

const DIR = fromRoot("notebooks");
const names = (await Array.fromAsync(Deno.readDir(DIR))).map((e) => e.name)
  .filter((n) => n.endsWith(".ipynb")).sort();

interface Cell {
  cell_type: string;
  metadata: { tags?: string[] };
  outputs?: unknown[];
  execution_count?: number | null;
  source: string | string[];
}

Deno.test("committed notebooks carry no outputs and no execution counts (run `deno task strip-notebooks`)", async () => {
  const dirty: string[] = [];
  for (const name of names) {
    const nb = JSON.parse(await Deno.readTextFile(join(DIR, name)));
    nb.cells.forEach((c: Cell, i: number) => {
      if (c.cell_type === "code" && ((c.outputs ?? []).length > 0 || c.execution_count != null)) {
        dirty.push(`${name} cell ${i}`);
      }
    });
  }
  assert.deepEqual(dirty, []);
});

Deno.test("every notebook starts with a parameters cell and runs on the Deno kernel", async () => {
  for (const name of names) {
    const nb = JSON.parse(await Deno.readTextFile(join(DIR, name)));
    assert.equal(nb.metadata.kernelspec.name, "deno", name);
    const first = (nb.cells as Cell[]).find((c) => c.cell_type === "code")!;
    assert.deepEqual(
      first.metadata.tags,
      ["parameters"],
      `${name}: first code cell tagged "parameters"`,
    );
    const source = Array.isArray(first.source) ? first.source.join("") : first.source;
    assert.match(source, /const parameters = \{/, name);
    assert.equal(
      nb.cells[0].cell_type,
      "markdown",
      `${name} opens with a few lines saying what it shows`,
    );
  }
});
