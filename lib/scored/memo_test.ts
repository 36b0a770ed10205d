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
