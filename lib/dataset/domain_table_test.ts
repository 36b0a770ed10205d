import assert from "node:assert/strict";
import { loadDataset } from "./load_dataset.ts";
import { domainTable } from "./domain_table.ts";

Deno.test("domainTable() counts multi-label and primary domains of Russian and Kazakh rows by hand", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    `${dir}/train.jsonl`,
    [
      // "налог" (tax) + "работодател" (labor): primary labor
      { instruction: "Какой налог платит работодатель?", input: "", output: "Социальный налог." },
      // "салық" (tax) only
      {
        instruction: "Салық кодексінің 138-бабы не туралы?",
        input: "",
        output: "Шегерімдер туралы.",
      },
      // "жер" (land) + "қылмыс" (criminal): primary criminal
      { instruction: "Жер дауы қылмыс па?", input: "", output: "Жоқ." },
      // nothing
      { instruction: "Как поменять фамилию?", input: "", output: "Через ЗАГС." },
    ].map((r) => JSON.stringify(r)).join("\n"),
  );
  const rows = domainTable((await loadDataset([dir])).frame);
  const get = (d: string) => rows.find((r) => r.domain === d)!;
  assert.deepEqual([get("tax").n_multilabel, get("tax").n_primary], [2, 1]);
  assert.deepEqual([get("labor").n_multilabel, get("labor").n_primary], [1, 1]);
  assert.deepEqual([get("land").n_multilabel, get("land").n_primary], [1, 0]);
  assert.deepEqual([get("criminal").n_multilabel, get("criminal").n_primary], [1, 1]);
  assert.deepEqual([get("other").n_multilabel, get("other").n_primary], [1, 1]);
  assert.equal(rows.reduce((s, r) => s + r.share_primary, 0), 1);
  assert.equal(rows.reduce((s, r) => s + r.n_multilabel, 0), 6); // 6 labels on 4 rows: shares add up to 150%
  assert.deepEqual(rows.map((r) => r.domain).slice(-1), ["other"]);
});
