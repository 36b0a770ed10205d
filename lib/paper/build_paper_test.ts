/**
 * The paper skeleton compiles with a real LaTeX engine: written from the committed report
 * (`figures/`), built with LuaLaTeX, its log free of errors and undefined macros, its figures
 * vector PDFs with the fonts embedded. Needs the Debian packages in `LATEX_APT_PACKAGES`
 * (`.ci/run` installs them).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildPaper, latexLogProblems } from "./build_paper.ts";
import { writePaper } from "./write_paper.ts";

Deno.test("the paper written from figures/ compiles with LuaLaTeX, with no error and no undefined macro", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const paper = await writePaper("figures", { paperDir: join(dir, "paper") });
    const pdf = await buildPaper(paper, { outDir: join(dir, "build") });
    const log = await Deno.readTextFile(join(dir, "build", "main.log"));
    assert.deepEqual(latexLogProblems(log), []);
    const bytes = new TextDecoder("latin1").decode(await Deno.readFile(pdf));
    assert.match(bytes, /^%PDF-/);
    const fonts = new TextDecoder().decode(
      (await new Deno.Command("pdffonts", { args: [pdf], stdout: "piped" }).output()).stdout,
    ).split("\n").slice(2).filter((l) => l.trim());
    assert.ok(fonts.some((l) => /DejaVuSans/.test(l)), "DejaVu Sans used");
    // pdffonts columns: name type encoding emb sub uni ...; every font embedded
    assert.deepEqual(fonts.filter((l) => !/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l)), []);
    const main = await Deno.readTextFile(join(paper, "main.tex"));
    const figures =
      [...main.matchAll(/\\includegraphics\[[^\]]*\]\{figures\/([^}]+)\.pdf\}/g)].length;
    const svgs = [...Deno.readDirSync("figures")].filter((e) => e.name.endsWith(".svg")).length;
    assert.equal(figures, svgs, "every report figure is in main.tex");
    const tables =
      [...main.matchAll(/\\input\{\.\.\/\.\.\/\.\.\/[^}]*\}|\\input\{[^}]*tables\/[^}]+\}/g)]
        .length;
    const texTables = [...Deno.readDirSync("figures/tables")].filter((e) =>
      e.name.endsWith(".tex")
    ).length;
    assert.equal(tables, texTables, "every report table is in main.tex");
    // What a reader sees: a caption's title and its text are two sentences, not run together
    // (a space after a macro name is swallowed by TeX).
    const text = new TextDecoder().decode(
      (await new Deno.Command("pdftotext", { args: [pdf, "-"], stdout: "piped" }).output()).stdout,
    ).replace(/\s+/g, " ");
    assert.match(text, /Figure 1: What the answers are\. Share/);
    assert.deepEqual(text.match(/[a-z]\.[A-Z][a-z]+ /g) ?? [], [], "sentences run together");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("latexLogProblems() names errors and undefined macros and references", () => {
  const log =
    "ok\n! Undefined control sequence.\nl.12 \\Foo\nLaTeX Warning: Reference `fig:x' on page 1 undefined on input line 3.\n";
  assert.equal(latexLogProblems(log).length, 2);
  assert.deepEqual(latexLogProblems("This is LuaHBTeX\nOutput written on main.pdf\n"), []);
});
