import assert from "node:assert/strict";
import { signFlipMatrix, signFlipTest } from "./sign_flip.ts";
import { seededRandom } from "./rng.ts";
import { holm } from "./holm.ts";
import { mcnemarExact } from "./mcnemar.ts";
import { normalSf } from "./normal.ts";

/** Exact two-sided sign-flip p-value by enumerating all 2^n sign vectors (small n only). */
function bruteForceP(d: number[]): number {
  const n = d.length, obs = Math.abs(d.reduce((s, x) => s + x, 0));
  let count = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (mask >> i) & 1 ? -d[i] : d[i];
    if (Math.abs(s) >= obs - 1e-12) count++;
  }
  return count / (1 << n);
}

/** The implementation before the exact and normal methods: the whole sign matrix, then counts. */
function matrixP(d: number[], permutations: number, seed: number): number {
  const random = seededRandom(seed), n = d.length;
  const signs = new Int8Array(n * permutations);
  for (let i = 0; i < signs.length; i++) signs[i] = random() < 0.5 ? -1 : 1;
  let sum = 0, scale = 0;
  for (const x of d) {
    sum += x;
    scale = Math.max(scale, Math.abs(x));
  }
  const threshold = Math.abs(sum) - 1e-9 * scale * n;
  let count = 0;
  for (let b = 0, k = 0; b < permutations; b++) {
    let s = 0;
    for (let i = 0; i < n; i++, k++) s += signs[k] * d[i];
    if (Math.abs(s) >= threshold) count++;
  }
  return (count + 1) / (permutations + 1);
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const zeros = (d: number[]) => d.map(() => 0);

Deno.test("signFlipTest() is exact on hand examples: ±1 ±2 ±3 and a lattice with zeros", () => {
  // ±1 ±2 ±3 takes the values 6, 4, 2, 0, 0, −2, −4, −6: |S| ≥ 6 for 2 of 8 vectors, |S| ≥ 4 for 4.
  const r = signFlipTest([1, 2, 3], [0, 0, 0]);
  assert.deepEqual([r.p, r.method, r.permutations, r.nonzero], [0.25, "exact", 0, 3]);
  assert.equal(signFlipTest([3, -2, 3], [0, 0, 0]).p, 0.5); // S = 4
  // Zeros carry no sign: the same p with two zero differences added.
  assert.equal(signFlipTest([1, 2, 3, 5, 5], [0, 0, 0, 5, 5]).p, 0.25);
  // Differences 0.25, 0.5, 0.75 are on the lattice of 0.25: same distribution as 1, 2, 3.
  assert.equal(signFlipTest([0.75, 0.5, 1], [0.5, 0, 0.25]).p, 0.25);
});

Deno.test("signFlipTest() exact p matches brute-force enumeration, on and off a lattice", () => {
  const random = seededRandom(9);
  for (let trial = 0; trial < 12; trial++) {
    const m = 4 + trial;
    // off a lattice: irrational sizes; on a lattice: integer multiples of 0.1 (not exact in binary)
    const off = Array.from({ length: m }, (_, i) => Math.sqrt(i + 2) * (random() < 0.3 ? -1 : 1));
    const on = Array.from({ length: m }, () => Math.round(random() * 8 - 2) / 10);
    for (const d of [off, on]) {
      const r = signFlipTest(d, zeros(d));
      const nz = d.filter((x) => x !== 0);
      assert.equal(r.method, "exact");
      assert.ok(Math.abs(r.p - bruteForceP(nz)) < 1e-14, `${d}: ${r.p} vs ${bruteForceP(nz)}`);
    }
  }
});

Deno.test("signFlipTest() enumerates up to exactMaxNonzero differences off a lattice, then uses Monte Carlo", () => {
  const d = Array.from({ length: 22 }, (_, i) => Math.sqrt(i + 2) * (i % 3 === 0 ? -1 : 1));
  const exact = signFlipTest(d, zeros(d));
  assert.equal(exact.method, "exact");
  assert.ok(Math.abs(exact.p - bruteForceP(d)) < 1e-14);
  const mc = signFlipTest(d, zeros(d), { exactMaxNonzero: 20, permutations: 20_000, seed: 4 });
  assert.equal(mc.method, "monte-carlo");
  assert.equal(mc.permutations, 20_000);
  // Monte-Carlo standard error at 20,000 draws is below 0.0035 for p near 0.2.
  assert.ok(Math.abs(mc.p - exact.p) < 0.012, `Monte Carlo ${mc.p}, exact ${exact.p}`);
  assert.equal(mc.p, (mc.extreme! + 1) / 20_001);
});

Deno.test("signFlipTest() exact lattice p on 300 rating differences agrees with 200,000 Monte-Carlo flips", () => {
  // Ratings 1-5 from two raters: differences in {−4, …, 4}, 300 questions, a small effect.
  const random = seededRandom(12);
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < 300; i++) {
    const q = 1 + Math.floor(random() * 5);
    a.push(Math.min(5, Math.max(1, q + Math.round(random() * 2 - 0.85))));
    b.push(q);
  }
  const exact = signFlipTest(a, b);
  assert.equal(exact.method, "exact");
  assert.ok(exact.p > 0.005 && exact.p < 0.5, `p ${exact.p}`);
  const mc = signFlipTest(a, b, { method: "monte-carlo", permutations: 200_000, seed: 8 });
  const se = Math.sqrt((exact.p * (1 - exact.p)) / 200_000);
  assert.ok(Math.abs(mc.p - exact.p) < 4 * se, `exact ${exact.p}, Monte Carlo ${mc.p} ± ${se}`);
});

Deno.test("signFlipTest() on equal-size differences is the exact sign test (McNemar's exact p)", () => {
  // 60 binary outcomes: a right on 14 questions where b is wrong, b right on 4 where a is wrong.
  const a: boolean[] = [], b: boolean[] = [];
  for (let i = 0; i < 60; i++) {
    a.push(i < 14 || i >= 40);
    b.push((i >= 14 && i < 18) || i >= 40);
  }
  const r = signFlipTest(a.map(Number), b.map(Number));
  assert.equal(r.method, "exact");
  assert.equal(r.nonzero, 18);
  assert.ok(Math.abs(r.p / mcnemarExact(a, b).p - 1) < 1e-12, `${r.p}`);
  // 2 · P(Bin(18, 1/2) ≤ 4) = 2 · (1 + 18 + 153 + 816 + 3060) / 2^18
  assert.ok(Math.abs(r.p - (2 * 4048) / 2 ** 18) < 1e-15);
});

Deno.test("signFlipTest() Monte Carlo draws the same signs and p as the earlier sign-matrix implementation", () => {
  const random = seededRandom(2);
  const d = Array.from({ length: 45 }, () => normal(random) + 0.1);
  for (const [permutations, seed] of [[999, 42], [2000, 7], [500, 0.5]]) {
    const r = signFlipTest(d, zeros(d), { method: "monte-carlo", permutations, seed });
    assert.equal(r.p, matrixP(d, permutations, seed));
    assert.equal(r.method, "monte-carlo");
  }
  const ref = seededRandom(3);
  const m = signFlipMatrix(7, { permutations: 300, seed: 3 });
  for (let i = 0; i < m.length; i++) assert.equal(m[i], ref() < 0.5 ? -1 : 1);
});

Deno.test("signFlipTest() uses the normal approximation of the same statistic when Monte Carlo cannot resolve p", () => {
  const random = seededRandom(5);
  const noise = Array.from({ length: 300 }, () => normal(random));
  const sumSq = (d: number[]) => d.reduce((s, x) => s + x * x, 0);
  // z ≈ 3.8: the 2,000 draws are made and fewer than 10 are as extreme.
  const mid = noise.map((x) => x + 0.27);
  const r = signFlipTest(mid, zeros(mid), { permutations: 2000 });
  assert.equal(r.method, "normal");
  assert.equal(r.permutations, 2000);
  assert.ok(r.extreme !== null && r.extreme < 10, `extreme ${r.extreme}`);
  const sum = mid.reduce((s, x) => s + x, 0);
  assert.ok(Math.abs(r.z - sum / Math.sqrt(sumSq(mid))) < 1e-12);
  assert.ok(Math.abs(r.p - 2 * normalSf(Math.abs(r.z))) < 1e-18);
  // Full precision, below the Monte-Carlo floor 1/2001.
  assert.ok(r.p < 1 / 2001 && r.p > 1e-5, `p ${r.p}`);
  // z ≈ 6: Hoeffding's bound shows the count cannot reach 10 (chance below 1e-12), so the draw
  // is skipped; drawing it anyway finds no extreme vector, and p is the same normal p.
  const strong = noise.map((x) => x + 0.35);
  const s6 = signFlipTest(strong, zeros(strong), { permutations: 2000 });
  assert.deepEqual([s6.method, s6.permutations, s6.extreme], ["normal", 0, null]);
  assert.ok(Math.abs(s6.p - 2 * normalSf(Math.abs(s6.z))) < 1e-30 && s6.p < 1e-6);
  const drawn = signFlipTest(strong, zeros(strong), { permutations: 2000, method: "monte-carlo" });
  assert.equal(drawn.extreme, 0);
  // A weak effect keeps its Monte-Carlo p.
  const weak = noise.map((x) => x + 0.05);
  const w = signFlipTest(weak, zeros(weak), { permutations: 2000 });
  assert.equal(w.method, "monte-carlo");
  assert.ok(w.extreme! >= 10);
  // minExtreme 0: always the Monte-Carlo p, as earlier versions.
  assert.equal(
    signFlipTest(strong, zeros(strong), { permutations: 2000, minExtreme: 0 }).p,
    1 / 2001,
  );
});

Deno.test("signFlipTest() verdicts of strong effects after Holm over 300 tests are the same at 1,000, 2,000 and 10,000 flips", () => {
  // 300 tests of 200 questions: 290 true nulls and 10 effects, 5 strong (z ≈ 7) and 5 medium
  // (z ≈ 5, p ≈ 6e-7, Holm ≈ 2e-4).
  const random = seededRandom(31);
  const family = Array.from({ length: 300 }, (_, t) => {
    const shift = t < 5 ? 0.5 : t < 10 ? 0.36 : 0;
    return Array.from({ length: 200 }, () => normal(random) * (0.5 + random()) + shift);
  });
  const verdicts = (permutations: number, method: "auto" | "monte-carlo" = "auto") => {
    const p = family.map((d) => signFlipTest(d, zeros(d), { permutations, method }).p);
    return holm(p).map((x) => x <= 0.05);
  };
  const at1k = verdicts(1000), at2k = verdicts(2000), at10k = verdicts(10_000);
  assert.deepEqual(at1k, at2k);
  assert.deepEqual(at1k, at10k);
  const significant = at1k.flatMap((v, i) => (v ? [i] : []));
  assert.deepEqual(significant, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // The floored Monte-Carlo p of earlier versions finds nothing at 1,000 flips (Holm ≥ 300/1001).
  assert.equal(verdicts(1000, "monte-carlo").filter(Boolean).length, 0);
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

Deno.test("signFlipTest() with Holm keeps the family-wise error rate when the normal approximation decides", () => {
  // 400 families of 20 true nulls (heavy-tailed differences, 60 questions) at 200 flips: every
  // p-value that can matter for Holm (below 0.05/20) comes from the exact or normal method.
  const random = seededRandom(17);
  const families = 400;
  let anyRejected = 0, normalUsed = 0;
  for (let f = 0; f < families; f++) {
    const p = Array.from({ length: 20 }, () => {
      const d = Array.from({ length: 60 }, () => normal(random) / (0.2 + random()));
      const r = signFlipTest(d, zeros(d), { permutations: 200 });
      if (r.method === "normal") normalUsed++;
      return r.p;
    });
    if (holm(p).some((x) => x <= 0.05)) anyRejected++;
  }
  // Binomial(400, 0.05): mean 20, sd 4.4.
  assert.ok(anyRejected <= 32, `family-wise error ${anyRejected} of ${families}`);
  assert.ok(normalUsed > 100, `normal approximation used ${normalUsed} times`);
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

Deno.test("signFlipTest() drops undefined pairs and gives p = 1 when every difference is 0", () => {
  const a = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null];
  const r = signFlipTest(a, a.map(() => 0));
  assert.deepEqual([r.n, r.diff, r.nonzero, r.method, r.p], [20, 1, 20, "exact", 2 / 2 ** 20]);
  const none = signFlipTest([null], [1]);
  assert.ok(Number.isNaN(none.p));
  assert.equal(none.method, "none");
  const same = signFlipTest([0.2, 0.4, 0.9], [0.2, 0.4, 0.9]);
  assert.deepEqual([same.p, same.method, same.nonzero], [1, "exact", 0]);
  assert.ok(Number.isNaN(same.z));
});

Deno.test("signFlipTest() is antisymmetric: swapping runs flips the sign but not p", () => {
  const random = seededRandom(6);
  const a = Array.from({ length: 80 }, () => random()), b = a.map((x) => x - 0.05 * random());
  for (const options of [{}, { method: "monte-carlo" as const, permutations: 999 }]) {
    const ab = signFlipTest(a, b, options), ba = signFlipTest(b, a, options);
    assert.equal(ab.p, ba.p);
    assert.ok(Math.abs(ab.diff + ba.diff) < 1e-15);
  }
});

Deno.test("signFlipTest() accepts Float64Array input and forced methods, and rejects bad options", () => {
  const a = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i) + 0.3),
    b = new Float64Array(50);
  const r = signFlipTest(a, b, { method: "normal" });
  assert.deepEqual([r.method, r.permutations, r.extreme], ["normal", 0, null]);
  assert.throws(
    () => signFlipTest(a, b, { method: "exact" }),
    /50 non-zero differences off a lattice/,
  );
  assert.throws(
    () => signFlipTest(a, b, { method: "bogus" as never }),
    /Unknown sign-flip method "bogus"/,
  );
  assert.throws(() => signFlipTest(a, b, { exactMaxNonzero: 41 }), RangeError);
  assert.throws(() => signFlipTest(a, b, { permutations: 0 }), RangeError);
});

Deno.test("signFlipMatrix() has balanced signs and rejects bad sizes", () => {
  const s = signFlipMatrix(100, { permutations: 1000, seed: 2 });
  const plus = s.reduce((c, x) => c + (x === 1 ? 1 : 0), 0);
  assert.ok(Math.abs(plus / s.length - 0.5) < 0.005, `share of + ${plus / s.length}`);
  assert.throws(() => signFlipMatrix(0), RangeError);
  assert.throws(() => signFlipMatrix(5, { permutations: 0 }), RangeError);
});

Deno.test("signFlipTest() treats a floating-point zero such as (0.1 + 0.2) − 0.3 as an exact zero", () => {
  // 20 questions +0.1, 15 questions −0.1, and 5 where both runs score 0.3, one of them summed
  // as 0.1 + 0.2: that difference is 5.6e-17 in floating point, 0 in exact arithmetic.
  assert.notEqual(0.1 + 0.2 - 0.3, 0);
  const a = [...Array(20).fill(0.6), ...Array(15).fill(0.4), ...Array(5).fill(0.1 + 0.2)];
  const b = [...Array(20).fill(0.5), ...Array(15).fill(0.5), ...Array(5).fill(0.3)];
  const r = signFlipTest(a, b, { permutations: 2000 });
  assert.equal(r.method, "exact");
  assert.equal(r.nonzero, 35);
  assert.equal(r.n, 40);
  // Exact sign test on 35 signs, 20 of them +: P(|2X − 35| ≥ 5), X ~ Bin(35, 1/2).
  let tail = 0, c = 1;
  for (let k = 0; k <= 35; k++) {
    if (Math.abs(2 * k - 35) >= 5) tail += c;
    c = (c * (35 - k)) / (k + 1);
  }
  assert.ok(Math.abs(r.p - tail / 2 ** 35) < 1e-12, `${r.p} vs ${tail / 2 ** 35}`);
  // Identical runs up to rounding: p = 1, no spread.
  const same = signFlipTest(Array(40).fill(0.1 + 0.2), Array(40).fill(0.3));
  assert.deepEqual([same.p, same.method, same.nonzero], [1, "exact", 0]);
});
