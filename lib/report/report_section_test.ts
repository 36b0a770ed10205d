import assert from "node:assert/strict";
import { join } from "node:path";
import { ReportSection } from "./report_section.ts";
import { resolveParams } from "./params.ts";
import { replaceJupyterApi } from "../notebook/jupyter_display.ts";

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

/** Runs `body` with a stand-in for `Deno.jupyter` that records what is displayed. */
async function displayed(body: () => Promise<void>): Promise<Record<string, string>[]> {
  const shown: Record<string, string>[] = [];
  replaceJupyterApi({
    display: (b) => Promise.resolve(void shown.push(b as Record<string, string>)),
  });
  try {
    await body();
  } finally {
    replaceJupyterApi(null);
  }
  return shown;
}

Deno.test("a section opened by hand links to each file it wrote, never to its folder, and every link resolves from the notebook", async () => {
  const out = await Deno.makeTempDir();
  const notebookDir = await Deno.makeTempDir();
  const cwd = Deno.cwd();
  try {
    Deno.chdir(notebookDir); // the kernel runs in the notebook's folder
    const shown = await displayed(async () => {
      const section = new ReportSection("98_demo", "Demo", resolveParams({ out }));
      await section.table("wide", [{ correction: "holm", p_adj: 0.01 }], {
        sources: [{ path: join(out, "in.json"), sha256: "0".repeat(64) }],
      });
      await section.figure(
        "dot",
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        {
          caption: "A dot",
        },
      );
      await section.save();
    });
    const table = shown[0]["text/html"];
    assert.match(table, /<div style="overflow-x:auto/, "a wide table scrolls");
    assert.match(table, /<th style="white-space:nowrap">correction<\/th>/, "headers never wrap");
    const last = shown.at(-1)!["text/markdown"];
    const links = [...last.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(
      links.map((l) => l.split("/").at(-1)),
      ["wide.csv", "wide.md", "wide.tex", "dot.svg", "dot.png", "98_demo.md"],
    );
    for (const l of links) assert.ok((await Deno.stat(join(notebookDir, l))).isFile, l);
  } finally {
    Deno.chdir(cwd);
    await Deno.remove(out, { recursive: true });
    await Deno.remove(notebookDir, { recursive: true });
  }
});
