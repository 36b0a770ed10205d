import assert from "node:assert/strict";
import { averageRanks, spearman } from "./spearman.ts";

Deno.test("spearman() equals 1 - 6 sum d^2 / (n (n^2 - 1)) without ties", () => {
  // Ranks x: 1 2 3 4 5, y: 2 1 4 3 5; d^2 = 1 + 1 + 1 + 1 + 0 = 4; rho = 1 - 24 / 120 = 0.8.
  const r = spearman([10, 20, 30, 40, 50], [0.2, 0.1, 0.4, 0.3, 0.5]);
  assert.ok(Math.abs(r.rho - 0.8) < 1e-12);
  assert.equal(r.n, 5);
});

Deno.test("spearman() averages tied ranks and skips undefined pairs", () => {
  assert.deepEqual(averageRanks([5, 1, 5, 3]), [3.5, 1, 3.5, 2]);
  const r = spearman([1, null, 2, 2, 3, NaN], [10, 99, 20, 30, 40, 0]);
  assert.equal(r.n, 4);
  assert.ok(Math.abs(r.rho - 4.5 / Math.sqrt(4.5 * 5)) < 1e-12);
  assert.ok(Number.isNaN(spearman([1, 1, 1], [1, 2, 3]).rho));
  assert.throws(() => spearman([1], [1, 2]), RangeError);
});
