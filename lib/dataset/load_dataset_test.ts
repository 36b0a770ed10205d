import assert from "node:assert/strict";
import { fromRoot } from "../io/paths.ts";
import { loadDataset } from "./load_dataset.ts";
import { languageTable } from "./language_table.ts";
import { resolveDatasetFiles } from "./resolve_dataset_files.ts";

const SHARED_SUBSET = fromRoot("../shared/datasets/kz-legal-qa/validation_subset.jsonl");

Deno.test("loadDataset() counts 3,605 rows, 1,449 Kazakh and 2,156 Russian by the study's rule on the shared validation subset", async () => {
  try {
    await Deno.stat(SHARED_SUBSET);
  } catch {
    throw new Error(
      `The shared validation subset is missing at ${SHARED_SUBSET}: this test needs /work/shared (../shared from the repository root)`,
    );
  }
  const { frame, files } = await loadDataset([SHARED_SUBSET]);
  assert.equal(frame.height, 3605);
  assert.equal(files[0].split, "validation_subset");
  assert.equal(files[0].badLineCount, 0);
  const legacy = languageTable(frame).filter((r) => r.rule === "legacy");
  assert.deepEqual(legacy.map((r) => [r.language, r.n]), [["kz", 1449], ["ru", 2156]]);
});

Deno.test("loadDataset() classifies Russian and Kazakh rows by hand-checked rules and counts words", async () => {
  const dir = await Deno.makeTempDir();
  const rows = [
    // Russian, tax + labor keywords ("налог", "трудов"): primary labor (labor precedes tax in the study's order)
    {
      instruction: "Налог с трудового дохода?",
      input: "",
      output: "ИПН 10 процентов (статья 320 НК РК).",
    },
    // Kazakh: "Еңбек" (labor) → kz by both rules
    {
      instruction: "Еңбек демалысы неше күн?",
      input: "Мұғаліммін",
      output: "Еңбек кодексінің 88-бабы: 24 күн.",
    },
    // Russian answer quoting «Әділет»: legacy kz (one letter ә), letter share 2 of 94 Cyrillic letters ≈ 0.021 → mixed; no domain keyword → other
    {
      instruction: "Где проверить редакцию закона?",
      input: "",
      output: "Актуальную редакцию можно проверить в информационной системе «Әділет» бесплатно.",
    },
    // No Cyrillic at all: legacy ru, letter share none
    { instruction: "Article 65?", input: "", output: "See the Labour Code." },
  ];
  await Deno.writeTextFile(
    `${dir}/validation.jsonl`,
    rows.map((r) => JSON.stringify(r)).join("\n") + "\n",
  );
  const { frame } = await loadDataset([dir]);
  const col = (c: string) => frame.getColumn(c).toArray();
  assert.deepEqual(col("language_legacy"), ["ru", "kz", "kz", "ru"]);
  assert.deepEqual(col("language"), ["ru", "kz", "mixed", "none"]);
  assert.deepEqual(col("domain_primary"), ["labor", "labor", "other", "other"]);
  assert.deepEqual(col("domain_tax"), [true, false, false, false]);
  assert.deepEqual(col("n_domains"), [2, 1, 0, 0]);
  assert.deepEqual(col("words_instruction"), [4, 4, 4, 2]);
  assert.deepEqual(col("words_input"), [0, 1, 0, 0]);
  assert.deepEqual(col("words_output"), [7, 5, 9, 4]);
  assert.deepEqual(col("line"), [1, 2, 3, 4]);
});

Deno.test("loadDataset() gives the same frame whatever the chunk size", async () => {
  const whole = await loadDataset([fromRoot("data/sample")]);
  const chunked = await loadDataset([fromRoot("data/sample")], { chunkRows: 7 });
  assert.equal(chunked.frame.height, whole.frame.height);
  assert.ok(chunked.frame.frameEqual(whole.frame));
  const noText = await loadDataset([fromRoot("data/sample")], { text: false });
  assert.ok(!noText.frame.columns.includes("output"));
});

Deno.test("resolveDatasetFiles() names splits by file stem and rejects clashes and folders without splits", async () => {
  const a = await Deno.makeTempDir(), b = await Deno.makeTempDir();
  await Deno.writeTextFile(`${a}/validation.jsonl`, "");
  await Deno.writeTextFile(`${b}/validation.jsonl`, "");
  await Deno.writeTextFile(`${b}/extra_rows.jsonl`, "");
  assert.deepEqual((await resolveDatasetFiles([a, `${b}/extra_rows.jsonl`])).map((f) => f.split), [
    "validation",
    "extra_rows",
  ]);
  await assert.rejects(resolveDatasetFiles([a, b]), /both give split "validation"; rename one/);
  await assert.rejects(
    resolveDatasetFiles([await Deno.makeTempDir()]),
    /holds neither train.jsonl nor validation.jsonl/,
  );
  await assert.rejects(resolveDatasetFiles([`${a}/missing.jsonl`]), /does not exist/);
  await assert.rejects(resolveDatasetFiles([]), /No dataset given/);
});
