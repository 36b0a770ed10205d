/**
 * The CPU test environment for `python/tests`: a virtual environment (default `.venv/`, ignored
 * by git) with the pinned torch/transformers/peft stack of `python/requirements-cpu-test.txt`,
 * so the tiny-Qwen3 training and generation tests run on a machine without a GPU.
 *
 * It is rebuilt when the requirements file changes: the environment counts as ready only when
 * its stamp file holds the requirements' SHA-256, and the stamp is written last, so an
 * interrupted or failed install is never taken for a finished one.
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { REPO_ROOT } from "../paths.ts";

/** The default environment's interpreter: `.venv/bin/python` at the repository root. */
export const TEST_VENV_PYTHON: string = join(REPO_ROOT, ".venv", "bin", "python");

/** Modules the environment must import for every Python test to run (none skipped). */
export const ML_TEST_MODULES = [
  "torch",
  "transformers",
  "peft",
  "accelerate",
  "tokenizers",
  "pytest",
  "sklearn",
  "jsonschema",
];

/** Options for {@linkcode ensureTestVenv}. */
export interface TestVenvOptions {
  /** The environment's folder. Default: `.venv` at the repository root. */
  venv?: string;
  /** Pinned requirements. Default: `python/requirements-cpu-test.txt`. */
  requirements?: string;
  /** Interpreters tried to create the environment. Default: `python3`, `/usr/bin/python3`. */
  basePythons?: string[];
  /** Modules the finished environment must import. Default: {@linkcode ML_TEST_MODULES}. */
  modules?: string[];
  /** Reports progress. Default: `console.error`. */
  log?: (line: string) => void;
}

/** Where the environment is ready (`python`) or why it is not (`error`). */
export type TestVenvResult = { python: string; error?: undefined } | {
  python?: undefined;
  error: string;
};

async function sha256(path: string): Promise<string> {
  return createHash("sha256").update(await Deno.readFile(path)).digest("hex");
}

async function readText(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch {
    return null;
  }
}

async function exec(
  cmd: string,
  args: string[],
): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await new Deno.Command(cmd, {
      args,
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
      env: { PIP_DISABLE_PIP_VERSION_CHECK: "1", PYTHONDONTWRITEBYTECODE: "1" },
    }).output();
    const dec = new TextDecoder();
    return { ok: r.success, out: dec.decode(r.stdout) + dec.decode(r.stderr) };
  } catch (error) {
    return { ok: false, out: (error as Error).message };
  }
}

function tail(text: string, lines = 15): string {
  return text.trim().split("\n").filter((l) => !/Retrying|NewConnectionError/.test(l))
    .slice(-lines).join("\n");
}

/**
 * Makes sure the test environment exists and matches the requirements file; creates or
 * rebuilds it otherwise (about a minute from local wheels). Never throws for an install that
 * fails: the result says why, and the caller decides whether that is fatal.
 */
export async function ensureTestVenv(options: TestVenvOptions = {}): Promise<TestVenvResult> {
  const venv = options.venv ?? join(REPO_ROOT, ".venv");
  const requirements = options.requirements ??
    join(REPO_ROOT, "python", "requirements-cpu-test.txt");
  const log = options.log ?? ((line: string) => console.error(line));
  const python = join(venv, "bin", "python");
  const stamp = join(venv, ".requirements.sha256");
  const imports = `import ${(options.modules ?? ML_TEST_MODULES).join(", ")}`;
  const want = await sha256(requirements);
  if ((await readText(stamp))?.trim() === want) {
    const check = await exec(python, ["-c", imports]);
    if (check.ok) return { python };
    log(`test venv: ${venv} no longer imports its modules (${tail(check.out, 1)}); rebuilding`);
  }
  await Deno.remove(venv, { recursive: true }).catch(() => {});
  let created = "";
  const tried: string[] = [];
  for (const base of options.basePythons ?? ["python3", "/usr/bin/python3"]) {
    const r = await exec(base, ["-m", "venv", venv]);
    if (r.ok) {
      created = base;
      break;
    }
    tried.push(`${base}: ${tail(r.out, 1) || "failed"}`);
    await Deno.remove(venv, { recursive: true }).catch(() => {});
  }
  if (!created) return { error: `cannot create a virtual environment (${tried.join("; ")})` };
  log(`test venv: installing ${requirements} into ${venv} (${created}; about a minute)`);
  // --retries 0: where only local package folders are reachable, do not wait on the others.
  const install = await exec(python, [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--retries",
    "0",
    "-r",
    requirements,
  ]);
  if (!install.ok) {
    await Deno.remove(venv, { recursive: true }).catch(() => {});
    return { error: `pip install -r ${requirements} failed:\n${tail(install.out)}` };
  }
  const check = await exec(python, ["-c", imports]);
  if (!check.ok) {
    await Deno.remove(venv, { recursive: true }).catch(() => {});
    return { error: `the new environment cannot import its modules:\n${tail(check.out)}` };
  }
  await Deno.writeTextFile(`${stamp}.tmp`, `${want}\n`);
  await Deno.rename(`${stamp}.tmp`, stamp);
  return { python };
}
