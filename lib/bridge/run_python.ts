/**
 * Runs a Python script from a notebook cell or the command line, streaming its output: in the
 * Deno Jupyter kernel one display is updated in place (progress bars collapse, at most a few
 * updates per second, only the last lines shown); elsewhere output goes to the console.
 * A non-zero exit throws with the command and the code; aborting (AbortSignal, or SIGINT
 * to this process, which is how Jupyter interrupts a kernel) stops the child.
 * @module
 */
import { REPO_ROOT } from "../io/paths.ts";
import { TerminalLog } from "./_terminal_log.ts";
import { jupyterApi } from "../notebook/jupyter_display.ts";
import { projectPython } from "../pyenv/project_python.ts";
import type { PythonNeed } from "../pyenv/python_needs.ts";

/** Where output goes: a function receiving the rendered tail, or a named sink. */
export type OutputSink =
  | "auto"
  | "jupyter"
  | "console"
  | "none"
  | ((text: string, final: boolean) => void);

/** Options for {@linkcode runPython}. */
export interface RunPythonOptions {
  /** Interpreter. Default: {@linkcode projectPython} for `needs`. */
  python?: string;
  /** What the script needs (used only when `python` is not given). Default: none. */
  needs?: PythonNeed[];
  /** Working directory. Default: the repository root. */
  cwd?: string;
  /** Extra environment variables. Default: none (`PYTHONUNBUFFERED=1` is always set). */
  env?: Record<string, string>;
  /** Aborting it stops the child (SIGINT, then SIGKILL after `graceMs`). Default: none. */
  signal?: AbortSignal;
  /** Time between SIGINT and SIGKILL. Default: 5000 ms. */
  graceMs?: number;
  /** Minimum time between display updates. Default: 500 ms. */
  throttleMs?: number;
  /** Lines shown (the tail). Default: 30. */
  maxLines?: number;
  /** Output sink. Default: "auto" (Jupyter display in a kernel, else the console). */
  output?: OutputSink;
  /** Stop the child when this process gets SIGINT. Default: true. */
  forwardSigint?: boolean;
}

/** What a finished run returns. */
export interface RunPythonResult {
  /** The exit code (0; other codes throw). */
  code: number;
  /** The command as run, for logs. */
  command: string;
  /** The last lines of output (stdout and stderr interleaved, `\r` updates collapsed). */
  tail: string[];
  /** Wall time in seconds. */
  seconds: number;
}

/** Thrown when the script exits with a non-zero code or is stopped. */
export class PythonRunError extends Error {
  readonly code: number | null;
  readonly command: string;
  readonly tail: string[];
  constructor(message: string, code: number | null, command: string, tail: string[]) {
    super(message);
    this.name = "PythonRunError";
    this.code = code;
    this.command = command;
    this.tail = tail;
  }
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_./=:,@+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function makeSink(output: OutputSink, header: string): (text: string, final: boolean) => void {
  if (typeof output === "function") return output;
  const kind = output === "auto" ? (jupyterApi() ? "jupyter" : "console") : output;
  if (kind === "none") return () => {};
  if (kind === "jupyter") {
    const api = jupyterApi();
    if (!api) throw new Error('output "jupyter" needs the Deno Jupyter kernel');
    const id = `run-python-${crypto.randomUUID()}`;
    let shown = false;
    return (text) => {
      const bundle = { "text/plain": `${header}\n${text}` };
      void api.display(bundle, { raw: true, display_id: id, update: shown });
      shown = true;
    };
  }
  return () => {}; // console: output is passed through as it comes (see runPython)
}

/**
 * Runs `python script ...args` and resolves when it exits with code 0.
 *
 * @param script Path of the script, relative to `cwd` (default: the repository root).
 * @param args Command-line arguments.
 * @returns The exit code, the command and the last lines of output.
 * @throws {PythonRunError} when the script exits non-zero (message: command and code, then the
 *   last lines) or is stopped by the signal.
 * @example
 * ```ts
 * import { runPython } from "./run_python.ts";
 * import assert from "node:assert/strict";
 * const r = await runPython("-c", ["print('hi')"], { output: "none" });
 * assert.deepEqual(r.tail, ["hi"]);
 * ```
 */
export async function runPython(
  script: string,
  args: string[] = [],
  options: RunPythonOptions = {},
): Promise<RunPythonResult> {
  const python = options.python ?? await projectPython(options.needs ?? []);
  const command = [python, script, ...args].map(quote).join(" ");
  const log = new TerminalLog({ maxLines: options.maxLines ?? 30 });
  const output = options.output ?? "auto";
  const sink = makeSink(output, `$ ${command}`);
  const passthrough = output === "console" || (output === "auto" && !jupyterApi());
  const throttleMs = options.throttleMs ?? 500;
  const started = performance.now();

  if (options.signal?.aborted) {
    throw new PythonRunError(`Command "${command}" was not started: aborted`, null, command, []);
  }
  const child = new Deno.Command(python, {
    args: [script, ...args],
    cwd: options.cwd ?? REPO_ROOT,
    env: { PYTHONUNBUFFERED: "1", ...options.env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

  let stopped: string | null = null;
  let killTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = (why: string) => {
    if (stopped) return;
    stopped = why;
    try {
      child.kill("SIGINT");
    } catch { /* already gone */ }
    killTimer = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
    }, options.graceMs ?? 5000);
  };
  const onAbort = () => stop("aborted");
  options.signal?.addEventListener("abort", onAbort);
  const onSigint = () => stop("interrupted (SIGINT)");
  const forward = (options.forwardSigint ?? true) && Deno.build.os !== "windows";
  if (forward) Deno.addSignalListener("SIGINT", onSigint);

  let lastRender = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const flush = (final: boolean) => {
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
    lastRender = performance.now();
    if (!passthrough) sink(log.render(), final);
  };
  const schedule = () => {
    const wait = throttleMs - (performance.now() - lastRender);
    if (wait <= 0) flush(false);
    else if (pending === undefined) pending = setTimeout(() => flush(false), wait);
  };

  const pump = async (
    stream: ReadableStream<Uint8Array>,
    raw: { writeSync(p: Uint8Array): number },
  ) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      if (passthrough) raw.writeSync(chunk); // a terminal handles "\r" itself
      log.write(decoder.decode(chunk, { stream: true }));
      if (!passthrough) schedule();
    }
    log.write(decoder.decode());
  };

  let status: Deno.CommandStatus;
  try {
    await Promise.all([pump(child.stdout, Deno.stdout), pump(child.stderr, Deno.stderr)]);
    status = await child.status;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    if (forward) Deno.removeSignalListener("SIGINT", onSigint);
    if (killTimer !== undefined) clearTimeout(killTimer);
  }
  flush(true);
  const tail = log.tail();
  const seconds = (performance.now() - started) / 1000;
  if (stopped) {
    throw new PythonRunError(
      `Command "${command}" was stopped: ${stopped} (exit code ${status.code})`,
      status.code,
      command,
      tail,
    );
  }
  if (status.code !== 0) {
    const last = tail.slice(-10).join("\n");
    throw new PythonRunError(
      `Command "${command}" failed with exit code ${status.code}:\n${last}`,
      status.code,
      command,
      tail,
    );
  }
  return { code: status.code, command, tail, seconds };
}
