/**
 * Executes a notebook headless in the Deno Jupyter kernel through the real Jupyter protocol
 * (Python's nbclient), saving the executed notebook with its outputs.
 * @module
 */
import { basename, join } from "node:path";
import { displayPath } from "../io/paths.ts";
import { projectPython } from "../pyenv/project_python.ts";
import { ensureDenoKernel, jupyterEnv } from "../pyenv/deno_kernel.ts";

const SCRIPT = new URL("./_execute_notebook.py", import.meta.url).pathname;

/** What headless runs use: the interpreter with nbclient and the environment that finds the kernel. */
export interface NotebookRunner {
  python: string;
  env: Record<string, string>;
}

let runner: Promise<NotebookRunner> | null = null;

/**
 * Sets up headless notebook runs once per process: the project environment's `notebooks` layer
 * (nbclient) and its Deno kernelspec (see `lib/pyenv/`).
 */
export function prepareNotebookRuns(): Promise<NotebookRunner> {
  runner ??= (async () => {
    const python = await projectPython(["notebooks"]);
    await ensureDenoKernel();
    return { python, env: jupyterEnv() };
  })();
  runner.catch(() => (runner = null));
  return runner;
}

/** Options for {@linkcode executeNotebook}. */
export interface ExecuteNotebookOptions {
  /** Extra environment for the kernel (it inherits the rest). Default: none. */
  env?: Record<string, string>;
  /** Seconds a single cell may run. Default: `600`. */
  timeoutS?: number;
  /** Kernel name. Default: `"deno"`. */
  kernel?: string;
  /** Aborting it stops the run: the child shuts its kernel down and exits. Default: none. */
  signal?: AbortSignal;
}

/** A failing cell, as reported by {@linkcode executeNotebook}. */
export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    readonly cell: number,
    readonly ename: string,
    readonly evalue: string,
    readonly executed: string,
  ) {
    super(
      `Notebook "${notebook}" failed in cell ${cell}: ${ename}: ${evalue} (executed notebook with outputs: ${executed})`,
    );
    this.name = "NotebookError";
  }
}

/**
 * Runs `path` and writes the executed notebook to `output`. Throws {@linkcode NotebookError}
 * naming the notebook, the cell index (0-based) and the error when a cell fails.
 */
export async function executeNotebook(
  path: string,
  output: string,
  options: ExecuteNotebookOptions = {},
): Promise<void> {
  const { env = {}, timeoutS = 600, kernel = "deno", signal } = options;
  const { python, env: jupyter } = await prepareNotebookRuns();
  if (signal?.aborted) throw new Error(`Notebook "${displayPath(path)}" was not started: aborted`);
  const child = new Deno.Command(python, {
    args: [SCRIPT, path, output, "--kernel", kernel, "--timeout", String(timeoutS)],
    env: { NO_COLOR: "1", ...jupyter, ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // The child shuts its kernel down on SIGTERM (and when this process dies: see the script).
  const stop = () => {
    try {
      child.kill("SIGTERM");
    } catch { /* already gone */ }
  };
  signal?.addEventListener("abort", stop);
  let result: Deno.CommandOutput;
  try {
    result = await child.output();
  } finally {
    signal?.removeEventListener("abort", stop);
  }
  const { code, stdout, stderr } = result;
  if (signal?.aborted) throw new Error(`Notebook "${displayPath(path)}" was stopped: aborted`);
  const err = new TextDecoder().decode(stderr);
  if (code === 0) return;
  const line = err.split("\n").find((l) => l.startsWith("NOTEBOOK_ERROR "));
  if (line) {
    const e = JSON.parse(line.slice("NOTEBOOK_ERROR ".length));
    throw new NotebookError(displayPath(path), e.cell, e.ename, e.evalue, output);
  }
  const out = new TextDecoder().decode(stdout);
  throw new Error(
    `Cannot execute notebook "${displayPath(path)}" (${python} exited ${code}):\n${
      (out + err).trim().slice(-3000)
    }`,
  );
}

/** The executed copy's path for a notebook, inside `dir`. */
export function executedPath(dir: string, notebook: string): string {
  return join(dir, basename(notebook));
}
