import assert from "node:assert/strict";
import { cohensDz } from "./cohens_dz.ts";

Deno.test("cohensDz() divides the mean difference by the sample sd of the differences", () => {
  // differences 0.1, 0.3, 0.2, 0.4: mean 0.25, sd sqrt(0.05/3) = 0.1291
  const dz = cohensDz([0.6, 0.8, 0.7, 0.9], [0.5, 0.5, 0.5, 0.5]);
  assert.ok(Math.abs(dz - 0.25 / Math.sqrt(0.05 / 3)) < 1e-12, `d_z ${dz}`);
  assert.ok(Math.abs(cohensDz([0.5, 0.5, 0.5, 0.5], [0.6, 0.8, 0.7, 0.9]) + dz) < 1e-12);
});

Deno.test("cohensDz() drops undefined pairs and is NaN for fewer than two pairs", () => {
  assert.equal(cohensDz([2, null, 4, 6], [1, 9, 2, 3]), 2);
  assert.ok(Number.isNaN(cohensDz([1], [0])));
});
