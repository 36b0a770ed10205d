import assert from "node:assert/strict";
import { join } from "node:path";
import { ensureDenoKernel, jupyterEnv } from "./deno_kernel.ts";
import { executeNotebook } from "../notebook/execute_notebook.ts";

Deno.test("ensureDenoKernel() keeps the kernel working after the Deno it came from is deleted (npm cache cleared)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kernel-" });
  const cache = join(dir, "npx", "node_modules", "deno");
  await Deno.mkdir(cache, { recursive: true });
  await Deno.copyFile(Deno.execPath(), join(cache, "deno"));
  await Deno.chmod(join(cache, "deno"), 0o755);
  const venv = join(dir, "venv");
  const lines: string[] = [];
  const kernel = await ensureDenoKernel({
    venv,
    deno: join(cache, "deno"),
    log: (l) => lines.push(l),
  });
  assert.equal(kernel.argv[0], join(venv, "bin", "deno"));
  assert.deepEqual(JSON.parse(await Deno.readTextFile(kernel.kernelJson)).argv, kernel.argv);
  assert.equal(lines.length, 2, lines.join("\n"));
  await ensureDenoKernel({ venv, deno: join(cache, "deno"), log: (l) => lines.push(l) });
  assert.equal(lines.length, 2, "nothing is rewritten when it is already right");

  await Deno.remove(join(dir, "npx"), { recursive: true }); // `npm cache clean`, `rm -r ~/.npm/_npx`
  const nb = join(dir, "version.ipynb");
  await Deno.writeTextFile(
    nb,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
      cells: [{
        cell_type: "code",
        id: "a",
        metadata: {},
        execution_count: null,
        outputs: [],
        source: 'Deno.execPath() + " " + Deno.version.deno',
      }],
    }),
  );
  const out = join(dir, "out.ipynb");
  await executeNotebook(nb, out, { env: jupyterEnv(venv) });
  const text = JSON.stringify(JSON.parse(await Deno.readTextFile(out)).cells[0].outputs);
  assert.ok(text.includes(`${join(venv, "bin", "deno")} ${Deno.version.deno}`), text);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("jupyterEnv() puts the project's kernelspecs first on JUPYTER_PATH", () => {
  const env = jupyterEnv("/x/venv");
  assert.ok(env.JUPYTER_PATH.startsWith("/x/venv/share/jupyter"));
});
