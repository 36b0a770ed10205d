/**
 * `deno task setup [--for report|test]`: installs, idempotently, what the report and the tests
 * need beyond Deno: nbclient and the Deno kernelspec (report); for the tests, the CPU test
 * environment `.venv/` (pinned torch, transformers, peft, pytest, scikit-learn: see
 * `test_venv.ts`), or, where it cannot be built, pytest and scikit-learn for Debian's Python (the
 * tiny-Qwen3 tests then skip with their reason; `WORKBENCH_REQUIRE_ML_TESTS=1` makes that an
 * error instead, as CI sets it). Safe to run repeatedly.
 * @module
 */
import {
  aptInstall,
  ensureDenoKernel,
  findPython,
  jupyterPython,
} from "../notebook/jupyter_setup.ts";
import { ensureTestVenv } from "./test_venv.ts";

async function ensurePythonTestDeps(): Promise<string> {
  const modules = ["pytest", "sklearn", "numpy", "jsonschema"];
  let py = await findPython(modules);
  if (!py) {
    await aptInstall(["python3-pytest", "python3-sklearn", "python3-jsonschema"]);
    py = await findPython(modules);
  }
  if (!py) {
    throw new Error(
      "No Python with pytest, scikit-learn and jsonschema found. Install them with " +
        "'sudo apt-get install python3-pytest python3-sklearn python3-jsonschema' or 'python3 -m pip install pytest scikit-learn jsonschema'",
    );
  }
  return py;
}

if (import.meta.main) {
  const args = Deno.args;
  const target = args[0] === "--for" ? args[1] : args.length === 0 ? "report" : undefined;
  if (target !== "report" && target !== "test") {
    console.error("Usage: deno task setup [--for report|test]");
    Deno.exit(2);
  }
  try {
    const py = await jupyterPython();
    const kernel = await ensureDenoKernel();
    console.error(`setup: notebooks run with ${py} (nbclient) and the Deno kernel ${kernel}`);
    if (target === "test") {
      const venv = await ensureTestVenv();
      if (venv.python) {
        console.error(
          `setup: Python tests run with ${venv.python} (CPU torch, transformers, peft: the tiny-Qwen3 tests run too)`,
        );
      } else if (Deno.env.get("WORKBENCH_REQUIRE_ML_TESTS") === "1") {
        throw new Error(
          `WORKBENCH_REQUIRE_ML_TESTS=1 but the CPU test environment could not be built: ${venv.error}`,
        );
      } else {
        console.error(
          `setup: no CPU torch environment, so the tiny-Qwen3 tests will skip: ${venv.error}`,
        );
        console.error(`setup: Python tests run with ${await ensurePythonTestDeps()}`);
      }
    }
  } catch (error) {
    console.error(`setup: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
