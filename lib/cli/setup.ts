/**
 * `deno task setup [--for report|baseline|test|lab|all ...]`: builds, idempotently, what a task
 * needs beyond Deno, in the project environment `.venv/` (see `lib/pyenv/`):
 *
 * | target     | layers of `.venv/`                          | also                  |
 * | ---------- | ------------------------------------------- | --------------------- |
 * | `report`   | notebooks (nbclient)                        | the Deno kernelspec   |
 * | `baseline` | retrieval (scikit-learn, numpy, jsonschema) |                       |
 * | `test`     | notebooks, retrieval, pytest, torch-cpu     | the Deno kernelspec   |
 * | `lab`      | notebooks, lab (JupyterLab)                 | the Deno kernelspec   |
 * | `all`      | all of the above                            | the Deno kernelspec   |
 *
 * The default is `report`. Every task runs its own set-up, so this is needed only to prepare a
 * machine ahead of time. For `test`, a torch-cpu layer that cannot be installed is a warning (the
 * tiny-Qwen3 tests then skip with their reason) unless `WORKBENCH_REQUIRE_ML_TESTS=1` (CI), which
 * makes it an error.
 * @module
 */
import { parseArgs } from "node:util";
import { projectPython, PythonEnvError } from "../pyenv/project_python.ts";
import { ensureDenoKernel } from "../pyenv/deno_kernel.ts";
import type { PythonNeed } from "../pyenv/python_needs.ts";

/** A set-up target. */
export type SetupTarget = "report" | "baseline" | "test" | "lab" | "all";

/** The layers each target installs (torch-cpu for `test` is handled separately: it may fail). */
export const SETUP_TARGETS: Readonly<Record<SetupTarget, readonly PythonNeed[]>> = {
  report: ["notebooks"],
  baseline: ["retrieval"],
  test: ["notebooks", "retrieval", "pytest"],
  lab: ["notebooks", "lab"],
  all: ["notebooks", "retrieval", "pytest", "lab"],
};

const USAGE = "Usage: deno task setup [--for report|baseline|test|lab|all ...]";

/** Parses the command line; an unknown option or target throws. */
export function parseSetupArgs(argv: string[]): SetupTarget[] {
  const { values } = parseArgs({
    args: argv,
    options: { for: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return [];
  const targets = values.for ?? ["report"];
  for (const t of targets) {
    if (!(t in SETUP_TARGETS)) {
      throw new TypeError(`Unknown set-up target "${t}". ${USAGE}`);
    }
  }
  return targets as SetupTarget[];
}

/** Sets up `targets`; returns the interpreter. Throws {@linkcode PythonEnvError} with what to do. */
export async function setup(
  targets: readonly SetupTarget[],
  log: (line: string) => void = (l) => console.error(l),
): Promise<string> {
  const needs = [...new Set(targets.flatMap((t) => SETUP_TARGETS[t]))];
  const python = await projectPython(needs);
  if (needs.includes("notebooks")) {
    const kernel = await ensureDenoKernel();
    log(`setup: notebooks run with ${python} (nbclient) and the Deno kernel ${kernel.argv[0]}`);
  }
  if (targets.includes("test") || targets.includes("all")) {
    try {
      await projectPython(["torch-cpu"]);
      log(
        `setup: Python tests run with ${python} (CPU torch, transformers, peft: the tiny-Qwen3 tests run too)`,
      );
    } catch (error) {
      if (!(error instanceof PythonEnvError)) throw error;
      if (Deno.env.get("WORKBENCH_REQUIRE_ML_TESTS") === "1") {
        throw new PythonEnvError(`WORKBENCH_REQUIRE_ML_TESTS=1 but ${error.message}`);
      }
      log(`setup: the tiny-Qwen3 tests will skip: ${error.message}`);
    }
  }
  return python;
}

if (import.meta.main) {
  let targets: SetupTarget[];
  try {
    targets = parseSetupArgs(Deno.args);
  } catch (error) {
    console.error(`setup: ${(error as Error).message}\n${USAGE}`);
    Deno.exit(2);
  }
  if (targets.length === 0) {
    console.log(USAGE);
    Deno.exit(0);
  }
  try {
    await setup(targets);
  } catch (error) {
    console.error(`setup: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
