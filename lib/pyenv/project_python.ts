/**
 * The one place that picks a Python interpreter. Every task and notebook cell that runs Python
 * asks {@linkcode projectPython} for its needs and gets:
 *
 * 1. `$WORKBENCH_PYTHON` when it is set (checked, never installed into);
 * 2. for `cuda` (GPU training and generation): the first of `.venv/bin/python`, `python3` and
 *    `/usr/bin/python3` whose torch sees a CUDA GPU, since CUDA torch must come from the GPU
 *    machine itself;
 * 3. otherwise the project environment `.venv/` at the repository root, built on first use from
 *    the pinned layers in `python/requirements/` (one file per need, see
 *    {@linkcode PYTHON_NEEDS}). A layer counts as installed only when the stamp file
 *    `.venv/.workbench-layers.json` holds its requirements' SHA-256, written after pip succeeded
 *    and the layer's modules imported; a changed pin reinstalls the layer. Never whatever
 *    `python3` happens to have. The environment is built under a lock (in the temporary folder),
 *    in a folder of its own that is renamed into place only once its interpreter runs, and its
 *    interpreter is checked before every first use in a process: two tasks setting up one clone
 *    at once never leave, or use, a half-made `.venv/`.
 *
 * Installs go through pip with `--retries 0`: where only the machine's local package folders are
 * reachable (as here), pip does not wait on PyPI.
 * @module
 */
import { createHash } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { displayPath, REPO_ROOT } from "../io/paths.ts";
import { acquireLock } from "../io/acquire_lock.ts";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { PYTHON_NEEDS, type PythonNeed } from "./python_needs.ts";
import { exists } from "../io/exists.ts";

/** The project environment's folder: `.venv/` at the repository root. */
export const PROJECT_VENV: string = join(REPO_ROOT, ".venv");

/** The environment variable that overrides every choice of interpreter. */
export const PYTHON_ENV = "WORKBENCH_PYTHON";

/** Options for {@linkcode projectPython}. */
export interface ProjectPythonOptions {
  /** The environment's folder. Default: {@linkcode PROJECT_VENV}. */
  venv?: string;
  /** Folder of the requirement layers. Default: `python/requirements/`. */
  requirementsDir?: string;
  /** Interpreters tried to create the environment. Default: `python3`, `/usr/bin/python3`. */
  basePythons?: readonly string[];
  /** An interpreter to use instead of the environment. Default: `$WORKBENCH_PYTHON`, else none. */
  override?: string | null;
  /** Progress messages (installs only). Default: `console.error`. */
  log?: (line: string) => void;
}

/** Thrown when no interpreter can meet the needs; the message says what to do. */
export class PythonEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PythonEnvError";
  }
}

interface Exec {
  ok: boolean;
  out: string;
  missing: boolean;
}

async function exec(cmd: string, args: string[]): Promise<Exec> {
  try {
    const r = await new Deno.Command(cmd, {
      args,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      env: { PIP_DISABLE_PIP_VERSION_CHECK: "1", PYTHONDONTWRITEBYTECODE: "1" },
    }).output();
    const dec = new TextDecoder();
    return { ok: r.success, out: dec.decode(r.stdout) + dec.decode(r.stderr), missing: false };
  } catch (error) {
    return {
      ok: false,
      out: (error as Error).message,
      missing: error instanceof Deno.errors.NotFound,
    };
  }
}

function tail(text: string, lines = 12): string {
  return text.trim().split("\n")
    .filter((l) => !/Retrying|NewConnectionError|is ignored: it is neither/.test(l))
    .slice(-lines).join("\n");
}

function modulesOf(needs: readonly PythonNeed[]): string[] {
  return [...new Set(needs.flatMap((n) => PYTHON_NEEDS[n].modules))];
}

/** Python code that imports `modules` (and, with `cuda`, fails unless torch sees a GPU). */
function probe(modules: string[], cuda: boolean): string {
  const lines = [
    // As in lib/notebook/_execute_notebook.py: nbformat's jsonschema would otherwise build the
    // grammar of rfc3987_syntax (2.6 s here) for IRI formats that nothing here checks.
    'import sys; sys.modules.setdefault("rfc3987_syntax", None)',
    modules.length ? `import ${modules.join(", ")}` : "pass",
  ];
  if (cuda) {
    lines.push(
      "import torch, sys",
      "sys.exit(0 if torch.cuda.is_available() else 'torch sees no CUDA GPU')",
    );
  }
  return lines.join("\n");
}

/** Whether `python` runs and imports every module (and sees CUDA when asked); why not, else. */
export async function checkPython(
  python: string,
  modules: readonly string[],
  options: { cuda?: boolean } = {},
): Promise<{ ok: true } | { ok: false; why: string }> {
  const r = await exec(python, ["-c", probe([...modules], options.cuda ?? false)]);
  if (r.ok) return { ok: true };
  if (r.missing) return { ok: false, why: "not found" };
  const last = tail(r.out, 1);
  return { ok: false, why: last || "failed" };
}

const verified = new Set<string>();

/**
 * An interpreter that meets every need, installing missing layers into the project environment.
 *
 * @param needs What the interpreter is for (see {@linkcode PythonNeed}).
 * @returns The interpreter's path.
 * @throws {PythonEnvError} naming what is missing and how to provide it.
 * @example
 * ```ts ignore
 * import { projectPython } from "./project_python.ts";
 * const python = await projectPython(["retrieval"]); // .venv/bin/python, with scikit-learn
 * ```
 */
export async function projectPython(
  needs: readonly PythonNeed[],
  options: ProjectPythonOptions = {},
): Promise<string> {
  const venv = options.venv ?? PROJECT_VENV;
  const override = options.override !== undefined
    ? options.override
    : (Deno.env.get(PYTHON_ENV) || null);
  const modules = modulesOf(needs);
  const cuda = needs.includes("cuda");
  const purposes = needs.map((n) => PYTHON_NEEDS[n].purpose).join(", ");

  if (override) {
    const key = `override:${override}:${modules.join(",")}:${cuda}`;
    if (verified.has(key)) return override;
    const check = await checkPython(override, modules, { cuda });
    if (!check.ok) {
      const files = needs.map((n) => PYTHON_NEEDS[n].requirements).filter((f) => f !== null)
        .map((f) => `-r python/requirements/${f}`).join(" ");
      throw new PythonEnvError(
        `${PYTHON_ENV}=${override} cannot be used for ${purposes}: ${check.why}. ` +
          (files ? `Install into it with '${override} -m pip install ${files}', or ` : "") +
          `unset ${PYTHON_ENV} to use the project environment ${displayPath(venv)}/`,
      );
    }
    verified.add(key);
    return override;
  }

  if (cuda) {
    const candidates = cudaPythonCandidates(options);
    const tried: string[] = [];
    for (const python of candidates) {
      const check = await checkPython(python, modules, { cuda: true });
      if (check.ok) return python;
      tried.push(`${python}: ${check.why}`);
    }
    throw new PythonEnvError(
      `No Python here can run ${purposes}: it needs a CUDA GPU and the machine's own torch, ` +
        `transformers and peft (${modules.join(", ")}). Tried ${tried.join("; ")}. ` +
        `On a GPU machine, set ${PYTHON_ENV} to the interpreter that has them`,
    );
  }
  return await ensureLayers(venv, needs, options);
}

const BASE_PYTHONS = ["python3", "/usr/bin/python3"] as const;

/**
 * The interpreters that may run GPU work, in order: `$WORKBENCH_PYTHON` alone when it is set, else
 * the project environment's, `python3` and `/usr/bin/python3`.
 */
export function cudaPythonCandidates(options: ProjectPythonOptions = {}): string[] {
  const override = options.override !== undefined
    ? options.override
    : (Deno.env.get(PYTHON_ENV) || null);
  if (override) return [override];
  return [
    join(options.venv ?? PROJECT_VENV, "bin", "python"),
    ...(options.basePythons ?? BASE_PYTHONS),
  ];
}
const STAMP = ".workbench-layers.json";

async function sha256File(path: string): Promise<string> {
  return createHash("sha256").update(await Deno.readFile(path)).digest("hex");
}

async function readStamp(path: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await Deno.readTextFile(path));
    return parsed && typeof parsed.layers === "object" ? parsed.layers : {};
  } catch {
    return {};
  }
}

async function ensureLayers(
  venv: string,
  needs: readonly PythonNeed[],
  options: ProjectPythonOptions,
): Promise<string> {
  const python = join(venv, "bin", "python");
  const dir = options.requirementsDir ?? join(REPO_ROOT, "python", "requirements");
  const log = options.log ?? ((line: string) => console.error(line));
  const key = `${venv}:${[...needs].sort().join(",")}`;
  if (verified.has(key) && await exists(python)) return python;

  // One process at a time builds or installs into the environment; the others wait for it. The
  // lock lives in the temporary folder, so that the environment's folder appears only whole.
  const lock = await acquireLock(await venvLockPath(venv));
  try {
    if (!(await exists(venv, { link: true }))) await createVenv(venv, options, log);
    const base = await checkPython(python, ["subprocess", "venv"]);
    if (!base.ok) {
      throw new PythonEnvError(
        `The Python environment ${displayPath(venv)}/ is broken (${base.why}); ` +
          `remove it (rm -rf ${displayPath(venv)}) and run the task again to rebuild it`,
      );
    }
    const stamp = await readStamp(join(venv, STAMP));
    const order = Object.keys(PYTHON_NEEDS) as PythonNeed[];
    const current: Record<string, string> = {};
    for (const need of order) {
      const file = PYTHON_NEEDS[need].requirements;
      if (file !== null && (needs.includes(need) || need in stamp)) {
        current[need] = await sha256File(join(dir, file));
      }
    }
    let stale = needs.filter((n) => n in current && stamp[n] !== current[n]);
    if (stale.length === 0) {
      const check = await checkPython(python, modulesOf(needs));
      if (check.ok) {
        verified.add(key);
        return python;
      }
      log(
        `python: ${displayPath(venv)}/ no longer imports its modules (${check.why}); reinstalling`,
      );
      stale = needs.filter((n) => n in current);
    }
    // Install every recorded layer with the new ones in one pip run, so pip resolves them together.
    const layers = order.filter((n) => n in current);
    const files = layers.map((n) => join(dir, PYTHON_NEEDS[n].requirements!));
    log(
      `python: installing ${stale.join(", ")} into ${displayPath(venv)}/ ` +
        `(pip -r ${files.map((f) => displayPath(f)).join(" -r ")}; a minute or two the first time)`,
    );
    const install = await exec(python, [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--retries",
      "0",
      ...files.flatMap((f) => ["-r", f]),
    ]);
    if (!install.ok) {
      throw new PythonEnvError(
        `Cannot install ${stale.join(", ")} (${
          stale.map((n) => PYTHON_NEEDS[n].purpose).join(", ")
        }) into ${displayPath(venv)}/: pip failed:\n${tail(install.out)}`,
      );
    }
    const check = await checkPython(python, modulesOf(layers as PythonNeed[]));
    if (!check.ok) {
      throw new PythonEnvError(
        `${displayPath(venv)}/ cannot import its modules after installing: ${check.why}`,
      );
    }
    await writeFileAtomic(
      join(venv, STAMP),
      JSON.stringify({ layers: { ...stamp, ...current } }, null, 2) + "\n",
    );
    verified.add(key);
    return python;
  } finally {
    lock.close();
  }
}

/** The lock file of an environment: in the temporary folder, named by its absolute path. */
async function venvLockPath(venv: string): Promise<string> {
  const dir = join(tmpdir(), VENV_LOCKS_DIR);
  await Deno.mkdir(dir, { recursive: true });
  return join(dir, `${createHash("sha256").update(resolve(venv)).digest("hex").slice(0, 32)}.lock`);
}

/** The folder of the environments' lock files, in the temporary folder. */
export const VENV_LOCKS_DIR = "workbench-venv-locks";

/**
 * Builds the environment in a folder of its own beside `venv` (`.<name>.building-<pid>`), checks
 * that its interpreter runs, and only then renames it into place; a base interpreter that fails
 * leaves nothing behind for the next one to write over. pip is installed after the rename
 * (`ensurepip`, offline), so that its scripts name the final folder, and the activation scripts
 * are made to name it too.
 */
async function createVenv(
  venv: string,
  options: ProjectPythonOptions,
  log: (line: string) => void,
): Promise<void> {
  const final = resolve(venv);
  const building = join(dirname(final), `.${basename(final)}.building-${Deno.pid}`);
  await Deno.mkdir(dirname(final), { recursive: true });
  const tried: string[] = [];
  for (const base of options.basePythons ?? BASE_PYTHONS) {
    await Deno.remove(building, { recursive: true }).catch(() => {});
    const r = await exec(base, [
      "-m",
      "venv",
      "--without-pip",
      "--prompt",
      basename(final),
      building,
    ]);
    const made = r.ok ? await checkPython(join(building, "bin", "python"), ["subprocess"]) : null;
    if (made?.ok) {
      await fixActivationScripts(building, final);
      await Deno.rename(building, final);
      const pip = await exec(join(final, "bin", "python"), ["-m", "ensurepip", "--default-pip"]);
      if (!pip.ok) {
        throw new PythonEnvError(
          `Created ${displayPath(venv)}/ with ${base}, but cannot install pip into it: ${
            tail(pip.out, 3)
          }`,
        );
      }
      log(`python: created ${displayPath(venv)}/ with ${base}`);
      return;
    }
    tried.push(
      `${base}: ${
        made
          ? `its environment does not run (${made.why})`
          : r.missing
          ? "not found"
          : tail(r.out, 1) || "failed"
      }`,
    );
  }
  await Deno.remove(building, { recursive: true }).catch(() => {});
  throw new PythonEnvError(
    `Cannot create the project's Python environment ${displayPath(venv)}/ (tried ${
      tried.join("; ")
    }). Install Python 3.11 with its venv module (Debian: apt-get install python3-venv), ` +
      `or set ${PYTHON_ENV} to an interpreter that has the packages`,
  );
}

/** Makes the activation scripts of an environment built at `from` name `to`. */
async function fixActivationScripts(from: string, to: string): Promise<void> {
  const bin = join(from, "bin");
  for await (const e of Deno.readDir(bin)) {
    if (!e.isFile || !/^activate/i.test(e.name)) continue;
    const path = join(bin, e.name);
    const text = await Deno.readTextFile(path);
    if (text.includes(from)) await Deno.writeTextFile(path, text.replaceAll(from, to));
  }
}
