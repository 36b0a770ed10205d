import assert from "node:assert/strict";
import { join } from "node:path";
import { loadScored, SCORE_LOG_ENV } from "./load_scored.ts";
import { warmScoredCache } from "./warm_scored_cache.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";

Deno.test("warmScoredCache() scores each uncached file once, in child processes, and a load then only reads the cache", async () => {
  const dir = await Deno.makeTempDir({ prefix: "warm-inputs-" });
  for (const f of ["benchmark_4b_ft.json", "baseline_4b.json", "rag_ablation.json"]) {
    await Deno.copyFile(join(STUDY_RESULTS, f), join(dir, f));
  }
  const cacheDir = join(await Deno.makeTempDir({ prefix: "warm-cache-" }), "scored");
  const log = join(await Deno.makeTempDir(), "scored.log");
  Deno.env.set(SCORE_LOG_ENV, log);
  try {
    // Two processes, one file each; the small RAG aggregate is left to the load.
    assert.equal(await warmScoredCache(dir, { cacheDir, processes: 2 }), 2);
    const logged = (await Deno.readTextFile(log)).trim().split("\n").sort();
    assert.deepEqual(logged, [join(dir, "baseline_4b.json"), join(dir, "benchmark_4b_ft.json")]);
    const scored = await loadScored(dir, { cacheDir });
    assert.deepEqual(scored.cache, { hits: 2, misses: 0 });
    assert.equal(scored.frame.height, 1000);
    assert.equal(scored.ragAblations.length, 1);
    // Nothing left to do the second time.
    assert.equal(await warmScoredCache(dir, { cacheDir, processes: 2 }), 0);
    assert.equal((await Deno.readTextFile(log)).trim().split("\n").length, 2);
  } finally {
    Deno.env.delete(SCORE_LOG_ENV);
  }
});

Deno.test("warmScoredCache() leaves a file it cannot score to the load, which names it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "warm-inputs-" });
  await Deno.copyFile(join(STUDY_RESULTS, "baseline_4b.json"), join(dir, "baseline_4b.json"));
  const broken = join(dir, "broken.json");
  await Deno.writeTextFile(broken, "{ not json" + " ".repeat(70_000));
  const cacheDir = join(await Deno.makeTempDir({ prefix: "warm-cache-" }), "scored");
  assert.equal(await warmScoredCache(dir, { cacheDir, processes: 2 }), 2);
  await assert.rejects(
    loadScored(dir, { cacheDir }),
    (e: Error) => e.message.includes(`"${broken}"`) && e.message.includes("not valid JSON"),
  );
  // The good file was cached by its process.
  await Deno.remove(broken);
  assert.deepEqual((await loadScored(dir, { cacheDir })).cache, { hits: 1, misses: 0 });
});
