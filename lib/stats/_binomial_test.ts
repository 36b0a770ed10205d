import assert from "node:assert/strict";
import { binomialHalfCdf, binomialHalfPmf } from "./_binomial.ts";
import { referencePython } from "../testing/reference_python.ts";

Deno.test("binomialHalfPmf() and binomialHalfCdf() are exact on small N and match scipy on large N", async () => {
  // N = 4: 1, 4, 6, 4, 1 over 16
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => binomialHalfPmf(k, 4) * 16).map(Math.round), [
    1,
    4,
    6,
    4,
    1,
  ]);
  assert.ok(Math.abs(binomialHalfPmf(2, 4) - 6 / 16) < 1e-16);
  assert.equal(binomialHalfCdf(1, 4), 5 / 16);
  assert.equal(binomialHalfCdf(4, 4), 1);
  assert.equal(binomialHalfCdf(-1, 4), 0);
  assert.equal(binomialHalfCdf(0, 0), 1);
  const cases = [[3, 18], [7, 20], [29, 100], [49, 100], [400, 1000], [2380, 5000], [2499, 5000], [
    4000,
    9000,
  ], [560, 2000]];
  const ref = await referencePython(
    `from scipy import stats
emit([[float(stats.binom.cdf(k, n, 0.5)), float(stats.binom.pmf(k, n, 0.5))] for k, n in INPUT])`,
    cases,
  ) as number[][];
  cases.forEach(([k, N], i) => {
    const [cdf, pmf] = ref[i];
    assert.ok(
      Math.abs(binomialHalfPmf(k, N) / pmf - 1) < 1e-13,
      `pmf(${k}, ${N}) ${binomialHalfPmf(k, N)} vs ${pmf}`,
    );
    assert.ok(
      Math.abs(binomialHalfCdf(k, N) / cdf - 1) < 1e-12,
      `cdf(${k}, ${N}) ${binomialHalfCdf(k, N)} vs ${cdf}`,
    );
  });
});
