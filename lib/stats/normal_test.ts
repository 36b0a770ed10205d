import assert from "node:assert/strict";
import { normalCdf, normalQuantile, normalSf } from "./normal.ts";
import { referencePython } from "../testing/reference_python.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

Deno.test("normalCdf(), normalSf() and normalQuantile() match scipy.stats.norm, tails included", async () => {
  const zs = [
    -40,
    -12,
    -8.3,
    -5,
    -3,
    -1.96,
    -1,
    -0.3,
    0,
    0.2,
    0.9,
    1.5,
    2.5,
    4,
    6.5,
    9,
    15,
    30,
    37,
  ];
  const ps = [
    1e-300,
    1e-100,
    1e-20,
    1e-9,
    1e-4,
    0.01,
    0.025,
    0.2,
    0.5,
    0.8,
    0.975,
    0.999,
    1 - 1e-12,
  ];
  const ref = await referencePython(
    `from scipy import stats
x = INPUT
emit({"cdf": [stats.norm.cdf(z) for z in x["z"]], "sf": [stats.norm.sf(z) for z in x["z"]],
  "ppf": [stats.norm.ppf(p) for p in x["p"]]})`,
    { z: zs, p: ps },
  ) as { cdf: number[]; sf: number[]; ppf: number[] };
  zs.forEach((z, i) => {
    assert.ok(rel(normalCdf(z), ref.cdf[i]) < 1e-12, `cdf(${z}) ${normalCdf(z)} vs ${ref.cdf[i]}`);
    assert.ok(rel(normalSf(z), ref.sf[i]) < 1e-12, `sf(${z}) ${normalSf(z)} vs ${ref.sf[i]}`);
  });
  ps.forEach((p, i) => {
    assert.ok(
      Math.abs(normalQuantile(p) - ref.ppf[i]) < 1e-13 * Math.max(1, Math.abs(ref.ppf[i])),
      `ppf(${p}) ${normalQuantile(p)} vs ${ref.ppf[i]}`,
    );
  });
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.throws(() => normalQuantile(1.5), RangeError);
});
