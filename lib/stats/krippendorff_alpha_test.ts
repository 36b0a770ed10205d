import assert from "node:assert/strict";
import { krippendorffAlpha } from "./krippendorff_alpha.ts";

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the worked example with four
// observers, twelve units, values 1-5 and missing data. Published: nominal 0.743, ordinal 0.815,
// interval 0.849, ratio 0.797.
const _ = null;
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS = OBSERVERS[0].map((_, u) => OBSERVERS.map((o) => o[u]));

Deno.test("krippendorffAlpha() reproduces Krippendorff's published example at all four levels", () => {
  const expect = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 } as const;
  for (const [level, value] of Object.entries(expect)) {
    const a = krippendorffAlpha(UNITS, { level: level as keyof typeof expect });
    assert.equal(Math.round(a.alpha * 1000) / 1000, value, level);
    // Unit 12 has one value only: 11 pairable units with 40 pairable values (n.. in the paper).
    assert.equal(a.n, 11);
    assert.equal(a.values, 40);
  }
});

Deno.test("krippendorffAlpha() matches a hand computation", () => {
  // Units (1,1), (1,2), (2,2) from two raters. Coincidences: o11 = 2, o12 = o21 = 1, o22 = 2;
  // n1 = n2 = 3, n = 6. Nominal: alpha = 1 - (n - 1) * (o12 + o21) / (2 * n1 * n2)
  // = 1 - 5 * 2 / 18 = 4/9. Ordinal with two values: delta^2_12 = (n1 + n2 - (n1 + n2)/2)^2 = 9
  // scales numerator and denominator alike, so alpha is again 4/9.
  const units = [[1, 1], [1, 2], [2, 2]];
  assert.ok(Math.abs(krippendorffAlpha(units, { level: "nominal" }).alpha - 4 / 9) < 1e-12);
  assert.ok(Math.abs(krippendorffAlpha(units, { level: "ordinal" }).alpha - 4 / 9) < 1e-12);
  // Interval on values 1, 2, 4: units (1,2), (2,4). o12 = o21 = 1, o24 = o42 = 1; n1 = 1, n2 = 2,
  // n4 = 1, n = 4. Observed: 2*1 + 2*4 = 10. Expected: sum n_c n_k d^2 = 2*(1*2*1 + 1*1*9 + 2*1*4) = 38.
  // alpha = 1 - 3 * 10 / 38 = 8/38.
  assert.ok(
    Math.abs(krippendorffAlpha([[1, 2], [2, 4]], { level: "interval" }).alpha - 8 / 38) < 1e-12,
  );
});

Deno.test("krippendorffAlpha() is undefined without variation, and rejects unknown levels", () => {
  assert.ok(Number.isNaN(krippendorffAlpha([[3, 3], [3, 3]]).alpha));
  assert.throws(
    () => krippendorffAlpha(UNITS, { level: "cardinal" as never }),
    /Unknown level of measurement "cardinal"/,
  );
});

Deno.test("krippendorffAlpha() gives a seeded bootstrap interval around the estimate", () => {
  const a = krippendorffAlpha(UNITS, { level: "ordinal", resamples: 2000, seed: 1 });
  assert.ok(a.lo <= a.alpha && a.alpha <= a.hi, `${a.lo} ${a.alpha} ${a.hi}`);
  assert.deepEqual(krippendorffAlpha(UNITS, { level: "ordinal", resamples: 2000, seed: 1 }), a);
  assert.ok(Number.isNaN(krippendorffAlpha(UNITS).lo));
});
