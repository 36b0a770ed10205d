import assert from "node:assert/strict";
import { holm } from "./holm.ts";
import { seededRandom } from "./rng.ts";

Deno.test("holm() controls the family-wise error rate where unadjusted tests do not", () => {
  // 10 tests, 6 true nulls (uniform p) and 4 false nulls (small p); 2,000 simulated families.
  const random = seededRandom(13);
  const families = 2000;
  let anyFalseHolm = 0, anyFalseRaw = 0;
  for (let f = 0; f < families; f++) {
    const p = [
      ...Array.from({ length: 6 }, () => random()),
      ...Array.from({ length: 4 }, () => random() ** 6 * 0.01),
    ];
    const adj = holm(p);
    if (adj.slice(0, 6).some((x) => x <= 0.05)) anyFalseHolm++;
    if (p.slice(0, 6).some((x) => x <= 0.05)) anyFalseRaw++;
  }
  // With 6 true nulls the FWER bound is 0.05; here it is about 6·0.05/6 ≤ 0.05 (sd of the rate 0.005).
  assert.ok(anyFalseHolm / families <= 0.06, `Holm FWER ${anyFalseHolm / families}`);
  assert.ok(anyFalseRaw / families >= 0.2, `unadjusted FWER ${anyFalseRaw / families}`);
});

Deno.test("holm() keeps NaN entries out of the family and caps at 1", () => {
  const adj = holm([0.02, NaN, 0.5, 0.6]);
  assert.ok(Math.abs(adj[0] - 0.06) < 1e-12);
  assert.ok(Number.isNaN(adj[1]));
  assert.equal(adj[2], 1);
  assert.equal(adj[3], 1);
  assert.deepEqual(holm([]), []);
  assert.throws(() => holm([1.2]), RangeError);
});

Deno.test("holm() is monotone in the sorted p-values", () => {
  const random = seededRandom(3);
  const p = Array.from({ length: 50 }, () => random() ** 3);
  const adj = holm(p);
  const order = p.map((_, i) => i).sort((i, j) => p[i] - p[j]);
  for (let k = 1; k < order.length; k++) assert.ok(adj[order[k]] >= adj[order[k - 1]]);
  for (let i = 0; i < p.length; i++) assert.ok(adj[i] >= p[i]);
});
