/**
 * The Deno Jupyter kernel of the project environment. `deno jupyter --install` writes a
 * kernelspec into the user's Jupyter folder that points at the Deno binary it was run with, which
 * under `npx` lies in npm's cache (`~/.npm/_npx/<hash>/`): clearing that cache breaks the kernel.
 * Instead the workbench keeps its own Deno binary, `.venv/bin/deno` (a hard link to, or copy of,
 * the running Deno, replaced when the version changes), and its own kernelspec
 * `.venv/share/jupyter/kernels/deno/kernel.json` pointing at it. Headless runs and `deno task lab`
 * put `.venv/share/jupyter` first on `JUPYTER_PATH`, so this kernelspec wins over any other
 * `deno` kernelspec of the user's; nothing outside `.venv/` is written.
 * @module
 */
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { PROJECT_VENV } from "./project_python.ts";

/** Options for {@linkcode ensureDenoKernel}. */
export interface DenoKernelOptions {
  /** The environment's folder. Default: `.venv/` at the repository root. */
  venv?: string;
  /** The Deno executable to install. Default: the running one (`Deno.execPath()`). */
  deno?: string;
  /** Progress messages. Default: `console.error`. */
  log?: (line: string) => void;
}

/** The installed kernel. */
export interface DenoKernel {
  /** The kernelspec's command line. */
  argv: string[];
  /** The kernelspec file. */
  kernelJson: string;
  /** The folder to put first on `JUPYTER_PATH`. */
  jupyterPath: string;
}

async function version(deno: string): Promise<string | null> {
  try {
    const r = await new Deno.Command(deno, { args: ["--version"], stdout: "piped", stderr: "null" })
      .output();
    return r.success ? new TextDecoder().decode(r.stdout).split("\n")[0].trim() : null;
  } catch {
    return null;
  }
}

/**
 * Makes sure the environment holds a working Deno binary and a `deno` kernelspec pointing at it.
 * Idempotent; rewrites nothing that is already right.
 */
export async function ensureDenoKernel(options: DenoKernelOptions = {}): Promise<DenoKernel> {
  const venv = options.venv ?? PROJECT_VENV;
  const source = await Deno.realPath(options.deno ?? Deno.execPath());
  const log = options.log ?? ((line: string) => console.error(line));
  const target = join(venv, "bin", "deno");
  const want = await version(source);
  if (want === null) throw new Error(`Cannot run "${source} --version" to install the Deno kernel`);
  if ((await version(target)) !== want) {
    await Deno.mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${crypto.randomUUID()}.tmp`;
    try {
      try {
        await Deno.link(source, tmp); // same file system: no copy, survives the cache's removal
      } catch {
        await Deno.copyFile(source, tmp);
      }
      await Deno.chmod(tmp, 0o755);
      await Deno.rename(tmp, target);
    } finally {
      await Deno.remove(tmp).catch(() => {});
    }
    log(`kernel: ${target} is ${want}`);
  }
  const jupyterPath = join(venv, "share", "jupyter");
  const kernelJson = join(jupyterPath, "kernels", "deno", "kernel.json");
  const argv = [target, "jupyter", "--kernel", "--conn", "{connection_file}"];
  const spec = JSON.stringify({ argv, display_name: "Deno", language: "typescript" }, null, 2) +
    "\n";
  const old = await Deno.readTextFile(kernelJson).catch(() => null);
  if (old !== spec) {
    await writeFileAtomic(kernelJson, spec);
    log(`kernel: wrote the Deno kernelspec ${kernelJson}`);
  }
  return { argv, kernelJson, jupyterPath };
}

/**
 * Environment variables that make Jupyter find the project's kernelspec first: `JUPYTER_PATH`
 * with `.venv/share/jupyter` in front of whatever it held.
 */
export function jupyterEnv(venv: string = PROJECT_VENV): Record<string, string> {
  const own = join(venv, "share", "jupyter");
  const before = Deno.env.get("JUPYTER_PATH");
  return { JUPYTER_PATH: before ? `${own}:${before}` : own };
}
