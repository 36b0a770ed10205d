import assert from "node:assert/strict";
import { formatNotebook } from "./check_notebooks.ts";
import { fromRoot } from "../io/paths.ts";

Deno.test("formatNotebook() leaves the committed notebooks as they are and catches a misformatted cell", async () => {
  const text = await Deno.readTextFile(fromRoot("notebooks/20_scaling.ipynb"));
  assert.equal(await formatNotebook(text, 100), text);
  // The unindented `} else {` that a formatter would indent (as 20_scaling once had).
  const nb = JSON.parse(text);
  const cell = nb.cells.find((c: { cell_type: string }) => c.cell_type === "code");
  cell.source = "if (true) {\nconst a = 1;\n} else {\nconst b = 2;\n}\n";
  const bad = JSON.stringify(nb, null, 1) + "\n";
  assert.notEqual(await formatNotebook(bad, 100), bad);
});
