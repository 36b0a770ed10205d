import assert from "node:assert/strict";
import { loadScored } from "../scored/load_scored.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { largestMeanDifference, reproductionTable } from "./reproduction_table.ts";
import { scalingTable } from "./scaling_table.ts";

Deno.test("reproductionTable() shows the study's stored means reproduced from its samples", async () => {
  const scored = await loadScored(STUDY_RESULTS);
  const rows = reproductionTable(scored.runs, scalingTable(scored, { resamples: 1000 }));
  assert.equal(new Set(rows.map((r) => r.run)).size, 8);
  const worst = largestMeanDifference(rows)!;
  assert.ok(worst.diff < 1e-12, `${worst.run} ${worst.metric} differs by ${worst.diff}`);
  const bert = rows.find((r) => r.run === "baseline_4b" && r.metric === "bertscore_f1")!;
  assert.ok(Math.abs(bert.stored_lo! - bert.recomputed_lo!) < 0.002);
});
