import assert from "node:assert/strict";
import { join } from "node:path";
import { loadResultFile } from "./load_result_file.ts";
import { loadResults } from "./load_results.ts";
import { requireSharedData, SHARED_RESULTS } from "./_shared_data.ts";
import expected from "./fixtures/expected.json" with { type: "json" };
import { fromRoot } from "../io/paths.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

async function tempJson(name: string, value: unknown): Promise<string> {
  const dir = await Deno.makeTempDir();
  const path = join(dir, name);
  await Deno.writeTextFile(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

Deno.test("loadResults() reads the study's eight runs and two RAG ablations with explicit identities", async () => {
  await requireSharedData();
  const { runs, ragAblations } = await loadResults(SHARED_RESULTS);
  assert.deepEqual(runs.map((r) => [r.run.id, r.run.variant, r.run.size_b]), [
    ["baseline_4b", "base", 4],
    ["baseline_8b", "base", 8],
    ["baseline_14b", "base", 14],
    ["benchmark_4b_ft", "fine-tuned", 4],
    ["benchmark_8b_ft", "fine-tuned", 8],
    ["benchmark_14b_ft", "fine-tuned", 14],
    ["benchmark_gpt4o", "external", null],
    ["benchmark_gpt4o_mini", "external", null],
  ]);
  // GPT-4o is marked is_baseline in the study's file but must not be taken for a Qwen base model.
  assert.equal(runs.find((r) => r.run.id === "benchmark_gpt4o")!.run.label, "GPT-4o");
  for (const r of runs) assert.equal(r.samples!.length, 500);
  const gpt = runs.find((r) => r.run.id === "benchmark_gpt4o")!;
  assert.equal(gpt.samples![0].input, "");
  assert.ok(!("bleu" in gpt.samples![0].metrics));
  assert.ok("bleu" in runs[0].samples![0].metrics);
  // The legacy gen_time is the sample's latency, a column of the scored frame, not a metric.
  assert.equal(typeof runs[0].samples![0].latency_s, "number");
  for (const r of runs) {
    for (const s of r.samples!) {
      assert.ok(!("latency_s" in s.metrics) && !("gen_time" in s.metrics));
    }
  }
  assert.deepEqual(ragAblations.map((a) => [a.id, a.configurations.map((c) => c.top_k)]), [
    ["rag_ablation", [0, 1, 3, 5]],
    ["rag_ablation_base", [0, 1, 3, 5]],
  ]);
});

Deno.test("loadResultFile() gives the shared schema fixtures the verdicts both languages expect", async () => {
  for (const [file, want] of Object.entries(expected)) {
    if (file.startsWith("_")) continue;
    const { valid, path } = want as { valid: boolean; path: string | null };
    const p = join(FIXTURES, file);
    if (valid) {
      const r = await loadResultFile(p);
      assert.equal(r.source.format, "v1");
    } else {
      await assert.rejects(loadResultFile(p), (e: Error) => {
        assert.ok(e instanceof TypeError, `${file}: ${e}`);
        assert.ok(e.message.includes(`"${p}"`), e.message);
        assert.ok(
          e.message.includes(`: ${path} `),
          `${file}: expected path ${path} in "${e.message}"`,
        );
        return true;
      });
    }
  }
});

Deno.test("loadResultFile() reads a schema-v1 file's samples, retrieval and summary", async () => {
  const r = await loadResultFile(join(FIXTURES, "v1_samples.json"));
  assert.ok(r.samples && r.samples.length === 3);
  assert.ok(r.samples.some((s) => s.retrieval && s.retrieval.length > 0));
  const s = await loadResultFile(join(FIXTURES, "v1_summary_only.json"));
  assert.equal(s.samples, null);
  assert.ok(Object.keys(s.summary).length > 0);
});

Deno.test("loadResultFile() names the file and JSON path of a missing or mistyped legacy field", async () => {
  const sample = {
    id: 0,
    instruction: "Сұрақ",
    reference: "ст. 1",
    prediction: "ст. 1",
    metrics: { key_info: 1 },
  };
  const base = {
    model: "lora_qwen3_4b",
    is_baseline: false,
    num_samples: 2,
    avg_metrics: { key_info: 1 },
  };
  const missing = await tempJson("x.json", {
    ...base,
    detailed_results: [sample, { ...sample, prediction: undefined }],
  });
  await assert.rejects(
    loadResultFile(missing),
    new RegExp(
      `Cannot load result file "${missing}": detailed_results\\[1\\]\\.prediction is missing`,
    ),
  );
  const typed = await tempJson("y.json", {
    ...base,
    detailed_results: [{ ...sample, metrics: { key_info: "high" } }],
  });
  await assert.rejects(
    loadResultFile(typed),
    /detailed_results\[0\]\.metrics\.key_info must be number, got string "high"/,
  );
  const notJson = await tempJson("z.json", "{ not json");
  await assert.rejects(
    loadResultFile(notJson),
    (e: Error) => e instanceof SyntaxError && e.message.includes(notJson),
  );
  const other = await tempJson("w.json", { hello: 1 });
  await assert.rejects(loadResultFile(other), /must be a result object/);
});

Deno.test("loadResults() applies runs.json overrides and rejects unknown keys and unknown runs", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(join(FIXTURES, "v1_summary_only.json"), join(dir, "a.json"));
  const id = (await loadResultFile(join(dir, "a.json"))).run.id;
  await Deno.writeTextFile(
    join(dir, "runs.json"),
    JSON.stringify({ [id]: { label: "Мой запуск", size_b: 7 } }),
  );
  const { runs } = await loadResults(dir);
  assert.equal(runs[0].run.label, "Мой запуск");
  assert.equal(runs[0].run.size_b, 7);
  await Deno.writeTextFile(join(dir, "runs.json"), JSON.stringify({ [id]: { colour: "red" } }));
  await assert.rejects(
    loadResults(dir),
    /runs\.json": .*colour is not one of label, family, size_b, variant/,
  );
  await Deno.writeTextFile(join(dir, "runs.json"), JSON.stringify({ nope: { label: "x" } }));
  await assert.rejects(loadResults(dir), /run "nope" has no result file/);
});

Deno.test("loadResults() refuses an empty folder and duplicate run ids", async () => {
  const dir = await Deno.makeTempDir();
  await assert.rejects(loadResults(dir), /has no result files/);
  const fixture = JSON.parse(await Deno.readTextFile(join(FIXTURES, "v1_summary_only.json")));
  await Deno.writeTextFile(join(dir, "a.json"), JSON.stringify(fixture));
  await Deno.writeTextFile(join(dir, "b.json"), JSON.stringify(fixture));
  await assert.rejects(loadResults(dir), /appears in both/);
});

Deno.test("loadResultFile() names both records and the id when two records share a question id", async () => {
  const dir = await Deno.makeTempDir();
  const doc = JSON.parse(await Deno.readTextFile(fromRoot("data/results/benchmark_8b_ft.json")));
  doc.detailed_results[7].id = doc.detailed_results[2].id;
  const path = join(dir, "dup.json");
  await Deno.writeTextFile(path, JSON.stringify(doc));
  await assert.rejects(
    loadResultFile(path),
    /"[^"]*dup\.json": detailed_results\[7\]\.id "2" repeats the id of detailed_results\[2\]/,
  );
});

Deno.test("loadResultFile() derives a missing language and domain from the question by the study's rules, and says so", async () => {
  const file = JSON.parse(await Deno.readTextFile(join(FIXTURES, "v1_samples.json")));
  // What python/benchmark.py wrote before it labelled domains: language only.
  for (const s of file.samples) delete s.domain;
  delete file.samples[1].language;
  const r = await loadResultFile(await tempJson("unlabelled.json", file));
  const samples = r.samples!;
  assert.deepEqual(samples.map((s) => s.domain), ["civil", "labor", "other"]);
  assert.deepEqual(samples.map((s) => s.domain_source), ["derived", "derived", "derived"]);
  assert.deepEqual(samples.map((s) => s.language), ["ru", "kz", "ru"]);
  assert.deepEqual(samples.map((s) => s.language_source), ["file", "derived", "file"]);
  // Labels a file carries are kept as written (sample 2's "tax" is the producer's, not the rule's).
  const labelled = (await loadResultFile(join(FIXTURES, "v1_samples.json"))).samples!;
  assert.deepEqual(labelled.map((s) => s.domain), ["civil", "labor", "tax"]);
  assert.deepEqual(labelled.map((s) => [s.language_source, s.domain_source]), [
    ["file", "file"],
    ["file", "file"],
    ["file", "file"],
  ]);
});
