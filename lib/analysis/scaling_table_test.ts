import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { filterScored } from "../scored/filter_scored.ts";
import { fakeScoredWithSummary } from "../testing/fake_scored.ts";
import { scalingTable } from "./scaling_table.ts";
import { headlineTable } from "./headline_table.ts";

Deno.test("a run left with no answer by filterScored() has n = 0 and no values in the scaling and headline tables", () => {
  const high = filterScored(fakeScoredWithSummary(), pl.col("chrf").gt(5));
  const rows = scalingTable(high, { resamples: 200, metrics: ["chrf"] });
  const gone = rows.find((r) => r.run === "gone")!;
  assert.deepEqual([gone.n, gone.n_defined, gone.mean, gone.lo, gone.hi], [0, 0, null, null, null]);
  const kept = rows.find((r) => r.run === "kept")!;
  assert.deepEqual([kept.n, kept.n_defined, kept.mean], [3, 3, 50]);
  const headline = headlineTable(rows).rows.find((r) => r.model === "gone")!;
  assert.equal(headline.n, 0);
  assert.equal(headline.chrf_mean, null);
});
