import assert from "node:assert/strict";
import { join } from "node:path";
import { loadScored } from "../scored/load_scored.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { seededRandom, shuffle } from "../stats/rng.ts";
import { scalingTable } from "./scaling_table.ts";
import { breakdownTable } from "./breakdown_table.ts";
import { pairedComparisons } from "./paired_comparisons.ts";

Deno.test("shuffling the records of a result file leaves every interval, table and frame identical", async () => {
  const dirs: string[] = [];
  for (const seed of [null, 1, 2]) {
    const dir = await Deno.makeTempDir({ prefix: "order-" });
    for (const f of ["benchmark_4b_ft.json", "baseline_4b.json"]) {
      const doc = JSON.parse(await Deno.readTextFile(join(STUDY_RESULTS, f)));
      if (seed !== null) doc.detailed_results = shuffle(doc.detailed_results, seededRandom(seed));
      await Deno.writeTextFile(join(dir, f), JSON.stringify(doc));
    }
    dirs.push(dir);
  }
  const tables = await Promise.all(dirs.map(async (dir) => {
    const scored = await loadScored(dir, { cache: false });
    return {
      frame: scored.frame.drop("chrf_stats").toRecords(),
      scaling: scalingTable(scored, { resamples: 400, seed: 42 }),
      domains: breakdownTable(scored, { by: "domain", resamples: 400, seed: 42 }),
      paired: pairedComparisons(
        scored,
        [{ run_a: "benchmark_4b_ft", run_b: "baseline_4b", comparison: "ft_vs_base" }],
        { metrics: ["chrf", "bertscore_f1"], resamples: 400, permutations: 399, seed: 42 },
      ),
    };
  }));
  for (const t of tables.slice(1)) {
    assert.deepEqual(t.scaling, tables[0].scaling);
    assert.deepEqual(t.domains, tables[0].domains);
    assert.deepEqual(t.paired, tables[0].paired);
    assert.deepEqual(t.frame, tables[0].frame);
  }
});
