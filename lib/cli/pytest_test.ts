import assert from "node:assert/strict";
import { exitCodeFor } from "./pytest.ts";

Deno.test("exitCodeFor() turns 'no tests collected' into a failure and keeps other codes", () => {
  assert.equal(exitCodeFor(5), 1);
  assert.equal(exitCodeFor(0), 0);
  assert.equal(exitCodeFor(1), 1);
  assert.equal(exitCodeFor(2), 2);
});
