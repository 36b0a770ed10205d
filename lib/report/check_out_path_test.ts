import assert from "node:assert/strict";
import { join } from "node:path";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";

async function refusal(p: { out: string; results?: string }): Promise<string> {
  const params = resolveParams({ published: null, humanEval: [], ...p });
  const error = await runReport(params, { notebooks: [], log: () => {} }).then(
    () => null,
    (e: Error) => e,
  );
  assert.ok(error, `${JSON.stringify(p)} was refused`);
  return error.message;
}

Deno.test("runReport() refuses a bad --out or --results with a message naming the option and the path", async () => {
  const dir = await Deno.makeTempDir();
  const file = join(dir, "notes.txt");
  await Deno.writeTextFile(file, "mine");
  await Deno.symlink(join(dir, "loop2"), join(dir, "loop1"));
  await Deno.symlink(join(dir, "loop1"), join(dir, "loop2"));
  assert.match(await refusal({ out: "/" }), /"\/": --out names the root folder/);
  assert.match(
    await refusal({ out: join(file, "report") }),
    new RegExp(`"${file}" is a file, not a folder \\(--out\\)`),
  );
  assert.match(
    await refusal({ out: join(dir, "loop1") }),
    new RegExp(`"${join(dir, "loop1")}" is a symbolic-link loop \\(--out\\)`),
  );
  assert.match(
    await refusal({ out: join(dir, "out"), results: join(dir, "loop1") }),
    /is a symbolic-link loop \(--results\)/,
  );
  assert.match(
    await refusal({ out: join(dir, "out"), results: join(dir, "none") }),
    /does not exist \(--results\)/,
  );
  // Nothing was changed: the file, the links.
  assert.equal(await Deno.readTextFile(file), "mine");
  assert.equal(await Deno.readLink(join(dir, "loop1")), join(dir, "loop2"));
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
    "loop1",
    "loop2",
    "notes.txt",
  ]);
});
