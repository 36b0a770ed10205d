/**
 * Benchmark: Run All of each report notebook as JupyterLab runs it (a kernel of its own, no
 * report parameters, output to `runs/interactive/<notebook>/`), printing the seconds of all its
 * cells with the kernel's start apart. Round 1 warms the caches; the goal (issue #25) is at most
 * 2 s per notebook with a warm cache, kernel start excluded. A script that prints figures, not a
 * timed test.
 *
 * ```sh
 * deno task bench-run-all            # every report section, 2 rounds
 * deno task bench-run-all --rounds 3 notebooks/30_paired.ipynb
 * ```
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { prepareNotebookRuns } from "../notebook/prepare_notebook_runs.ts";
import { reportNotebooks } from "./report_notebooks.ts";

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    options: { rounds: { type: "string", default: "2" } },
    allowPositionals: true,
    strict: true,
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`bench-run-all: --rounds must be a positive integer, got ${values.rounds}`);
    Deno.exit(2);
  }
  const dir = join(REPO_ROOT, "notebooks");
  const notebooks = positionals.length
    ? positionals
    : (await reportNotebooks(dir)).map((n) => join(dir, n));
  const { python, env } = await prepareNotebookRuns();
  const { code } = await new Deno.Command(python, {
    args: [
      new URL("../notebook/_run_all_timing.py", import.meta.url).pathname,
      "--rounds",
      String(rounds),
      ...notebooks,
    ],
    env: { NO_COLOR: "1", ...env },
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  Deno.exit(code);
}
