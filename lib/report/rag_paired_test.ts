import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsvRows } from "../io/csv.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";

/** Two schema-v1 runs of one model on the same 24 questions, the second with retrieval. */
async function writeRagPair(dir: string): Promise<void> {
  const template = JSON.parse(
    await Deno.readTextFile(join(REPO_ROOT, "lib/results/fixtures/v1_samples.json")),
  );
  const base = template.samples[0];
  const samples = (rag: boolean) =>
    Array.from({ length: 24 }, (_, i) => ({
      ...base,
      id: String(i),
      instruction: `${base.instruction} (вопрос ${i})`,
      prediction: rag && i % 3 !== 0
        ? base.reference // retrieval found the reference answer for two questions in three
        : `Не знаю, статья ${i}.`,
      retrieval: rag ? [{ id: String(1000 + i), score: 0.5, rank: 1 }] : undefined,
      metrics: { bertscore_f1: rag && i % 3 !== 0 ? 0.95 : 0.8 + (i % 5) / 100 },
    }));
  for (const rag of [false, true]) {
    const run = {
      ...template.run,
      id: rag ? "qwen3-4b-ft-rag" : "qwen3-4b-ft",
      label: rag ? "Qwen3-4B FT + RAG" : "Qwen3-4B FT",
      rag: rag ? { retriever: "bm25", top_k: 1 } : null,
    };
    const file = { ...template, run, samples: samples(rag), summary: {} };
    await Deno.writeTextFile(join(dir, `${run.id}.json`), JSON.stringify(file, null, 2));
  }
}

Deno.test("50_rag pairs a RAG run with the same model without retrieval: BH-adjusted exploratory rows, the forest figure and the text", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "results"));
  await writeRagPair(join(dir, "results"));
  const out = join(dir, "report");
  await runReport(
    resolveParams({ results: join(dir, "results"), out, humanEval: [], resamples: 500 }),
    { notebooks: ["50_rag.ipynb"], log: () => {} },
  );
  const rows = parseCsvRows(await Deno.readTextFile(join(out, "tables", "rag_paired.csv")));
  const header = rows[0];
  assert.deepEqual(header.slice(0, 10), [
    "run_a",
    "run_b",
    "metric",
    "n",
    "diff",
    "lo",
    "hi",
    "p",
    "p_method",
    "p_adj",
  ]);
  const col = (name: string) => header.indexOf(name);
  const bert = rows.slice(1).find((r) => r[col("metric")] === "bertscore_f1")!;
  assert.equal(bert[col("run_a")], "qwen3-4b-ft-rag");
  assert.equal(bert[col("run_b")], "qwen3-4b-ft");
  assert.equal(bert[col("n")], "24");
  // 16 questions gain 0.95 − (0.80 + (i % 5)/100); the other 8 are equal: hand-computed mean.
  const gains = Array.from(
    { length: 24 },
    (_, i) => (i % 3 !== 0 ? 0.95 - (0.8 + (i % 5) / 100) : 0),
  );
  const mean = gains.reduce((a, b) => a + b, 0) / 24;
  assert.ok(Math.abs(Number(bert[col("diff")]) - mean) < 1e-12, `${bert[col("diff")]} vs ${mean}`);
  const p = rows.slice(1).map((r) => Number(r[col("p")]));
  const adj = rows.slice(1).map((r) => Number(r[col("p_adj")]));
  adj.forEach((a, i) => assert.ok(a >= p[i] - 1e-15 && a <= 1, "BH never lowers p or passes 1"));
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(report, /Table rag_paired/);
  assert.match(report, /rag_paired\.svg/);
  assert.match(report, /Benjamini–Hochberg over this table/);
});
