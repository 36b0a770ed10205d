import assert from "node:assert/strict";
import { fromRoot } from "../io/paths.ts";
import { loadDataset } from "./load_dataset.ts";
import { languageTable } from "./language_table.ts";

Deno.test("languageTable() shares add up to 1 per split and rule, and pooled counts are the sums", async () => {
  const { frame } = await loadDataset([fromRoot("data/sample")]);
  const rows = languageTable(frame);
  for (const split of ["train", "validation", "all"]) {
    for (const rule of ["legacy", "letter_share"]) {
      const part = rows.filter((r) => r.split === split && r.rule === rule);
      assert.ok(Math.abs(part.reduce((s, r) => s + r.share, 0) - 1) < 1e-12);
    }
  }
  const n = (s: string, rule: string, l: string) =>
    rows.find((r) => r.split === s && r.rule === rule && r.language === l)!.n;
  assert.equal(
    n("all", "legacy", "kz"),
    n("train", "legacy", "kz") + n("validation", "legacy", "kz"),
  );
  assert.equal(n("train", "legacy", "kz") + n("train", "legacy", "ru"), 228);
});

Deno.test("languageTable() lists one split without an 'all' row and rejects a split named 'all'", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    `${dir}/all.jsonl`,
    JSON.stringify({ instruction: "Салық?", input: "", output: "Иә." }),
  );
  const { frame } = await loadDataset([`${dir}/all.jsonl`]);
  assert.throws(() => languageTable(frame), /may not be named "all"/);
  await Deno.writeTextFile(
    `${dir}/one.jsonl`,
    [
      { instruction: "Салық кодексінің 138-бабы?", input: "", output: "Иә." },
      { instruction: "Статья 138 НК РК?", input: "", output: "Да." },
      { instruction: "Статья 138 НК РК?", input: "", output: "Да, ставка 20%." },
    ].map((r) => JSON.stringify(r)).join("\n"),
  );
  const one = languageTable((await loadDataset([`${dir}/one.jsonl`])).frame);
  assert.deepEqual([...new Set(one.map((r) => r.split))], ["one"]);
  assert.deepEqual(one.filter((r) => r.rule === "legacy").map((r) => [r.language, r.n, r.share]), [[
    "kz",
    1,
    1 / 3,
  ], ["ru", 2, 2 / 3]]);
});
