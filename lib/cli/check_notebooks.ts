/**
 * `deno task check` (last step): type-checks, lints and format-checks every `notebooks/*.ipynb`,
 * and checks its report parameters: the `parameters` cell sets only declared parameters with
 * values of the declared types and ranges, and each id stated is the file stem (see
 * `lib/report/check_notebook_parameters.ts`); and reads every notebook's `metadata.workbench`.
 * Deno's checker and linter do not read notebooks, so each notebook's code cells (the
 * `parameters` cell included, in order) are written, one after another as the kernel runs them,
 * to `notebooks/.check_<name>.ts` beside it (so that its `../lib/…` imports resolve; gitignored),
 * checked with `deno check` and `deno lint`, and removed. Each cell starts with a comment naming
 * it, and every `file:line:col` in the output is translated back to the notebook and cell.
 * Formatting: each notebook is formatted on standard input (`deno fmt --ext=ipynb -`, with the
 * project's line width) and must come out byte for byte as it is. `deno fmt --check` itself is not
 * used on notebooks (they are excluded from `fmt` in deno.json): in a fresh clone it reported every
 * notebook as unformatted, with an empty diff, although `deno fmt` left them unchanged.
 *
 * ```sh
 * deno run -A lib/cli/check_notebooks.ts   # exit 1 when a notebook has a type or lint error
 * ```
 * @module
 */
import { basename, join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { type ExtractedNotebook, extractNotebook, mapLocations } from "./extract_notebook.ts";
import { checkNotebookParameters } from "../report/check_notebook_parameters.ts";
import { readNotebooks } from "../report/report_notebooks.ts";

async function run(args: string[]): Promise<{ code: number; text: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, text: dec.decode(out.stdout) + dec.decode(out.stderr) };
}

/** The project's `fmt.lineWidth` (deno.json). */
async function lineWidth(): Promise<number> {
  const config = JSON.parse(await Deno.readTextFile(fromRoot("deno.json")));
  return config.fmt?.lineWidth ?? 80;
}

/**
 * `text` as `deno fmt` formats a notebook with the project's line width, or an error message.
 */
export async function formatNotebook(text: string, width: number): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--no-config", `--line-width=${width}`, "--ext=ipynb", "-"],
    env: { NO_COLOR: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  const dec = new TextDecoder();
  if (out.code !== 0) throw new Error(dec.decode(out.stderr).trim());
  return dec.decode(out.stdout);
}

if (import.meta.main) {
  const dir = fromRoot("notebooks");
  const names = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".ipynb"))
    .sort();
  const written: { module: string; notebook: string; cells: ExtractedNotebook["cells"] }[] = [];
  let code = 0;
  try {
    for (const name of names) {
      const notebook = `notebooks/${name}`;
      const ex = extractNotebook(await Deno.readTextFile(join(dir, name)), notebook);
      const module = join(dir, `.check_${basename(name, ".ipynb")}.ts`);
      await Deno.writeTextFile(module, ex.code);
      written.push({ module, notebook, cells: ex.cells });
    }
    const modules = written.map((w) => w.module);
    for (const step of [["check", ...modules], ["lint", ...modules]]) {
      const r = await run(step);
      let text = r.text;
      for (const w of written) text = mapLocations(text, w.module, w.notebook, w.cells);
      if (r.code !== 0) {
        console.error(text.trim());
        console.error(`check_notebooks: deno ${step[0]} failed on the notebooks' code`);
        code = 1;
      }
    }
    for (const name of names) {
      try {
        await checkNotebookParameters(
          await Deno.readTextFile(join(dir, name)),
          `notebooks/${name}`,
        );
      } catch (e) {
        console.error(`check_notebooks: ${(e as Error).message}`);
        code = 1;
      }
    }
    await readNotebooks(dir); // throws naming a notebook whose metadata.workbench is malformed
    const width = await lineWidth();
    for (const name of names) {
      const text = await Deno.readTextFile(join(dir, name));
      if ((await formatNotebook(text, width)) !== text) {
        console.error(`notebooks/${name}: not formatted (run: deno task fmt-notebooks)`);
        code = 1;
      }
    }
  } catch (e) {
    console.error(`check_notebooks: ${(e as Error).message}`);
    code = 1;
  } finally {
    for (const w of written) await Deno.remove(w.module).catch(() => {});
  }
  if (code === 0) {
    console.log(
      `check_notebooks: ${names.length} notebooks type-check, lint, are formatted clean and set only declared report parameters`,
    );
  }
  Deno.exit(code);
}
