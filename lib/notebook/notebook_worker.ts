/**
 * A headless notebook runner that keeps its kernel: one child Python (nbclient) with one Deno
 * kernel executes notebook after notebook, so a report pays the kernel's start and the notebooks'
 * imports of `lib/` once per worker instead of once per notebook. Each executed notebook is saved
 * as a fresh kernel would have left it (execution counts from 1); a notebook that fails leaves its
 * kernel behind (the next one gets a fresh kernel), and so does one after which the kernel holds
 * more than `freshKernelAboveMiB` (large result sets: one notebook's memory at a time).
 * @module
 */
import { displayPath } from "../io/paths.ts";
import { NotebookError } from "./notebook_error.ts";
import { prepareNotebookRuns } from "./prepare_notebook_runs.ts";

const SCRIPT = new URL("./_execute_notebook.py", import.meta.url).pathname;

/** Options for {@linkcode startNotebookWorker}. */
export interface NotebookWorkerOptions {
  /** Extra environment for the kernel (it inherits the rest). Default: none. */
  env?: Record<string, string>;
  /** Seconds a single cell may run. Default: `600`. */
  timeoutS?: number;
  /** Kernel name. Default: `"deno"`. */
  kernel?: string;
  /**
   * Folder the kernel starts in, before the first notebook arrives (a notebook in another folder
   * gets a kernel started in its own). Default: the current folder.
   */
  cwd?: string;
  /**
   * Resident memory (MiB) of the kernel after a notebook above which the next notebook gets a fresh
   * kernel. Default: `1024` (the study's report keeps its kernels below 700 MiB, so they are
   * reused; at 32 runs × 5,000 answers one notebook's kernel holds over 1 GiB).
   */
  freshKernelAboveMiB?: number;
  /** Aborting it stops the worker: the child shuts its kernel down and exits. Default: none. */
  signal?: AbortSignal;
}

/** A running worker: {@linkcode NotebookWorker.execute} one notebook at a time, then `close()`. */
export interface NotebookWorker {
  /**
   * Runs `path` and writes the executed notebook to `output`. Throws {@linkcode NotebookError}
   * naming the notebook, the cell index (0-based) and the error when a cell fails.
   */
  execute(path: string, output: string): Promise<void>;
  /** Ends the worker (its kernel is shut down) and waits for it. */
  close(): Promise<void>;
}

interface Reply {
  kind: "NOTEBOOK_DONE" | "NOTEBOOK_ERROR";
  body: { input: string; cell?: number; ename?: string; evalue?: string };
}

/**
 * Starts a worker: its kernel starts at once, so that its start overlaps whatever the caller does
 * before the first {@linkcode NotebookWorker.execute}.
 */
export async function startNotebookWorker(
  options: NotebookWorkerOptions = {},
): Promise<NotebookWorker> {
  const {
    env = {},
    timeoutS = 600,
    kernel = "deno",
    cwd = Deno.cwd(),
    freshKernelAboveMiB = 1024,
    signal,
  } = options;
  const { python, env: jupyter } = await prepareNotebookRuns();
  if (signal?.aborted) throw new Error("The notebook worker was not started: aborted");
  const child = new Deno.Command(python, {
    args: [
      SCRIPT,
      ...["--kernel", kernel, "--timeout", String(timeoutS), "--cwd", cwd],
      ...["--fresh-kernel-above-mib", String(freshKernelAboveMiB)],
    ],
    env: { NO_COLOR: "1", ...jupyter, ...env },
    stdin: "piped",
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
  const stdin = child.stdin.getWriter();
  const replies = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let pending = ""; // stdout read but not yet split into lines
  const stderrText = new Response(child.stderr).text();
  const status = child.status.finally(() => signal?.removeEventListener("abort", stop));
  let stdinOpen = true;

  async function died(path: string): Promise<Error> {
    const { code } = await status;
    if (signal?.aborted) return new Error(`Notebook "${displayPath(path)}" was stopped: aborted`);
    const err = await stderrText;
    return new Error(
      `Cannot execute notebook "${displayPath(path)}" (${python} exited ${code}):\n${
        err.trim().slice(-3000)
      }`,
    );
  }

  async function reply(): Promise<Reply | null> {
    for (;;) {
      const cut = pending.indexOf("\n");
      if (cut < 0) {
        const { value, done } = await replies.read();
        if (done) return null;
        pending += value;
        continue;
      }
      const line = pending.slice(0, cut);
      pending = pending.slice(cut + 1);
      const m = /^(NOTEBOOK_DONE|NOTEBOOK_ERROR) (.*)$/.exec(line);
      if (m) return { kind: m[1] as Reply["kind"], body: JSON.parse(m[2]) };
    }
  }

  let busy = false;
  return {
    async execute(path: string, output: string): Promise<void> {
      if (busy) throw new Error("A notebook worker runs one notebook at a time");
      if (signal?.aborted) {
        throw new Error(`Notebook "${displayPath(path)}" was not started: aborted`);
      }
      busy = true;
      try {
        const job = JSON.stringify({ input: path, output }) + "\n";
        try {
          await stdin.write(new TextEncoder().encode(job));
        } catch {
          throw await died(path);
        }
        const r = await reply();
        if (r === null) throw await died(path);
        if (r.kind === "NOTEBOOK_ERROR") {
          const { cell = -1, ename = "", evalue = "" } = r.body;
          throw new NotebookError(displayPath(path), cell, ename, evalue, output);
        }
      } finally {
        busy = false;
      }
    },
    async close(): Promise<void> {
      if (stdinOpen) {
        stdinOpen = false;
        await stdin.close().catch(() => {});
      }
      const { code } = await status;
      await replies.cancel().catch(() => {});
      const err = await stderrText;
      if (code !== 0 && !signal?.aborted) {
        throw new Error(
          `The notebook runner (${python}, kernel started in "${
            displayPath(cwd)
          }") exited ${code}:\n${err.trim().slice(-3000)}`,
        );
      }
    },
  };
}
