/**
 * Builds the paper's PDF from the report's `paper/` folder with LuaLaTeX.
 *
 *   deno task paper [--paper DIR] [--out DIR]
 *
 * `--paper` defaults to `figures/paper` (written by `deno task report`), `--out` to `runs/paper`
 * (the PDF and LaTeX's build files; ignored by git). Needs latexmk and LuaLaTeX (Debian:
 * `apt-get install --no-install-recommends texlive-latex-base texlive-latex-recommended
 * texlive-latex-extra texlive-fonts-recommended texlive-luatex fonts-lmodern latexmk`).
 * @module
 */
import { parseArgs } from "node:util";
import { buildPaper } from "../paper/build_paper.ts";
import { displayPath } from "../io/paths.ts";

if (import.meta.main) {
  try {
    const { values } = parseArgs({
      args: Deno.args,
      options: {
        paper: { type: "string", default: "figures/paper" },
        out: { type: "string", default: "runs/paper" },
      },
      strict: true,
      allowPositionals: false,
    });
    const pdf = await buildPaper(values.paper!, { outDir: values.out! });
    console.log(`paper: ${displayPath(pdf)}`);
  } catch (error) {
    console.error(`paper: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
