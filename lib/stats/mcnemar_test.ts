import assert from "node:assert/strict";
import { mcnemarExact } from "./mcnemar.ts";
import { signFlipTest } from "./sign_flip.ts";
import { referencePython } from "../testing/reference_python.ts";

/** Paired outcomes with the given cells: n11 both true, n10 only a, n01 only b, n00 neither. */
function outcomes(n11: number, n10: number, n01: number, n00: number): [boolean[], boolean[]] {
  const a: boolean[] = [], b: boolean[] = [];
  const add = (x: boolean, y: boolean, k: number) => {
    for (let i = 0; i < k; i++) {
      a.push(x);
      b.push(y);
    }
  };
  add(true, true, n11);
  add(true, false, n10);
  add(false, true, n01);
  add(false, false, n00);
  return [a, b];
}

Deno.test("mcnemarExact() matches statsmodels mcnemar(table, exact=True)", async () => {
  const cells = [
    [5, 3, 10, 7],
    [40, 0, 0, 60],
    [10, 1, 0, 3],
    [100, 25, 12, 363],
    [300, 140, 90, 4470],
    [0, 2500, 2400, 100],
    [200, 0, 31, 269],
    [1, 6, 0, 1],
  ];
  const ref = await referencePython(
    `from statsmodels.stats.contingency_tables import mcnemar
emit([float(mcnemar([[n00, n01], [n10, n11]], exact=True).pvalue) for n11, n10, n01, n00 in INPUT])`,
    cells,
  ) as number[];
  cells.forEach(([n11, n10, n01, n00], i) => {
    const r = mcnemarExact(...outcomes(n11, n10, n01, n00));
    assert.deepEqual([r.b10, r.b01, r.n], [n10, n01, n11 + n10 + n01 + n00]);
    assert.ok(Math.abs(r.p - ref[i]) <= 1e-12 * ref[i], `${cells[i]}: ${r.p} vs ${ref[i]}`);
  });
});

Deno.test("mcnemarExact() by hand: 2·P(Bin(4, 1/2) ≤ 1) and the sign test it equals", () => {
  // b10 = 3, b01 = 1: 2 · (1 + 4)/16 = 0.625
  const [a, b] = outcomes(2, 3, 1, 4);
  const r = mcnemarExact(a, b);
  assert.deepEqual(r, { b01: 1, b10: 3, p: 0.625, n: 10, diff: 0.2 });
  assert.equal(signFlipTest(a.map(Number), b.map(Number)).p, 0.625);
  // No discordant pair: p = 1, as statsmodels.
  assert.equal(mcnemarExact([true, false], [true, false]).p, 1);
});

Deno.test("mcnemarExact() drops undefined pairs and rejects non-boolean outcomes", () => {
  const r = mcnemarExact([true, null, false, undefined], [false, true, true, true]);
  assert.deepEqual([r.n, r.b10, r.b01], [2, 1, 1]);
  assert.ok(Number.isNaN(mcnemarExact([null], [true]).p));
  assert.throws(
    () => mcnemarExact([true, 1 as never], [true, true]),
    /a\[1\] must be true, false, null or undefined, got 1/,
  );
  assert.throws(() => mcnemarExact([true], [true, false]), RangeError);
});
