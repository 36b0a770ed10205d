import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import { loadScored, loadScoredFrame, SCORE_LOG_ENV } from "./load_scored.ts";
import { metricValues, runRows, textValues } from "./run_columns.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { loadResults } from "../results/load_results.ts";

async function tempCache(): Promise<string> {
  return join(await Deno.makeTempDir({ prefix: "scored-cache-" }), "scored");
}

Deno.test("loadScoredFrame() on the study's eight files: 4,000 rows whose means equal the stored per-sample means", async () => {
  const frame = await loadScoredFrame(STUDY_RESULTS, { cacheDir: await tempCache() });
  assert.equal(frame.height, 4000);
  for (
    const c of ["run", "label", "family", "size_b", "variant", "id", "instruction", "reference"]
      .concat([
        "prediction",
        "question_key",
        "language",
        "domain",
        "latency_s",
        "bertscore_f1",
        "chrf",
        "rougeL_v2",
      ])
  ) assert.ok(frame.columns.includes(c), c);
  assert.equal(frame.getColumn("chrf").dtype.equals(pl.Float64), true);
  const { runs } = await loadResults(STUDY_RESULTS);
  for (const r of runs) {
    const rows = runRows(frame, r.run.id);
    assert.equal(rows.height, 500);
    // The frame holds a run's rows in question order: sum the stored values in that order.
    const byId = new Map(r.samples!.map((s) => [s.id, s]));
    const ids = textValues(rows, "id");
    for (const metric of ["bertscore_f1", "citation_accuracy", "rougeL", "latency_s"]) {
      let sum = 0;
      for (const id of ids) {
        const s = byId.get(id!)!;
        sum += metric === "latency_s" ? s.latency_s! : s.metrics[metric]!;
      }
      const values = metricValues(rows, metric);
      let mine = 0;
      for (const v of values) mine += v;
      assert.equal(mine / values.length, sum / 500, `${r.run.id} ${metric}`);
    }
  }
  // The GPT files have no BLEU: null there, not 0.
  assert.equal(runRows(frame, "benchmark_gpt4o").getColumn("bleu").nullCount(), 500);
  // Undefined v2 citation scores are null, not 1.0.
  assert.ok(frame.getColumn("citation_accuracy_v2").nullCount() > 0);
});

Deno.test("loadScored() scores each input once: a second load reads the cache, and a changed file is scored again", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scored-inputs-" });
  for (const f of ["benchmark_4b_ft.json", "baseline_4b.json", "rag_ablation.json"]) {
    await Deno.copyFile(join(STUDY_RESULTS, f), join(dir, f));
  }
  const cacheDir = await tempCache();
  const log = join(dir, "scored.log");
  Deno.env.set(SCORE_LOG_ENV, log);
  try {
    const first = await loadScored(dir, { cacheDir });
    assert.deepEqual(first.cache, { hits: 0, misses: 2 });
    const second = await loadScored(dir, { cacheDir });
    assert.deepEqual(second.cache, { hits: 2, misses: 0 });
    assert.equal(second.ragAblations.length, 1);
    // Identical frames, Cyrillic and Kazakh text included.
    assert.deepEqual(second.frame.toRecords(), first.frame.toRecords());
    assert.ok(textValues(second.frame, "reference").some((t) => /[әғқңөұүһі]/.test(t ?? "")));
    // A changed input is scored again; the other is still read from the cache.
    const path = join(dir, "baseline_4b.json");
    const doc = JSON.parse(await Deno.readTextFile(path));
    doc.detailed_results[0].prediction = "Статья 5 Налогового кодекса.";
    await Deno.writeTextFile(path, JSON.stringify(doc));
    const third = await loadScored(dir, { cacheDir });
    assert.deepEqual(third.cache, { hits: 1, misses: 1 });
    const rows = runRows(third.frame, "baseline_4b");
    const changed = textValues(rows, "id").indexOf(String(doc.detailed_results[0].id));
    assert.equal(textValues(rows, "prediction")[changed], "Статья 5 Налогового кодекса.");
    const scoredPaths = (await Deno.readTextFile(log)).trim().split("\n").map((l) =>
      l.split("/").pop()
    );
    assert.deepEqual(scoredPaths.sort(), [
      "baseline_4b.json",
      "baseline_4b.json",
      "benchmark_4b_ft.json",
    ]);
  } finally {
    Deno.env.delete(SCORE_LOG_ENV);
  }
});

Deno.test("loadScored({ cache: false }) neither reads nor writes the cache", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(
    join(STUDY_RESULTS, "benchmark_8b_ft.json"),
    join(dir, "benchmark_8b_ft.json"),
  );
  const cacheDir = await tempCache();
  const r = await loadScored(dir, { cacheDir, cache: false });
  assert.deepEqual(r.cache, { hits: 0, misses: 1 });
  assert.equal(await Deno.stat(cacheDir).then(() => true, () => false), false);
});

Deno.test("loadScored() applies runs.json after the cache: relabelling needs no re-scoring", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(
    join(STUDY_RESULTS, "benchmark_8b_ft.json"),
    join(dir, "benchmark_8b_ft.json"),
  );
  const cacheDir = await tempCache();
  await loadScored(dir, { cacheDir });
  await Deno.writeTextFile(
    join(dir, "runs.json"),
    JSON.stringify({ benchmark_8b_ft: { label: "Qwen3-8B LoRA (ours)" } }),
  );
  const r = await loadScored(dir, { cacheDir });
  assert.deepEqual(r.cache, { hits: 1, misses: 0 });
  assert.equal(r.runs[0].run.label, "Qwen3-8B LoRA (ours)");
  assert.deepEqual(textValues(r.frame, "label").slice(0, 1), ["Qwen3-8B LoRA (ours)"]);
});

Deno.test("loadScored() loads symbolic links and .JSON in capitals, and names a dangling link", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.symlink(
    join(STUDY_RESULTS, "benchmark_8b_ft.json"),
    join(dir, "benchmark_8b_ft.json"),
  );
  await Deno.copyFile(join(STUDY_RESULTS, "benchmark_4b_ft.json"), join(dir, "LORA_4B.JSON"));
  const r = await loadScored(dir, { cacheDir: await tempCache() });
  assert.deepEqual(r.runs.map((x) => x.run.id).sort(), ["LORA_4B", "benchmark_8b_ft"]);
  await Deno.symlink(join(dir, "missing.json"), join(dir, "gone.json"));
  await assert.rejects(
    loadScored(dir, { cacheDir: await tempCache() }),
    /"[^"]*gone\.json" is a symbolic link to a file that does not exist/,
  );
});

Deno.test("loadScored() refuses impossible numbers, naming the file and the JSON path", async () => {
  const base = JSON.parse(await Deno.readTextFile(join(STUDY_RESULTS, "benchmark_8b_ft.json")));
  const cases: [string, (d: typeof base) => void, RegExp][] = [
    [
      "bertscore 7",
      (d) => (d.detailed_results[3].metrics.bertscore_f1 = 7),
      /detailed_results\[3\]\.metrics\.bertscore_f1 is 7, outside the range of bertscore_f1 \[0, 1\]/,
    ],
    [
      "rouge −1",
      (d) => (d.detailed_results[0].metrics.rougeL = -1),
      /detailed_results\[0\]\.metrics\.rougeL is -1, outside the range/,
    ],
    [
      "negative latency",
      (d) => (d.detailed_results[9].metrics.gen_time = -0.5),
      /detailed_results\[9\]\.metrics\.gen_time is -0\.5, outside the range of latency_s \[0, ∞\)/,
    ],
    [
      "stored mean",
      (d) => (d.avg_metrics.key_info = 1.5),
      /avg_metrics\.key_info is 1\.5, outside the range/,
    ],
  ];
  for (const [what, change, message] of cases) {
    const dir = await Deno.makeTempDir();
    const doc = structuredClone(base);
    change(doc);
    await Deno.writeTextFile(join(dir, "benchmark_8b_ft.json"), JSON.stringify(doc));
    await assert.rejects(loadScored(dir, { cache: false }), message, what);
  }
  // 1e400 in the JSON text parses as Infinity.
  const dir = await Deno.makeTempDir();
  const text = JSON.stringify(base).replace(/"bertscore_f1":\s*[0-9.e-]+/, '"bertscore_f1": 1e400');
  await Deno.writeTextFile(join(dir, "benchmark_8b_ft.json"), text);
  await assert.rejects(
    loadScored(dir, { cache: false }),
    /benchmark_8b_ft\.json": avg_metrics\.bertscore_f1 is Infinity, not a finite number/,
  );
});

Deno.test("loadScored({ text: false }) leaves the four text columns out, reads no cached text, and pairs the same", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scored-inputs-" });
  for (const f of ["benchmark_4b_ft.json", "baseline_4b.json"]) {
    await Deno.copyFile(join(STUDY_RESULTS, f), join(dir, f));
  }
  const cacheDir = await tempCache();
  const full = await loadScored(dir, { cacheDir });
  assert.deepEqual(full.cache, { hits: 0, misses: 2 });
  const texts = ["instruction", "input", "reference", "prediction"];
  for (const c of texts) assert.ok(full.frame.columns.includes(c), c);
  // The cached texts live in their own files: without them, a text-free load still hits.
  const textFiles = [...Deno.readDirSync(cacheDir)].filter((e) => e.name.endsWith(".text.ipc"));
  assert.equal(textFiles.length, 2);
  for (const e of textFiles) await Deno.remove(join(cacheDir, e.name));
  const lean = await loadScored(dir, { cacheDir, text: false });
  assert.deepEqual(lean.cache, { hits: 2, misses: 0 });
  assert.deepEqual(lean.frame.columns, full.frame.columns.filter((c) => !texts.includes(c)));
  assert.equal(lean.frame.height, 1000);
  assert.deepEqual(
    textValues(lean.frame, "question_key"),
    textValues(full.frame, "question_key"),
  );
  for (const m of ["chrf", "bertscore_f1"]) {
    assert.deepEqual(metricValues(lean.frame, m), metricValues(full.frame, m), m);
  }
  assert.equal(lean.key, full.key);
  // A load that wants the texts finds them missing and scores the files again.
  const again = await loadScored(dir, { cacheDir });
  assert.deepEqual(again.cache, { hits: 0, misses: 2 });
  assert.ok(again.frame.frameEqual(full.frame));
});
