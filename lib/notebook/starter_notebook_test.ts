/**
 * `notebooks/99_explore.ipynb`, the starter for a researcher's own question, run headless as a
 * new user would run it: the frame shows as a table with its shape, `Plot.plot({...})` written as
 * in Plot's documentation shows inline as an SVG image, the paired test runs on the subset, and
 * `save()` writes the figure as SVG, PNG and a vector PDF with links that resolve from the notebook.
 */
import assert from "node:assert/strict";
import { dirname, join, resolve } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { reportNotebooks } from "../report/report_notebooks.ts";
import { executeNotebook } from "./execute_notebook.ts";

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
const text = (v: string | string[] | undefined) => [v ?? ""].flat().join("");

Deno.test("the starter notebook runs headless: frame tables with shape, Plot.plot inline, a paired test, a saved figure", async () => {
  const out = await Deno.makeTempDir();
  try {
    const executed = join(out, "99_explore.ipynb");
    await executeNotebook(fromRoot("notebooks/99_explore.ipynb"), executed, {
      env: { WORKBENCH_PARAMS: JSON.stringify({ out, resamples: 500 }) },
    });
    const cells: Cell[] = JSON.parse(await Deno.readTextFile(executed)).cells;
    const code = cells.filter((c) => c.cell_type === "code");
    const result = (i: number) =>
      code[i].outputs!.find((o) => o.output_type === "execute_result")?.data ?? {};

    // 1: the whole frame, 2: Kazakh only, 3: mean chrF per run
    assert.match(text(result(1)["text/html"]), /shape: \(4,000, \d+\)/);
    assert.match(
      text(result(2)["text/html"]),
      /shape: \(920, 5\)/,
      "115 Kazakh questions × 8 runs",
    );
    const agg = text(result(3)["text/html"]);
    assert.match(agg, /shape: \(8, 3\)/);
    assert.match(agg, /overflow-x:auto/, "wide tables scroll");
    // 4: Plot.plot as the cell's result, an SVG image that a browser can show (xmlns)
    const svg = text(result(4)["image/svg+xml"]);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((svg.match(/<rect/g) ?? []).length >= 8, true, "one bar per run");
    // 5: the paired test on the subset
    assert.match(text(result(5)["text/html"]), /p_method/);
    // 6: save() wrote three files and links to them from the notebook's folder
    for (const ext of ["svg", "png", "pdf"]) {
      const file = join(out, `kazakh_chrf.${ext}`);
      assert.ok((await Deno.stat(file)).size > 0, file);
    }
    const pdf = new TextDecoder("latin1").decode(await Deno.readFile(join(out, "kazakh_chrf.pdf")));
    assert.match(pdf, /^%PDF-/);
    assert.doesNotMatch(pdf, /\/Subtype \/Image/, "a vector PDF, not a raster image");
    const links = [...text(result(6)["text/markdown"]).matchAll(/\]\(([^)]+)\)|src="([^"]+)"/g)]
      .map((m) => m[1] ?? m[2]);
    assert.equal(links.length, 4, "the image and three links");
    const from = dirname(fromRoot("notebooks/99_explore.ipynb"));
    for (const l of links) assert.ok((await Deno.stat(resolve(from, l))).isFile, l);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("the starter notebook is not a report section", async () => {
  assert.ok(!(await reportNotebooks()).includes("99_explore.ipynb"));
});
