/**
 * `deno run -A lib/cli/pytest.ts [pytest args]`: runs the Python tests,
 * `python -m pytest python/tests -rs -q`, with the first interpreter that has pytest and
 * scikit-learn (`$WORKBENCH_PYTHON`, the CPU test environment `.venv/bin/python` that
 * `deno task setup --for test` builds, /usr/bin/python3, python3), else one with pytest only (the
 * scikit-learn tests then skip with their reason). Output streams through; the exit code is
 * pytest's, except that "no tests collected" (pytest's code 5) is a failure with a message.
 * @module
 */
import { REPO_ROOT } from "../paths.ts";
import { canImport } from "../bridge/pick_python.ts";
import { TEST_VENV_PYTHON } from "./test_venv.ts";

/** Interpreters tried, in order. */
export function pytestCandidates(): string[] {
  const first = Deno.env.get("WORKBENCH_PYTHON");
  return [
    ...(first ? [first] : []),
    TEST_VENV_PYTHON,
    "/usr/bin/python3",
    "python3",
  ];
}

/** The interpreter to run pytest with, or null when none has pytest. */
export async function pytestPython(
  candidates = pytestCandidates(),
): Promise<{ python: string; sklearn: boolean } | null> {
  for (const python of candidates) {
    if (await canImport(python, ["pytest", "sklearn"])) return { python, sklearn: true };
  }
  for (const python of candidates) {
    if (await canImport(python, ["pytest"])) return { python, sklearn: false };
  }
  return null;
}

/** Maps pytest's exit code to this command's: 5 (no tests collected) becomes 1. */
export function exitCodeFor(pytestCode: number): number {
  return pytestCode === 5 ? 1 : pytestCode;
}

if (import.meta.main) {
  const found = await pytestPython();
  if (!found) {
    console.error(
      `pytest: no Python with pytest (tried ${pytestCandidates().join(", ")}). Install it with ` +
        "'apt-get install python3-pytest python3-sklearn' or 'pip install pytest scikit-learn'",
    );
    Deno.exit(1);
  }
  if (!found.sklearn) {
    console.error(
      `pytest: ${found.python} has no scikit-learn; the retrieval tests will be skipped`,
    );
  }
  const args = ["-m", "pytest", "python/tests", "-rs", "-q", ...Deno.args];
  console.error(`pytest: ${found.python} ${args.join(" ")}`);
  const status = await new Deno.Command(found.python, {
    args,
    cwd: REPO_ROOT,
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  if (status.code === 5) {
    console.error("pytest: no tests were collected (exit code 5); python/tests must hold tests");
  }
  Deno.exit(exitCodeFor(status.code));
}
