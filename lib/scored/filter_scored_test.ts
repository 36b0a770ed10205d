import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { filterScored } from "./filter_scored.ts";
import { fakeScored } from "../testing/fake_scored.ts";

function withSummary() {
  const scored = fakeScored([
    { id: "kept", values: { chrf: [10, 50, 90] } },
    { id: "gone", values: { chrf: [1, 2, 3] } },
  ]);
  // As in the study's files: each run also stores its producer's aggregates over all answers.
  for (const r of scored.runs) {
    r.summary = { chrf: { mean: 99, lo: 98, hi: 100, n: 500 } } as typeof r.summary;
  }
  return scored;
}

Deno.test("filterScored() drops the stored all-answers aggregates: they do not describe the subset", () => {
  const high = filterScored(withSummary(), pl.col("chrf").gt(5));
  assert.deepEqual(high.runs.map((r) => [r.run.id, r.samples, r.summary]), [
    ["kept", 3, {}],
    ["gone", 0, {}],
  ]);
});
