import assert from "node:assert/strict";
import { join } from "node:path";
import { ReportSection } from "./report_section.ts";
import { resolveParams } from "./params.ts";

async function section() {
  const dir = await Deno.makeTempDir();
  const sectionsDir = join(dir, "sections");
  await Deno.mkdir(sectionsDir);
  const params = { ...resolveParams({ out: join(dir, "out") }), sectionsDir };
  return new ReportSection("01_tiny", "Tiny", params);
}

const sources = [{ path: "data/x.json", sha256: "0".repeat(64) }];

Deno.test("ReportSection.table() with inline false tells the reader the table is not shown and where it is", async () => {
  const s = await section();
  await s.table("hidden", [{ a: 1 }, { a: 2 }], {
    caption: "A hidden table",
    sources,
    inline: false,
  });
  const md = s.markdown();
  assert.match(
    md,
    /\*\*Table hidden\.\*\* A hidden table \(2 rows, not shown here: \[CSV\]\(tables\/hidden\.csv\), \[LaTeX\]\(tables\/hidden\.tex\)\)/,
  );
  assert.doesNotMatch(md, /\| a \|/);
});

Deno.test("ReportSection.table() shown inline has its rows and no 'not shown' note", async () => {
  const s = await section();
  await s.table("shown", [{ a: 1 }], { caption: "A shown table", sources });
  const md = s.markdown();
  assert.match(md, /\| a \|/);
  assert.doesNotMatch(md, /not shown/);
});
