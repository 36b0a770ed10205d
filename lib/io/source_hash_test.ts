import assert from "node:assert/strict";
import { join } from "node:path";
import { localModules, sourceHash } from "./source_hash.ts";

Deno.test("sourceHash() changes when a module imported through another changes, and only then", async () => {
  const root = await Deno.makeTempDir();
  const write = (name: string, text: string) => Deno.writeTextFile(join(root, name), text);
  await Deno.mkdir(join(root, "sub"));
  await write("entry.ts", 'import { b } from "./sub/b.ts";\nexport const a = b;\n');
  await write("sub/b.ts", 'export { c as b } from "../c.ts";\n// see "./not_there.ts"\n');
  await write(
    "c.ts",
    'import data from "./d.json" with { type: "json" };\nexport const c = data.x;\n',
  );
  await write("d.json", '{"x": 1}');
  await write("unrelated.ts", "export const u = 1;\n");
  await write("deno.lock", '{"version": "5"}');
  assert.deepEqual(localModules(["entry.ts"], { root }), [
    "c.ts",
    "d.json",
    "entry.ts",
    "sub/b.ts",
  ]);
  const before = sourceHash(["entry.ts"], { root });
  await write("unrelated.ts", "export const u = 2;\n");
  assert.equal(sourceHash(["entry.ts"], { root }), before, "a module outside the graph");
  await write("d.json", '{"x": 2}');
  const afterData = sourceHash(["entry.ts"], { root });
  assert.notEqual(afterData, before, "data imported two modules down");
  await write("deno.lock", '{"version": "5", "npm": {}}');
  assert.notEqual(sourceHash(["entry.ts"], { root }), afterData, "the lock file");
  await Deno.remove(root, { recursive: true });
});
