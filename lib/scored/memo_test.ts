import assert from "node:assert/strict";
import { join } from "node:path";
import { memo } from "./memo.ts";

Deno.test("memo() computes once per name, arguments and scored results, and never with the cache off", async () => {
  const dir = join(await Deno.makeTempDir(), "scored");
  const scope = { key: "inputs-a", cacheDir: dir };
  let calls = 0;
  const compute = () => {
    calls++;
    return { rows: [{ diff: 0.1 + 0.2, p: 1e-85, lo: null, label: "Қазақ" }] };
  };
  const first = memo(scope, "paired", { seed: 42 }, compute);
  const again = memo(scope, "paired", { seed: 42 }, compute);
  assert.deepEqual(again, first, "the same numbers, bit for bit, after the JSON round trip");
  assert.equal(calls, 1);
  memo(scope, "paired", { seed: 7 }, compute);
  memo({ ...scope, key: "inputs-b" }, "paired", { seed: 42 }, compute);
  memo(scope, "scaling", { seed: 42 }, compute);
  assert.equal(calls, 4, "other arguments, inputs or analyses compute afresh");
  memo({ key: null, cacheDir: null }, "paired", { seed: 42 }, compute);
  memo({ key: "inputs-a", cacheDir: null }, "paired", { seed: 42 }, compute);
  assert.equal(calls, 6, "without a cache, always computed");
  assert.equal((await Array.fromAsync(Deno.readDir(join(dir, "..", "analysis")))).length, 4);
});

Deno.test("memo() computes afresh, with a note, when a remembered result was damaged on disk", async () => {
  const dir = join(await Deno.makeTempDir(), "scored");
  const scope = { key: "inputs-a", cacheDir: dir };
  let calls = 0;
  const compute = () => (calls++, { lo: 0.61904, hi: 0.7 });
  memo(scope, "scaling", { seed: 42 }, compute);
  const [entry] = [...Deno.readDirSync(join(dir, "..", "analysis"))];
  const file = join(dir, "..", "analysis", entry.name);
  // One digit changed: still valid JSON, another number.
  await Deno.writeTextFile(file, (await Deno.readTextFile(file)).replace("0.61904", "0.51904"));
  const lines: string[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => lines.push(a.join(" "));
  try {
    assert.deepEqual(memo(scope, "scaling", { seed: 42 }, compute), { lo: 0.61904, hi: 0.7 });
  } finally {
    console.error = original;
  }
  assert.equal(calls, 2);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /fails its checksum/);
  assert.deepEqual(memo(scope, "scaling", { seed: 42 }, compute), { lo: 0.61904, hi: 0.7 });
  assert.equal(calls, 2, "rewritten: read again");
});
