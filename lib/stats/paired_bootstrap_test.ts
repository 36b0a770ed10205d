import assert from "node:assert/strict";
import { pairedBootstrapCi } from "./paired_bootstrap.ts";
import { bootstrapCi } from "./bootstrap.ts";
import { seededRandom } from "./rng.ts";

function normal(random: () => number): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

Deno.test("pairedBootstrapCi() covers the true difference in about 95% of simulated studies", () => {
  // Two correlated "runs" on the same questions: a question effect shared by both, plus noise;
  // the true mean difference is 0.03.
  const random = seededRandom(5);
  const trials = 250, n = 120;
  let covered = 0;
  for (let t = 0; t < trials; t++) {
    const a: number[] = [], b: number[] = [];
    for (let i = 0; i < n; i++) {
      const q = normal(random);
      a.push(q + 0.03 + 0.2 * normal(random));
      b.push(q + 0.2 * normal(random));
    }
    const ci = pairedBootstrapCi(a, b, { resamples: 1000, seed: t });
    if (ci.lo <= 0.03 && 0.03 <= ci.hi) covered++;
  }
  // Binomial(250, 0.95): sd 3.4 hits; the percentile bootstrap under-covers a little at n = 120.
  assert.ok(covered >= 225 && covered <= 247, `covered ${covered} of ${trials}`);
});

Deno.test("pairedBootstrapCi() is much narrower than the marginal intervals when runs are correlated", () => {
  const random = seededRandom(8);
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < 500; i++) {
    const q = random();
    a.push(q + 0.01 + 0.02 * (random() - 0.5));
    b.push(q);
  }
  const paired = pairedBootstrapCi(a, b, { resamples: 2000 });
  const ma = bootstrapCi(a, { resamples: 2000 }), mb = bootstrapCi(b, { resamples: 2000 });
  assert.ok(ma.lo < mb.hi, "the marginal intervals overlap");
  assert.ok(paired.lo > 0, `the paired interval excludes 0: [${paired.lo}, ${paired.hi}]`);
});

Deno.test("pairedBootstrapCi() drops pairs with an undefined side and reports n", () => {
  const ci = pairedBootstrapCi([1, null, 0.5, NaN], [0, 1, undefined, 1], { resamples: 200 });
  assert.deepEqual(ci, {
    mean: 1,
    lo: NaN,
    hi: NaN,
    n: 1,
    reason: "n = 1 < 10: too few questions for a bootstrap interval",
  });
  const one = pairedBootstrapCi([1, null], [0, 1], { resamples: 200, minN: 1 });
  assert.deepEqual(one, { mean: 1, lo: 1, hi: 1, n: 1 });
  assert.equal(pairedBootstrapCi([null], [1]).n, 0);
  assert.throws(() => pairedBootstrapCi([1, 2], [1]), RangeError);
});

Deno.test("pairedBootstrapCi() is deterministic for a seed", () => {
  const a = Array.from({ length: 50 }, (_, i) => (i * 7) % 10 / 10),
    b = a.map((x, i) => x - (i % 3) / 10);
  assert.deepEqual(pairedBootstrapCi(a, b, { seed: 3 }), pairedBootstrapCi(a, b, { seed: 3 }));
});
