/**
 * `deno run -A lib/cli/pytest.ts [pytest args]`: runs the Python tests,
 * `python -m pytest python/tests -rs -q`, with the project environment's interpreter
 * (`projectPython(["pytest", "retrieval"])`: `.venv/`, or `$WORKBENCH_PYTHON`). Output streams
 * through; the exit code is pytest's, except that "no tests collected" (pytest's code 5) is a
 * failure with a message.
 * @module
 */
import { REPO_ROOT } from "../io/paths.ts";
import { projectPython } from "../pyenv/project_python.ts";

/** Maps pytest's exit code to this command's: 5 (no tests collected) becomes 1. */
export function exitCodeFor(pytestCode: number): number {
  return pytestCode === 5 ? 1 : pytestCode;
}

if (import.meta.main) {
  let python: string;
  try {
    python = await projectPython(["pytest", "retrieval"]);
  } catch (error) {
    console.error(`pytest: ${(error as Error).message}`);
    Deno.exit(1);
  }
  const args = ["-m", "pytest", "python/tests", "-rs", "-q", ...Deno.args];
  console.error(`pytest: ${python} ${args.join(" ")}`);
  const status = await new Deno.Command(python, {
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
