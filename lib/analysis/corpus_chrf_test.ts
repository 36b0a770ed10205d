import assert from "node:assert/strict";
import { loadScored } from "../scored/load_scored.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { scalingTable } from "./scaling_table.ts";

Deno.test("scalingTable() has chrf_corpus equal to sacrebleu's corpus chrF on the study's runs", async () => {
  const rows = scalingTable(await loadScored(STUDY_RESULTS), {
    resamples: 200,
    metrics: ["chrf", "chrf_corpus"],
  });
  // sacrebleu 2.6.0 CHRF().corpus_score(predictions, [references]).score, as checked against it in
  // lib/metrics/chrf_corpus_test.ts (to 1e-9); the mean of sentence chrF differs by several points.
  const sacrebleu: Record<string, number> = {
    baseline_4b: 16.9044,
    baseline_8b: 18.1880,
    baseline_14b: 15.0689,
    benchmark_4b_ft: 35.4426,
    benchmark_8b_ft: 36.7974,
    benchmark_14b_ft: 38.5789,
    benchmark_gpt4o: 31.1435,
    benchmark_gpt4o_mini: 30.6924,
  };
  for (const [run, score] of Object.entries(sacrebleu)) {
    const row = rows.find((r) => r.run === run && r.metric === "chrf_corpus")!;
    assert.ok(Math.abs(row.mean! - score) < 5e-5, `${run}: ${row.mean} vs ${score}`);
    assert.ok(row.lo! < row.mean! && row.mean! < row.hi!, run);
    const sentence = rows.find((r) => r.run === run && r.metric === "chrf")!;
    assert.ok(
      Math.abs(sentence.mean! - row.mean!) > 0.3,
      `${run}: corpus and sentence chrF differ`,
    );
  }
});
