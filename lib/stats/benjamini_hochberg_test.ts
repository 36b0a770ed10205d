import assert from "node:assert/strict";
import { benjaminiHochberg } from "./benjamini_hochberg.ts";
import { holm } from "./holm.ts";
import { seededRandom } from "./rng.ts";

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Two-sided normal p-value, via the complementary error function (Abramowitz–Stegun 7.1.26). */
function pNormal(z: number): number {
  const x = Math.abs(z) / Math.SQRT2, t = 1 / (1 + 0.3275911 * x);
  const erfc = t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return Math.min(1, erfc);
}

Deno.test("benjaminiHochberg() controls the false discovery rate on simulated families", () => {
  // 20 independent z-tests, 10 true nulls (z ~ N(0,1)) and 10 alternatives (z ~ N(3,1)).
  const random = seededRandom(17);
  const families = 2000, q = 0.05;
  let fdpSum = 0, bhRejections = 0, holmRejections = 0;
  for (let f = 0; f < families; f++) {
    const p = Array.from({ length: 20 }, (_, i) => pNormal(normal(random) + (i < 10 ? 0 : 3)));
    const adj = benjaminiHochberg(p);
    const rejected = adj.map((x, i) => [x <= q, i] as const).filter(([r]) => r);
    const falses = rejected.filter(([, i]) => i < 10).length;
    fdpSum += rejected.length ? falses / rejected.length : 0;
    bhRejections += rejected.length;
    holmRejections += holm(p).filter((x) => x <= q).length;
  }
  // Theory: FDR = q · m0/m = 0.025 (sd of the mean FDP over 2,000 families is about 0.002).
  const fdr = fdpSum / families;
  assert.ok(fdr <= 0.033 && fdr >= 0.015, `FDR ${fdr}`);
  assert.ok(bhRejections > holmRejections, "BH rejects more than Holm");
});

Deno.test("benjaminiHochberg() keeps NaN entries out, caps at 1 and never lowers a p-value", () => {
  const adj = benjaminiHochberg([0.01, NaN, 0.9]);
  assert.ok(Math.abs(adj[0] - 0.02) < 1e-12);
  assert.ok(Number.isNaN(adj[1]));
  assert.equal(adj[2], 0.9);
  assert.deepEqual(benjaminiHochberg([1, 1]), [1, 1]);
  assert.throws(() => benjaminiHochberg([-0.1]), RangeError);
});
