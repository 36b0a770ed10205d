/**
 * Test helper: runs a Python snippet in the project environment (the `pytest` layer, which pins
 * the reference implementations sacrebleu, statsmodels and scipy) and returns what it prints as
 * JSON. Tests use it to check the TypeScript statistics and metrics against those libraries.
 * @module
 */
import { projectPython } from "../pyenv/project_python.ts";

/** Defines `INPUT` (the JSON input) and `emit(obj)` (prints JSON; NaN, ±inf and numpy scalars survive). */
const PRELUDE = `import json, math, sys
def _clean(x):
    if hasattr(x, "tolist"):
        x = x.tolist()
    if isinstance(x, float) and not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    if isinstance(x, (list, tuple)):
        return [_clean(v) for v in x]
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    return x
def emit(obj):
    print(json.dumps(_clean(obj)))
INPUT = json.load(sys.stdin)
`;

const SPECIAL: Record<string, number> = { NaN, Infinity, "-Infinity": -Infinity };

/**
 * Runs `code` after a prelude that reads `input` (sent as JSON on stdin) into `INPUT` and
 * defines `emit(obj)`, which the snippet calls once to print its result; returns that result.
 * Non-finite floats come back as `NaN` and `±Infinity`. Fails, with Python's stderr, when the
 * snippet fails.
 *
 * @example
 * ```ts ignore
 * import { referencePython } from "./reference_python.ts";
 * const out = await referencePython("emit(sum(INPUT))", [1, 2]); // 3
 * ```
 */
export async function referencePython(code: string, input: unknown): Promise<unknown> {
  const python = await projectPython(["pytest"]);
  const child = new Deno.Command(python, {
    args: ["-c", PRELUDE + code],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(input)));
  await writer.close();
  const out = await child.output();
  const stderr = new TextDecoder().decode(out.stderr);
  if (!out.success) {
    throw new Error(`Reference Python (${python}) failed with code ${out.code}:\n${stderr}`);
  }
  return JSON.parse(
    new TextDecoder().decode(out.stdout),
    (_, v) => (typeof v === "string" && v in SPECIAL ? SPECIAL[v] : v),
  );
}
