import assert from "node:assert/strict";
import { bootstrapCi, bootstrapIndices } from "./bootstrap.ts";
import { seededRandom } from "./rng.ts";

Deno.test("bootstrapCi() is deterministic for a seed and changes with it", () => {
  const x = Array.from({ length: 200 }, (_, i) => (i * 37) % 11 / 10);
  assert.deepEqual(bootstrapCi(x, { seed: 1 }), bootstrapCi(x, { seed: 1 }));
  assert.notDeepEqual(bootstrapCi(x, { seed: 1 }), bootstrapCi(x, { seed: 2 }));
});

Deno.test("bootstrapCi() gives a zero-width interval for a constant sample", () => {
  const ci = bootstrapCi([0.5, 0.5, 0.5]);
  assert.deepEqual(ci, { mean: 0.5, lo: 0.5, hi: 0.5, n: 3 });
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
});
