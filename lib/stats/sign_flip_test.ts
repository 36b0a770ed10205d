import assert from "node:assert/strict";
import { signFlipMatrix, signFlipTest } from "./sign_flip.ts";
import { seededRandom } from "./rng.ts";

/** Exact two-sided sign-flip p-value by enumerating all 2^n sign vectors (small n only). */
function exactP(d: number[]): number {
  const n = d.length, obs = Math.abs(d.reduce((s, x) => s + x, 0));
  let count = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (mask >> i) & 1 ? -d[i] : d[i];
    if (Math.abs(s) >= obs - 1e-12) count++;
  }
  return count / (1 << n);
}

Deno.test("signFlipTest() agrees with exact enumeration for a small sample", () => {
  const d = [0.3, -0.1, 0.25, 0.4, 0.05, -0.2, 0.15, 0.35, 0.1, -0.05];
  const exact = exactP(d); // 2^10 vectors, by hand-checkable enumeration above
  const r = signFlipTest(d, d.map(() => 0), { permutations: 20_000, seed: 9 });
  // Monte-Carlo standard error at 20,000 draws is below 0.004 for p near 0.1.
  assert.ok(Math.abs(r.p - exact) < 0.012, `Monte Carlo ${r.p}, exact ${exact}`);
  assert.equal(r.n, 10);
});

Deno.test("signFlipTest() rejects a true null in about 5% of simulated studies", () => {
  const random = seededRandom(21);
  const trials = 600, n = 40;
  let rejected = 0;
  for (let t = 0; t < trials; t++) {
    // Skewed but symmetric-difference null: both runs draw from the same distribution per question.
    const a: number[] = [], b: number[] = [];
    for (let i = 0; i < n; i++) {
      const q = random();
      a.push(q * q + 0.3 * random());
      b.push(q * q + 0.3 * random());
    }
    if (signFlipTest(a, b, { permutations: 400 }).p <= 0.05) rejected++;
  }
  // Binomial(600, 0.05): mean 30, sd 5.3.
  assert.ok(rejected >= 16 && rejected <= 45, `rejected ${rejected} of ${trials}`);
});

Deno.test("signFlipTest() has power against a real difference", () => {
  const random = seededRandom(4);
  let rejected = 0;
  for (let t = 0; t < 100; t++) {
    const a: number[] = [], b: number[] = [];
    for (let i = 0; i < 60; i++) {
      const q = random();
      a.push(q + 0.08 + 0.2 * (random() - 0.5));
      b.push(q + 0.2 * (random() - 0.5));
    }
    if (signFlipTest(a, b, { permutations: 400 }).p <= 0.05) rejected++;
  }
  assert.ok(rejected >= 90, `rejected ${rejected} of 100`);
});

Deno.test("signFlipTest() has p-value floor 1/(permutations+1) and drops undefined pairs", () => {
  const a = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null];
  const b = a.map((x) => (x === null ? 0 : 0));
  const r = signFlipTest(a, b, { permutations: 9999 });
  assert.equal(r.n, 20);
  assert.equal(r.diff, 1);
  assert.ok(r.p >= 1 / 10000 && r.p < 5 / 10000, `p ${r.p}`);
  assert.ok(Number.isNaN(signFlipTest([null], [1]).p));
});

Deno.test("signFlipTest() is antisymmetric: swapping runs flips the sign but not p", () => {
  const a = [0.5, 0.7, 0.2, 0.9, 0.4, 0.6], b = [0.4, 0.5, 0.3, 0.6, 0.4, 0.5];
  const ab = signFlipTest(a, b, { permutations: 999 }),
    ba = signFlipTest(b, a, { permutations: 999 });
  assert.equal(ab.p, ba.p);
  assert.ok(Math.abs(ab.diff + ba.diff) < 1e-15);
});

Deno.test("signFlipMatrix() has balanced signs and rejects bad sizes", () => {
  const s = signFlipMatrix(100, { permutations: 1000, seed: 2 });
  const plus = s.reduce((c, x) => c + (x === 1 ? 1 : 0), 0);
  assert.ok(Math.abs(plus / s.length - 0.5) < 0.005, `share of + ${plus / s.length}`);
  assert.throws(() => signFlipMatrix(0), RangeError);
  assert.throws(() => signFlipMatrix(5, { permutations: 0 }), RangeError);
});
