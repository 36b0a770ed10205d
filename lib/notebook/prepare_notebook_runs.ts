/**
 * What headless notebook runs need, set up once per process: the project environment's
 * `notebooks` layer (nbclient) and its Deno kernelspec (see `lib/pyenv/`).
 * @module
 */
import { projectPython } from "../pyenv/project_python.ts";
import { ensureDenoKernel, jupyterEnv } from "../pyenv/deno_kernel.ts";

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
