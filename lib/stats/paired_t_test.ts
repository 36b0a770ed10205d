import assert from "node:assert/strict";
import { pairedTTest } from "./paired_t.ts";
import { seededRandom } from "./rng.ts";
import { referencePython } from "../testing/reference_python.ts";

Deno.test("pairedTTest() matches scipy.stats.ttest_rel, small p-values included", async () => {
  const random = seededRandom(14);
  const cases: number[][][] = [];
  for (const [n, shift] of [[3, 0.1], [8, 0], [30, 0.4], [200, 0.05], [500, 0.3], [2000, 0.01]]) {
    const a: number[] = [], b: number[] = [];
    for (let i = 0; i < n; i++) {
      const q = random();
      a.push(q + shift + 0.3 * (random() - 0.5));
      b.push(q + 0.3 * (random() - 0.5));
    }
    cases.push([a, b]);
  }
  cases.push([[2, 4, 6, 8], [1, 2, 3, 4]]);
  const ref = await referencePython(
    `from scipy import stats
out = []
for a, b in INPUT:
    r = stats.ttest_rel(a, b)
    out.append([float(r.statistic), float(r.pvalue), int(r.df)])
emit(out)`,
    cases,
  ) as number[][];
  cases.forEach(([a, b], i) => {
    const r = pairedTTest(a, b);
    const [t, p, df] = ref[i];
    assert.equal(r.df, df);
    assert.ok(Math.abs(r.t - t) < 1e-12 * Math.abs(t), `t ${r.t} vs ${t}`);
    assert.ok(Math.abs(r.p - p) < 1e-10 * p, `n = ${a.length}: p ${r.p} vs ${p}`);
  });
  // The n = 500 case has a p-value far below any Monte-Carlo floor, kept to full precision.
  assert.ok(ref[4][1] < 1e-100, `${ref[4][1]}`);
});

Deno.test("pairedTTest() drops undefined pairs and follows scipy at the edges", () => {
  const r = pairedTTest([1, null, 3, 5, NaN], [0, 1, 1, 2, 0]);
  assert.equal(r.n, 3);
  assert.equal(r.diff, 2); // differences 1, 2, 3
  const constant = pairedTTest([1, 2, 3], [0, 1, 2]); // scipy: t = inf, p = 0
  assert.deepEqual([constant.t, constant.p], [Infinity, 0]);
  const zero = pairedTTest([1, 2, 3], [1, 2, 3]); // scipy: nan, nan
  assert.ok(Number.isNaN(zero.t) && Number.isNaN(zero.p));
  const one = pairedTTest([1], [0]);
  assert.ok(Number.isNaN(one.p));
  assert.equal(one.diff, 1);
});
