/**
 * Runs a notebook's code cells through a running Jupyter server, as JupyterLab's "Run All" does:
 * a session with a kernel is started over the REST API, every code cell is sent as an
 * `execute_request` over the kernel's WebSocket (Jupyter messaging protocol 5.3, JSON frames), and
 * the outputs published for each cell are collected. Used to check that a notebook works in a
 * real Lab server, with the kernelspec the server found.
 * @module
 */

/** One output of a cell, as in a saved notebook. */
export interface CellOutput {
  output_type: "stream" | "execute_result" | "display_data" | "error";
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** What a run on the server produced. */
export interface ServerRun {
  /** The kernelspec name the server started. */
  kernel: string;
  /** Outputs per code cell, in notebook order (cell index in the notebook, outputs). */
  cells: { index: number; outputs: CellOutput[] }[];
  /** The first failing cell, if any (the run stops there, as a headless run does). */
  error: { index: number; ename: string; evalue: string } | null;
}

/** Options for {@linkcode runOnServer}. */
export interface RunOnServerOptions {
  /** Kernelspec name. Default: the notebook's `metadata.kernelspec.name`, else `"deno"`. */
  kernel?: string;
  /** Seconds a cell may run. Default: `300`. */
  timeoutS?: number;
}

interface Message {
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  channel: string;
  content: Record<string, unknown>;
}

async function api(
  base: string,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<unknown> {
  const r = await fetch(`${base}${path}`, {
    ...init,
    headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
  });
  const text = await r.text();
  if (!r.ok) {
    throw new Error(`Jupyter server: ${init.method ?? "GET"} ${path} gave ${r.status}: ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/**
 * Executes the code cells of `path` (relative to the server's root) in a new kernel session and
 * shuts the session down afterwards.
 */
export async function runOnServer(
  base: string,
  token: string,
  path: string,
  options: RunOnServerOptions = {},
): Promise<ServerRun> {
  const nb = await api(base, token, `/api/contents/${encodeURI(path)}?content=1`) as {
    content: {
      metadata?: { kernelspec?: { name?: string } };
      cells: { cell_type: string; source: string }[];
    };
  };
  const kernel = options.kernel ?? nb.content.metadata?.kernelspec?.name ?? "deno";
  const session = await api(base, token, "/api/sessions", {
    method: "POST",
    body: JSON.stringify({ path, type: "notebook", name: "", kernel: { name: kernel } }),
  }) as { id: string; kernel: { id: string; name: string } };
  const ws = new WebSocket(
    `${base.replace(/^http/, "ws")}/api/kernels/${session.kernel.id}/channels?token=${token}`,
  );
  const inbox: Message[] = [];
  let wake: (() => void) | null = null;
  ws.onmessage = (e) => {
    inbox.push(JSON.parse(String(e.data)));
    wake?.();
  };
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = (e) => reject(new Error(`Cannot open the kernel WebSocket: ${String(e)}`));
  });
  const next = async (deadline: number): Promise<Message> => {
    while (inbox.length === 0) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error("Timed out waiting for the kernel");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    return inbox.shift()!;
  };
  const sessionId = crypto.randomUUID();
  const run: ServerRun = { kernel: session.kernel.name, cells: [], error: null };
  try {
    for (const [index, cell] of nb.content.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const msgId = crypto.randomUUID();
      ws.send(JSON.stringify({
        header: {
          msg_id: msgId,
          msg_type: "execute_request",
          username: "workbench",
          session: sessionId,
          date: new Date().toISOString(),
          version: "5.3",
        },
        parent_header: {},
        metadata: {},
        content: {
          code: cell.source,
          silent: false,
          store_history: true,
          user_expressions: {},
          allow_stdin: false,
          stop_on_error: true,
        },
        channel: "shell",
        buffers: [],
      }));
      const outputs: CellOutput[] = [];
      let replied = false, idle = false;
      const deadline = performance.now() + (options.timeoutS ?? 300) * 1000;
      while (!(replied && idle)) {
        const msg = await next(deadline);
        if (msg.parent_header?.msg_id !== msgId) continue;
        const type = msg.header.msg_type;
        const c = msg.content;
        if (type === "execute_reply") replied = true;
        else if (type === "status" && c.execution_state === "idle") idle = true;
        else if (type === "stream") {
          outputs.push({ output_type: "stream", name: String(c.name), text: String(c.text) });
        } else if (type === "execute_result" || type === "display_data") {
          outputs.push({ output_type: type, data: c.data as Record<string, unknown> });
        } else if (type === "error") {
          outputs.push({ output_type: "error", ename: String(c.ename), evalue: String(c.evalue) });
        }
      }
      // The Deno kernel can publish a result just after its idle status (see _execute_notebook.py).
      const quiet = performance.now() + 150;
      while (true) {
        const msg = await next(quiet).catch(() => null);
        if (msg === null) break;
        if (msg.parent_header?.msg_id !== msgId) continue;
        const type = msg.header.msg_type;
        if (type === "execute_result" || type === "display_data") {
          outputs.push({ output_type: type, data: msg.content.data as Record<string, unknown> });
        }
      }
      run.cells.push({ index, outputs });
      const failed = outputs.find((o) => o.output_type === "error");
      if (failed) {
        run.error = { index, ename: failed.ename!, evalue: failed.evalue! };
        break;
      }
    }
  } finally {
    ws.close();
    await api(base, token, `/api/sessions/${session.id}`, { method: "DELETE" }).catch(() => {});
  }
  return run;
}
