import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { filterScored } from "./filter_scored.ts";
import { fakeScoredWithSummary } from "../testing/fake_scored.ts";
import { scoredFromRuns } from "./load_scored.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scalingTable } from "../analysis/scaling_table.ts";
import { headlineTable } from "../analysis/headline_table.ts";

Deno.test("filterScored() drops the stored all-answers aggregates: they do not describe the subset", () => {
  const high = filterScored(fakeScoredWithSummary(), pl.col("chrf").gt(5));
  assert.deepEqual(high.runs.map((r) => [r.run.id, r.samples, r.summary]), [
    ["kept", 3, {}],
    ["gone", 0, {}],
  ]);
});

Deno.test("filterScored(): a run with no row left shows n = 0 and no value, not its all-answers summary", () => {
  const run = (id: string, chrf: number[]) => {
    const r = fakeRun(id, chrf.map((v) => ({ metrics: { chrf: v } })));
    // The file's stored aggregate, over all its answers.
    r.summary = { chrf: { mean: 50, lo: 40, hi: 60, n: chrf.length } };
    return r;
  };
  const scored = scoredFromRuns([run("kept", [10, 60, 90]), run("none", [1, 2, 3])]);
  const high = filterScored(scored, pl.col("chrf").gt(20));
  const rows = scalingTable(high, { resamples: 200, metrics: ["chrf"] });
  const none = rows.find((r) => r.run === "none")!;
  assert.deepEqual([none.n, none.n_defined, none.mean, none.lo, none.hi], [0, 0, null, null, null]);
  const kept = rows.find((r) => r.run === "kept")!;
  assert.deepEqual([kept.n, kept.n_defined, kept.mean], [2, 2, 75]);
  const headline = headlineTable(rows, ["chrf"]).rows;
  assert.deepEqual(headline.map((r) => [r.model, r.n, r.chrf_mean]), [["kept", 2, 75], [
    "none",
    0,
    null,
  ]]);
});
