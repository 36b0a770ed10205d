/**
 * Executes a notebook headless in the Deno Jupyter kernel through the real Jupyter protocol
 * (Python's nbclient), saving the executed notebook with its outputs.
 * @module
 */
import { basename, dirname, join } from "node:path";
import { displayPath } from "../io/paths.ts";
import { startNotebookWorker } from "./notebook_worker.ts";

export { type NotebookRunner, prepareNotebookRuns } from "./prepare_notebook_runs.ts";
export { NotebookError } from "./notebook_error.ts";

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

/**
 * Runs `path` and writes the executed notebook to `output`, in a kernel of its own (to run several,
 * one after another in one kernel, see {@linkcode startNotebookWorker}). Throws
 * {@linkcode NotebookError} naming the notebook, the cell index (0-based) and the error when a
 * cell fails.
 */
export async function executeNotebook(
  path: string,
  output: string,
  options: ExecuteNotebookOptions = {},
): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) throw new Error(`Notebook "${displayPath(path)}" was not started: aborted`);
  const worker = await startNotebookWorker({ ...options, cwd: dirname(path) });
  try {
    await worker.execute(path, output);
  } catch (error) {
    await worker.close().catch(() => {}); // the notebook's own error is the one to see
    throw error;
  }
  await worker.close();
}

/** The executed copy's path for a notebook, inside `dir`. */
export function executedPath(dir: string, notebook: string): string {
  return join(dir, basename(notebook));
}
