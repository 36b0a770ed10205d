import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { binaryComparisons } from "./binary_comparisons.ts";
import { benjaminiHochberg } from "../stats/benjamini_hochberg.ts";
import { fakeScored } from "../testing/fake_scored.ts";

Deno.test("binaryComparisons() rows carry their family and McNemar's p BH-adjusted over the table", () => {
  const yes = (k: number, n = 20) => Array.from({ length: n }, (_, i) => (i < k ? 1 : 0));
  const scored = fakeScored([
    { id: "b4", variant: "base", size_b: 4, values: { h: yes(15), w: yes(6) } },
    { id: "f4", size_b: 4, values: { h: yes(3), w: yes(4) } },
    { id: "b8", variant: "base", size_b: 8, values: { h: yes(12), w: yes(9) } },
    { id: "f8", size_b: 8, values: { h: yes(10), w: yes(2) } },
  ]);
  const rows = binaryComparisons(scored, [
    { run_a: "f4", run_b: "b4", comparison: "ft_vs_base" },
    { run_a: "f8", run_b: "b8", comparison: "ft_vs_base" },
  ], {
    outcomes: [{ name: "any_h", expr: pl.col("h").gt(0) }, { name: "w", expr: pl.col("w").gt(0) }],
    resamples: 200,
  });
  assert.equal(rows.length, 4);
  const bh = benjaminiHochberg(rows.map((r) => r.p_mcnemar!));
  rows.forEach((r, i) => {
    assert.equal(r.family, "exploratory");
    assert.equal(r.correction, "bh");
    assert.equal(r.p_adj, bh[i]);
    assert.ok(r.p_adj! >= r.p_mcnemar!);
  });
  // The adjustment is over the table, not per row: some row is raised.
  assert.ok(rows.some((r) => r.p_adj! > r.p_mcnemar!));
});
