/**
 * Starts JupyterLab from the project environment (`.venv/`, layers `notebooks` and `lab`) with the
 * project's Deno kernelspec first on `JUPYTER_PATH`, serving the repository root on 127.0.0.1.
 * @module
 */
import { projectPython } from "../pyenv/project_python.ts";
import { ensureDenoKernel, jupyterEnv } from "../pyenv/deno_kernel.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { PROJECT_VENV } from "../pyenv/project_python.ts";
import { join } from "node:path";

/**
 * Lab settings the project fixes (`.venv/share/jupyter/lab/settings/overrides.json`): no machine
 * here reaches the internet, so Lab must not ask to fetch news or check for updates.
 */
export const LAB_OVERRIDES = {
  "@jupyterlab/apputils-extension:notification": { checkForUpdates: false, fetchNews: "false" },
};

/** Starts the server so that only `deno task lab` stops it (see the script). */
const LAUNCHER = new URL("./_lab_launcher.py", import.meta.url).pathname;

async function writeLabOverrides(): Promise<void> {
  const dir = join(PROJECT_VENV, "share", "jupyter", "lab", "settings");
  await Deno.mkdir(dir, { recursive: true });
  const path = join(dir, "overrides.json");
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(await Deno.readTextFile(path));
  } catch { /* absent or unreadable: ours replaces it */ }
  const merged = { ...current, ...LAB_OVERRIDES };
  const tmp = `${path}.tmp-${Deno.pid}`;
  await Deno.writeTextFile(tmp, JSON.stringify(merged, null, 2) + "\n");
  await Deno.rename(tmp, path);
}

/** Options for {@linkcode startLab}. */
export interface StartLabOptions {
  /** Port on 127.0.0.1. Default: a free port chosen by the system. */
  port?: number;
  /** Folder served. Default: the repository root. */
  root?: string;
  /** Open a browser. Default: `false`. */
  open?: boolean;
  /** Extra command-line arguments for `jupyter lab`. Default: none. */
  args?: string[];
  /** Where the server's own log goes. Default: `"inherit"` (this process's stderr). */
  log?: "inherit" | "null";
  /** Seconds to wait for the server to answer. Default: `120`. */
  timeoutS?: number;
}

/** A running JupyterLab. */
export interface LabServer {
  /** Base URL, e.g. `http://127.0.0.1:8888`. */
  base: string;
  /** The access token. */
  token: string;
  /** The URL to open: the notebooks folder in Lab, with the token. */
  url: string;
  /**
   * Stops the server and its kernels (the server's shutdown API, then SIGTERM, then SIGKILL after
   * 10 s) and resolves when it has exited.
   */
  stop(): Promise<void>;
  /** The server's process id. */
  pid: number;
  /** Resolves with the exit code when the server exits by itself or is stopped. */
  exited: Promise<number>;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Starts JupyterLab and resolves once it answers its API. */
export async function startLab(options: StartLabOptions = {}): Promise<LabServer> {
  const python = await projectPython(["notebooks", "lab"]);
  await ensureDenoKernel();
  await writeLabOverrides();
  const port = options.port ?? freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const base = `http://127.0.0.1:${port}`;
  const child = new Deno.Command(python, {
    args: [
      LAUNCHER,
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--ServerApp.port_retries=0",
      `--ServerApp.root_dir=${options.root ?? REPO_ROOT}`,
      `--IdentityProvider.token=${token}`,
      // No network here: the extension manager would otherwise query PyPI.
      "--LabApp.extension_manager=readonly",
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ...(options.open ? [] : ["--no-browser"]),
      ...(options.args ?? []),
    ],
    env: jupyterEnv(),
    stdin: "null",
    stdout: options.log ?? "inherit",
    stderr: options.log ?? "inherit",
  }).spawn();
  const exited = child.status.then((s) => s.code);
  let done = false;
  void exited.then(() => (done = true));
  const stop = async () => {
    if (!done) {
      // Ask the server to shut its kernels down and exit (a SIGTERM, or a terminal's Ctrl-C that
      // reaches the server too, can make it exit without stopping its kernels, which run in
      // process groups of their own and would be left behind).
      try {
        const r = await fetch(`${base}/api/shutdown`, {
          method: "POST",
          headers: { Authorization: `token ${token}` },
          signal: AbortSignal.timeout(10_000),
        });
        await r.body?.cancel();
        let wait: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([exited, new Promise((r) => (wait = setTimeout(r, 15_000)))]);
        clearTimeout(wait);
      } catch { /* not answering: signals below */ }
    }
    if (!done) {
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* already gone */ }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = performance.now() + (options.timeoutS ?? 120) * 1000;
  while (true) {
    if (done) {
      throw new Error(`JupyterLab exited with code ${await exited} before answering on ${base}`);
    }
    try {
      const r = await fetch(`${base}/api/status?token=${token}`);
      await r.body?.cancel();
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`JupyterLab did not answer on ${base} within ${options.timeoutS ?? 120} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    token,
    url: `${base}/lab/tree/notebooks?token=${token}`,
    stop,
    exited,
    pid: child.pid,
  };
}
