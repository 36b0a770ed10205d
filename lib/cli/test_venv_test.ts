import assert from "node:assert/strict";
import { join } from "node:path";
import { ensureTestVenv } from "./test_venv.ts";

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("ensureTestVenv() builds once, reuses while the requirements are unchanged, rebuilds after a change", async () => {
  const dir = await Deno.makeTempDir();
  const venv = join(dir, "venv");
  const requirements = join(dir, "requirements.txt");
  await Deno.writeTextFile(requirements, "# nothing to install\n");
  const lines: string[] = [];
  const options = { venv, requirements, modules: ["json"], log: (l: string) => lines.push(l) };
  const first = await ensureTestVenv(options);
  assert.equal(first.python, join(venv, "bin", "python"), first.error);
  assert.equal(lines.length, 1);
  const marker = join(venv, "marker");
  await Deno.writeTextFile(marker, "kept while the environment is reused");
  assert.equal((await ensureTestVenv(options)).python, first.python);
  assert.equal(lines.length, 1, "a matching environment is not reinstalled");
  assert.ok(await exists(marker));
  await Deno.writeTextFile(requirements, "# changed\n");
  assert.equal((await ensureTestVenv(options)).python, first.python);
  assert.equal(lines.length, 2, "a changed requirements file rebuilds the environment");
  assert.ok(!(await exists(marker)));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("ensureTestVenv() reports a failed install and leaves no half-built environment", async () => {
  const dir = await Deno.makeTempDir();
  const venv = join(dir, "venv");
  const requirements = join(dir, "requirements.txt");
  await Deno.writeTextFile(requirements, "./no-such-package-folder\n");
  const result = await ensureTestVenv({ venv, requirements, modules: ["json"], log: () => {} });
  assert.equal(result.python, undefined);
  assert.match(result.error!, /pip install -r .*requirements\.txt failed/);
  assert.ok(!(await exists(venv)), "the failed environment is removed");
  const missing = await ensureTestVenv({
    venv,
    requirements,
    basePythons: ["/nonexistent/python3"],
    log: () => {},
  });
  assert.match(missing.error!, /cannot create a virtual environment \(\/nonexistent\/python3/);
  await Deno.remove(dir, { recursive: true });
});
