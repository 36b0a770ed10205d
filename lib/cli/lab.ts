/**
 * `deno task lab [--port N] [--open] [-- JUPYTER_ARGS...]`: installs JupyterLab into the project
 * environment `.venv/` when it is missing (layers `notebooks` and `lab`), registers the project's
 * Deno kernel, starts JupyterLab on 127.0.0.1 serving the repository root, and prints the URL of
 * `notebooks/` with its token. Ctrl-C stops the server.
 * @module
 */
import { parseArgs } from "node:util";
import { usageMessage } from "./usage_message.ts";
import { startLab } from "../notebook/start_lab.ts";

const USAGE = "Usage: deno task lab [--port N] [--open] [-- JUPYTER_ARGS...]";

if (import.meta.main) {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: Deno.args,
      options: {
        port: { type: "string" },
        open: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    }));
    if (values.port !== undefined && !/^\d+$/.test(values.port)) {
      throw new TypeError(`--port must be a port number, got "${values.port}"`);
    }
  } catch (error) {
    console.error(`lab: ${usageMessage(error as Error)}\n${USAGE}`);
    Deno.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    Deno.exit(0);
  }
  try {
    const lab = await startLab({
      port: values.port === undefined ? undefined : Number(values.port),
      open: values.open,
      args: positionals,
    });
    const stop = () => void lab.stop();
    Deno.addSignalListener("SIGINT", stop);
    Deno.addSignalListener("SIGTERM", stop);
    console.log(`\nJupyterLab is running with the Deno kernel. Open:\n\n    ${lab.url}\n`);
    console.log("Ctrl-C stops it.");
    Deno.exit(await lab.exited);
  } catch (error) {
    console.error(`lab: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
