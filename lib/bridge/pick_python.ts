/**
 * Picks a Python interpreter that can import the modules a job needs.
 * @module
 */

/** Interpreters tried, in order: `$WORKBENCH_PYTHON` (when set), `python3`, `/usr/bin/python3`. */
export function pythonCandidates(): string[] {
  const first = Deno.env.get("WORKBENCH_PYTHON");
  return [...(first ? [first] : []), "python3", "/usr/bin/python3"];
}

/** Options for {@linkcode pickPython}. */
export interface PickPythonOptions {
  /** Interpreters to try. Default: {@linkcode pythonCandidates}. */
  candidates?: string[];
  /** How to install the modules, for the error message. Default: names the apt and pip packages. */
  hint?: string;
}

const APT: Record<string, string> = {
  sklearn: "python3-sklearn",
  pytest: "python3-pytest",
  numpy: "python3-numpy",
};
const PIP: Record<string, string> = { sklearn: "scikit-learn" };

/** Whether `python` runs and imports every module in `modules`. */
export async function canImport(python: string, modules: string[]): Promise<boolean> {
  const code = modules.length ? `import ${modules.join(", ")}` : "pass";
  try {
    const out = await new Deno.Command(python, {
      args: ["-c", code],
      stdout: "null",
      stderr: "null",
    }).output();
    return out.success;
  } catch {
    return false;
  }
}

/**
 * The first candidate interpreter that can import all `modules`.
 *
 * @throws {Error} naming the interpreters tried and how to install the modules.
 * @example
 * ```ts
 * import { pickPython } from "./pick_python.ts";
 * import assert from "node:assert/strict";
 * assert.equal(typeof (await pickPython(["json"])), "string");
 * ```
 */
export async function pickPython(
  modules: string[],
  options: PickPythonOptions = {},
): Promise<string> {
  const candidates = options.candidates ?? pythonCandidates();
  for (const python of candidates) {
    if (await canImport(python, modules)) return python;
  }
  const apt = modules.map((m) => APT[m] ?? `python3-${m}`).join(" ");
  const pip = modules.map((m) => PIP[m] ?? m).join(" ");
  const hint = options.hint ??
    `install them with 'apt-get install ${apt}' (Debian) or 'pip install ${pip}'`;
  throw new Error(
    `No Python interpreter can import ${modules.join(", ")} (tried ${
      candidates.join(", ")
    }); ${hint}, ` +
      "or set WORKBENCH_PYTHON to an interpreter that has them",
  );
}
