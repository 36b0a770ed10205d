import assert from "node:assert/strict";
import { extractNotebook, mapLocations } from "./extract_notebook.ts";

const notebook = JSON.stringify({
  cells: [
    { cell_type: "markdown", source: "# Title" },
    {
      cell_type: "code",
      metadata: { tags: ["parameters"] },
      source: "const parameters = { n: 1 };\n",
    },
    { cell_type: "code", source: ["const x: number = parameters.n;\n", "x"] },
  ],
});

Deno.test("extractNotebook() keeps the parameters cell and every code cell, in order, each named", () => {
  const { code, cells } = extractNotebook(notebook, "notebooks/10_x.ipynb");
  assert.equal(
    code,
    "// notebooks/10_x.ipynb, cell 2\nconst parameters = { n: 1 };\n" +
      "// notebooks/10_x.ipynb, cell 3\nconst x: number = parameters.n;\nx\n",
  );
  assert.deepEqual(cells, [{ cell: 2, line: 2 }, { cell: 3, line: 4 }]);
});

Deno.test("mapLocations() names the notebook, cell and line of a checker message", () => {
  const { cells } = extractNotebook(notebook, "notebooks/10_x.ipynb");
  const out = mapLocations(
    "TS2322 [ERROR]: ...\n    at file:///r/notebooks/.check_10_x.ts:5:7",
    "/r/notebooks/.check_10_x.ts",
    "notebooks/10_x.ipynb",
    cells,
  );
  assert.equal(out, "TS2322 [ERROR]: ...\n    at notebooks/10_x.ipynb cell 3, line 2:7");
});

Deno.test("extractNotebook() refuses a file that is not a notebook, naming it and what was expected", () => {
  assert.throws(() => extractNotebook("{", "notebooks/bad.ipynb"), {
    name: "SyntaxError",
    message: /"notebooks\/bad\.ipynb": not JSON/,
  });
  assert.throws(() => extractNotebook("{}", "notebooks/bad.ipynb"), /expected a "cells" list/);
  assert.throws(
    () => extractNotebook('{"cells":[{"cell_type":"code","source":3}]}', "notebooks/bad.ipynb"),
    /cells\[0\]\.source is neither a string nor a list of strings/,
  );
});
