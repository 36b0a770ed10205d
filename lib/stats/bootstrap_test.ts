import assert from "node:assert/strict";
import { bootstrapCi, bootstrapIndexBlock, bootstrapIndices, bootstrapMeans } from "./bootstrap.ts";
import { randomInt, seededRandom } from "./rng.ts";
import { quantileSorted } from "./quantile.ts";

/** The implementation before streaming: the whole index matrix from randomInt, then the means. */
function matrixCi(x: number[], resamples: number, seed: number, level = 0.95) {
  const random = seededRandom(seed), n = x.length;
  const indices = new Int32Array(n * resamples);
  for (let i = 0; i < indices.length; i++) indices[i] = randomInt(random, n);
  const means = new Float64Array(resamples);
  for (let b = 0, k = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++, k++) s += x[indices[k]];
    means[b] = s / n;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return { lo: quantileSorted(means, alpha), hi: quantileSorted(means, 1 - alpha), indices };
}

Deno.test("bootstrapCi() gives bit for bit the intervals of the earlier index-matrix implementation", () => {
  const random = seededRandom(19);
  for (const [n, resamples, seed] of [[10, 999, 42], [37, 2000, 3], [250, 1001, 0.7]]) {
    const x = Array.from({ length: n }, () => random() ** 2);
    const ci = bootstrapCi(x, { resamples, seed });
    const old = matrixCi(x, resamples, seed);
    assert.deepEqual([ci.lo, ci.hi], [old.lo, old.hi]);
    assert.deepEqual(bootstrapIndices(n, { resamples, seed }), old.indices);
  }
});

Deno.test("bootstrapIndexBlock() gives the same resamples whatever the blocks", () => {
  const all = bootstrapIndices(13, { resamples: 100, seed: 5 });
  for (const size of [1, 7, 32, 100]) {
    const parts: number[] = [];
    for (let first = 0; first < 100; first += size) {
      parts.push(...bootstrapIndexBlock(13, first, Math.min(size, 100 - first), { seed: 5 }));
    }
    assert.deepEqual(parts, [...all]);
  }
  // The means streamed by bootstrapMeans() are those of the rows.
  const x = Float64Array.from({ length: 13 }, (_, i) => Math.sqrt(i));
  const means = bootstrapMeans(x, { resamples: 100, seed: 5 });
  for (let b = 0; b < 100; b++) {
    let s = 0;
    for (let i = 0; i < 13; i++) s += x[all[b * 13 + i]];
    assert.equal(means[b], s / 13);
  }
  assert.throws(() => bootstrapIndexBlock(5, -1, 2), RangeError);
});

Deno.test("bootstrapCi() gives no interval below minN and says why", () => {
  const few = bootstrapCi([0.2, 0.4, 0.9]);
  assert.deepEqual(few, {
    mean: 0.5,
    lo: NaN,
    hi: NaN,
    n: 3,
    reason: "n = 3 < 10: too few questions for a bootstrap interval",
  });
  const nine = bootstrapCi(Array.from({ length: 9 }, (_, i) => i));
  assert.match(nine.reason!, /^n = 9 < 10/);
  const ten = bootstrapCi(Array.from({ length: 10 }, (_, i) => i));
  assert.ok(ten.lo < 4.5 && ten.hi > 4.5);
  assert.equal("reason" in ten, false);
  const lowered = bootstrapCi([0.2, 0.4, 0.9], { minN: 3, resamples: 500 });
  assert.ok(lowered.lo >= 0.2 && lowered.hi <= 0.9 && lowered.reason === undefined);
  assert.equal(bootstrapCi([null, NaN]).reason, "n = 0: no defined value");
  assert.throws(() => bootstrapCi([1, 2], { minN: 0 }), RangeError);
});

Deno.test("bootstrapCi() takes a Float64Array with NaN for undefined values", () => {
  const x = Float64Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? NaN : i / 40));
  const plain = [...x].filter((v) => !Number.isNaN(v));
  assert.deepEqual(bootstrapCi(x, { resamples: 700 }), bootstrapCi(plain, { resamples: 700 }));
  assert.equal(bootstrapCi(x).n, plain.length);
});

Deno.test("bootstrapCi() is deterministic for a seed and changes with it", () => {
  const x = Array.from({ length: 200 }, (_, i) => (i * 37) % 11 / 10);
  assert.deepEqual(bootstrapCi(x, { seed: 1 }), bootstrapCi(x, { seed: 1 }));
  assert.notDeepEqual(bootstrapCi(x, { seed: 1 }), bootstrapCi(x, { seed: 2 }));
});

Deno.test("bootstrapCi() gives a zero-width interval for a constant sample", () => {
  const ci = bootstrapCi(Array.from({ length: 12 }, () => 0.5));
  assert.deepEqual(ci, { mean: 0.5, lo: 0.5, hi: 0.5, n: 12 });
});

Deno.test("bootstrapCi() narrows as the sample grows", () => {
  const random = seededRandom(3);
  const small = Array.from({ length: 50 }, () => random());
  const large = Array.from({ length: 2000 }, () => random());
  const a = bootstrapCi(small, { resamples: 2000 });
  const b = bootstrapCi(large, { resamples: 2000 });
  assert.ok(b.hi - b.lo < (a.hi - a.lo) / 3);
});

Deno.test("bootstrapCi() width matches the normal approximation for a Bernoulli mean", () => {
  // For p = 0.3, n = 400 the standard error is sqrt(0.21 / 400) = 0.0229; a 95% interval is
  // about 2 * 1.96 * 0.0229 = 0.0898 wide.
  const x = Array.from({ length: 400 }, (_, i) => (i % 10 < 3 ? 1 : 0));
  const ci = bootstrapCi(x);
  assert.ok(Math.abs(ci.hi - ci.lo - 0.0898) < 0.008, `width ${ci.hi - ci.lo}`);
});

Deno.test("bootstrapCi() covers the true mean in about 95% of simulated samples", () => {
  const random = seededRandom(11);
  let covered = 0;
  const trials = 300;
  for (let t = 0; t < trials; t++) {
    const x = Array.from({ length: 100 }, () => random()); // uniform, true mean 0.5
    const ci = bootstrapCi(x, { resamples: 1000, seed: t });
    if (ci.lo <= 0.5 && 0.5 <= ci.hi) covered++;
  }
  // Binomial(300, 0.95) has sd 3.8 hits; the percentile bootstrap under-covers slightly at n=100.
  assert.ok(covered >= 270 && covered <= 297, `covered ${covered} of ${trials}`);
});

Deno.test("bootstrapCi() leaves out undefined values and reports n", () => {
  const ci = bootstrapCi([null, NaN, undefined]);
  assert.equal(ci.n, 0);
  assert.ok(Number.isNaN(ci.mean));
});

Deno.test("bootstrapIndices() rejects a bad size", () => {
  assert.throws(() => bootstrapIndices(0), RangeError);
  assert.throws(() => bootstrapIndices(5, { resamples: 0 }), RangeError);
  assert.throws(() => bootstrapCi([1, 2, 3], { resamples: 0 }), RangeError);
});
