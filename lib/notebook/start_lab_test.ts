import assert from "node:assert/strict";
import { join } from "node:path";
import { startLab } from "./start_lab.ts";
import { runOnServer } from "./run_on_server.ts";
import { PROJECT_VENV } from "../pyenv/project_python.ts";

Deno.test("`deno task lab`'s server finds the project's Deno kernelspec and runs a notebook through it", async () => {
  const lab = await startLab({ log: "null" });
  let kernelId: string | null = null;
  try {
    assert.match(lab.url, /^http:\/\/127\.0\.0\.1:\d+\/lab\/tree\/notebooks\?token=[0-9a-f]{32}$/);
    const r = await fetch(`${lab.base}/api/kernelspecs`, {
      headers: { Authorization: `token ${lab.token}` },
    });
    const specs = await r.json();
    assert.equal(specs.kernelspecs.deno.spec.argv[0], join(PROJECT_VENV, "bin", "deno"));
    const settings = await fetch(
      `${lab.base}/lab/api/settings/@jupyterlab/apputils-extension:notification`,
      { headers: { Authorization: `token ${lab.token}` } },
    );
    const notification = await settings.json();
    // Overrides change the schema's defaults, which is what a fresh user sees.
    const props = notification.schema.properties;
    assert.equal(props.fetchNews.default, "false", "Lab must not offer to fetch news offline");
    assert.equal(props.checkForUpdates.default, false);
    const denied = await fetch(`${lab.base}/api/kernelspecs`);
    await denied.body?.cancel();
    assert.equal(denied.status, 403, "the API needs the token");

    const run = await runOnServer(lab.base, lab.token, "lib/notebook/fixtures/kernel_smoke.ipynb");
    assert.equal(run.kernel, "deno");
    assert.equal(run.error, null, JSON.stringify(run.error));
    const [frame, figure] = run.cells;
    assert.ok(frame.outputs.some((o) => String(o.data?.["text/html"] ?? "").includes("2747")));
    assert.ok(
      figure.outputs.some((o) => String(o.data?.["image/svg+xml"] ?? "").startsWith("<svg")),
    );

    // A kernel left running by the user (an open notebook) is shut down with the server.
    const started = await fetch(`${lab.base}/api/kernels`, {
      method: "POST",
      headers: { Authorization: `token ${lab.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "deno" }),
    });
    kernelId = (await started.json()).id;
    assert.ok(await kernelProcesses(kernelId!) > 0, "the kernel process runs");
    // Ctrl-C in a terminal reaches the server too, before `deno task lab` stops it.
    Deno.kill(lab.pid, "SIGINT");
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    await lab.stop();
  }
  assert.notEqual(await lab.exited, null);
  if (kernelId) {
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await kernelProcesses(kernelId), 0, "no kernel is left behind by stop()");
  }
});

async function kernelProcesses(id: string): Promise<number> {
  const out = await new Deno.Command("pgrep", { args: ["-f", `kernel-${id}.json`] }).output();
  return new TextDecoder().decode(out.stdout).trim().split("\n").filter(Boolean).length;
}
