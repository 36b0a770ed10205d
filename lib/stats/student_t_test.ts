import assert from "node:assert/strict";
import { studentTCdf, studentTQuantile, studentTSf, studentTTwoSided } from "./student_t.ts";
import { noncentralTCdf } from "./noncentral_t.ts";
import { normalCdf } from "./normal.ts";
import { referencePython } from "../testing/reference_python.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

const CASES: [number, number][] = [];
for (const df of [1, 2, 3, 4.5, 9, 29, 99, 499, 4999, 50_000]) {
  for (const t of [-30, -6, -2.2, -0.5, 0, 0.7, 1.96, 3.5, 8, 40]) CASES.push([t, df]);
}
const PS = [1e-12, 1e-6, 0.001, 0.025, 0.1, 0.5, 0.8, 0.975, 0.9999];
const NCT: [number, number, number][] = [];
for (const df of [1, 4, 19, 99, 499, 4999]) {
  for (const nc of [-3, -0.5, 0.5, 1.2, 2.8, 6, 15]) {
    for (const t of [-4, -1.96, 0, 1.5, 1.96, 2.6, 9]) NCT.push([t, df, nc]);
  }
}

Deno.test("studentT*() and noncentralTCdf() match scipy.stats.t and scipy.stats.nct", async () => {
  const ref = await referencePython(
    `from scipy import stats
x = INPUT
emit({
  "cdf": [stats.t.cdf(t, df) for t, df in x["t"]],
  "sf": [stats.t.sf(t, df) for t, df in x["t"]],
  "ppf": [[stats.t.ppf(p, df) for p in x["p"]] for df in x["df"]],
  "nct": [stats.nct.cdf(t, df, nc) for t, df, nc in x["nct"]],
})`,
    { t: CASES, p: PS, df: [1, 2, 3, 4.5, 9, 29, 99, 499, 4999], nct: NCT },
  ) as { cdf: number[]; sf: number[]; ppf: number[][]; nct: number[] };
  CASES.forEach(([t, df], i) => {
    // Each tail with relative precision (scipy's own accuracy is about 1e-12 here).
    assert.ok(
      rel(studentTCdf(t, df), ref.cdf[i]) < 1e-10,
      `cdf(${t}, ${df}) ${studentTCdf(t, df)} vs ${ref.cdf[i]}`,
    );
    assert.ok(
      rel(studentTSf(t, df), ref.sf[i]) < 1e-10,
      `sf(${t}, ${df}) ${studentTSf(t, df)} vs ${ref.sf[i]}`,
    );
    const two = 2 * Math.min(ref.cdf[i], ref.sf[i]);
    assert.ok(rel(studentTTwoSided(t, df), two) < 1e-10, `two-sided(${t}, ${df})`);
  });
  [1, 2, 3, 4.5, 9, 29, 99, 499, 4999].forEach((df, j) => {
    PS.forEach((p, k) => {
      const want = ref.ppf[j][k], got = studentTQuantile(p, df);
      assert.ok(
        Math.abs(got - want) < 1e-11 * Math.max(1, Math.abs(want)),
        `ppf(${p}, ${df}) ${got} vs ${want}`,
      );
    });
  });
  let scipyFailed = 0;
  NCT.forEach(([t, df, nc], i) => {
    const got = noncentralTCdf(t, df, nc);
    if (Number.isNaN(ref.nct[i])) {
      // scipy (Boost) gives NaN far in the left tail; there P(T ≤ t) ≤ P(T ≤ 0) = Φ(−nc)
      // (up to the absolute error 1e-12 of the series).
      assert.ok(
        t <= 0 && got >= 0 && got <= normalCdf(-nc) + 1e-12,
        `nct.cdf(${t}, ${df}, ${nc}) ${got}`,
      );
      scipyFailed++;
      return;
    }
    // Absolute error below 1e-12 as R's pnt; relative where the value is not tiny.
    assert.ok(
      Math.abs(got - ref.nct[i]) < 1e-11,
      `nct.cdf(${t}, ${df}, ${nc}) ${got} vs ${ref.nct[i]}`,
    );
  });
  assert.ok(scipyFailed < 10, `scipy failed on ${scipyFailed} cases`);
});

Deno.test("studentTQuantile() inverts studentTCdf() and rejects bad input", () => {
  for (const df of [1, 2, 7, 120]) {
    for (const p of [0.001, 0.3, 0.5, 0.9]) {
      assert.ok(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p) < 1e-14);
    }
  }
  assert.equal(studentTQuantile(1, 5), Infinity);
  assert.throws(() => studentTQuantile(0.5, 0), RangeError);
  assert.throws(() => studentTQuantile(-0.1, 3), RangeError);
});
