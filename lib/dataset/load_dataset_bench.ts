/**
 * Speed of the dataset analysis on synthetic data of the study's size (63,000 rows; target
 * under 3 s) and of a million rows (target under 30 s): load (stream, parse, classify language
 * and domain, count words, build the Polars frame) and summarise (language, domain and length
 * tables). Duplicate detection is benchmarked separately at 63,000 rows.
 *
 *     deno bench -A lib/dataset/load_dataset_bench.ts
 */
import { join } from "node:path";
import { loadDataset } from "./load_dataset.ts";
import { languageTable } from "./language_table.ts";
import { domainTable } from "./domain_table.ts";
import { lengthTable } from "./length_table.ts";
import { duplicateTables } from "./duplicate_tables.ts";
import { writeSyntheticDataset } from "./_synthetic.ts";

const dir = await Deno.makeTempDir({ prefix: "dataset_bench_" });
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
const small = join(dir, "train.jsonl");
await writeSyntheticDataset(small, 63_000);
const large = join(dir, "million.jsonl");
await writeSyntheticDataset(large, 1_000_000, 7);

async function loadAndSummarise(path: string, rows: number) {
  const { frame } = await loadDataset([path]);
  if (frame.height !== rows) throw new Error(`expected ${rows} rows, got ${frame.height}`);
  languageTable(frame);
  domainTable(frame);
  lengthTable(frame, { byLanguage: true });
}

Deno.bench(
  { name: "load, classify and summarise 63,000 rows (target < 3 s)", n: 3, warmup: 1 },
  async () => {
    await loadAndSummarise(small, 63_000);
  },
);

Deno.bench(
  { name: "load, classify and summarise 1,000,000 rows (target < 30 s)", n: 1, warmup: 0 },
  async () => {
    await loadAndSummarise(large, 1_000_000);
  },
);

const { frame: smallFrame } = await loadDataset([small]);
Deno.bench({
  name: "exact and near duplicates (question and pair) of 63,000 rows",
  n: 1,
  warmup: 0,
}, () => {
  duplicateTables(smallFrame);
});
