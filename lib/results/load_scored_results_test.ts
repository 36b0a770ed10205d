import assert from "node:assert/strict";
import { join } from "node:path";
import { loadScoredResults } from "./load_scored_results.ts";
import { requireSharedData, SHARED_RESULTS } from "./_shared_data.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

Deno.test("loadScoredResults() keeps the study's stored legacy values and adds the v2 suite", async () => {
  await requireSharedData();
  const { runs } = await loadScoredResults(SHARED_RESULTS);
  const stored = JSON.parse(await Deno.readTextFile(join(SHARED_RESULTS, "baseline_4b.json")));
  const run = runs.find((r) => r.run.id === "baseline_4b")!;
  assert.equal(run.samples![3].metrics.rougeL, stored.detailed_results[3].metrics.rougeL);
  assert.equal(typeof run.samples![3].metrics.rougeL_v2, "number");
  assert.equal(typeof run.samples![3].metrics.chrf, "number");
});

Deno.test("loadScoredResults() scores schema-v1 files with both suites (Python writes no text metrics)", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(join(FIXTURES, "v1_samples.json"), join(dir, "run.json"));
  const { runs } = await loadScoredResults(dir);
  const m = runs[0].samples![0].metrics;
  for (
    const k of [
      "citation_accuracy",
      "key_info",
      "rougeL",
      "bleu",
      "citation_accuracy_v2",
      "rougeL_v2",
      "chrf",
    ]
  ) {
    assert.ok(k in m, `${k} missing`);
  }
});
