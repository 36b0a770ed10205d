/**
 * Builds the paper's PDF from its folder with LuaLaTeX (through latexmk), keeping the build
 * files out of the folder, and checks the log: no error, no undefined control sequence, no
 * undefined reference.
 * @module
 */
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";

/** What Debian needs for {@linkcode buildPaper} (the same list is installed by `.ci/run`). */
export const LATEX_APT_PACKAGES = [
  "texlive-latex-base",
  "texlive-latex-recommended",
  "texlive-latex-extra",
  "texlive-fonts-recommended",
  "texlive-luatex",
  "fonts-lmodern",
  "latexmk",
] as const;

/** Options for {@linkcode buildPaper}. */
export interface BuildPaperOptions {
  /** Folder for the PDF and LaTeX's build files. Default: `runs/paper`. */
  outDir?: string;
}

/** The problems a LaTeX log reports that make a build unusable, one line each. */
export function latexLogProblems(log: string): string[] {
  const lines = log.split("\n");
  return lines.flatMap((line, i) => {
    if (line.startsWith("!")) return [`${line} ${lines[i + 1] ?? ""}`.trim()];
    if (/undefined/i.test(line) && /LaTeX Warning|Undefined control sequence/.test(line)) {
      return [line.trim()];
    }
    return [];
  });
}

/**
 * Builds `<paperDir>/main.tex` into `<outDir>/main.pdf`.
 * @param paperDir The paper folder (relative paths: to the repository root).
 * @returns The PDF's path.
 */
export async function buildPaper(
  paperDir: string,
  options: BuildPaperOptions = {},
): Promise<string> {
  paperDir = fromRoot(paperDir);
  const outDir = fromRoot(options.outDir ?? "runs/paper");
  await Deno.mkdir(outDir, { recursive: true });
  let result: Deno.CommandOutput;
  try {
    result = await new Deno.Command("latexmk", {
      args: [
        "-lualatex",
        "-interaction=nonstopmode",
        "-halt-on-error",
        `-outdir=${outDir}`,
        "main.tex",
      ],
      cwd: paperDir,
      // main.tex names DejaVu Sans by file; TeX Live looks for font files in OSFONTDIR too.
      env: { OSFONTDIR: fromRoot("node_modules/dejavu-fonts-ttf/ttf") },
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(
        `Cannot build the paper: latexmk is not installed (Debian: apt-get install --no-install-recommends ${
          LATEX_APT_PACKAGES.join(" ")
        })`,
      );
    }
    throw error;
  }
  const logFile = join(outDir, "main.log");
  const log = await Deno.readTextFile(logFile).catch(() => "");
  const problems = latexLogProblems(log);
  if (!result.success || problems.length > 0) {
    throw new Error(
      `Building "${join(paperDir, "main.tex")}" failed (log: ${logFile}): ${
        problems.slice(0, 5).join("; ") || new TextDecoder().decode(result.stdout).slice(-500)
      }`,
    );
  }
  return join(outDir, "main.pdf");
}
