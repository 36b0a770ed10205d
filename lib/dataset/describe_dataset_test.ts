import assert from "node:assert/strict";
import { fromRoot } from "../io/paths.ts";
import { loadDataset } from "./load_dataset.ts";
import { languageTable } from "./language_table.ts";
import { domainTable } from "./domain_table.ts";
import { lengthTable } from "./length_table.ts";
import { duplicateTables } from "./duplicate_tables.ts";
import { describeDataset } from "./describe_dataset.ts";
import { markdownLeaks } from "../testing/injection_payloads.ts";

Deno.test("describeDataset() quotes the numbers of the tables", async () => {
  const dataset = await loadDataset([fromRoot("data/sample")]);
  const languages = languageTable(dataset.frame);
  const d = duplicateTables(dataset.frame);
  const text = describeDataset(dataset, {
    languages,
    domains: domainTable(dataset.frame),
    lengths: lengthTable(dataset.frame),
    duplicates: d.duplicates,
    leakage: d.leakage,
    threshold: 0.7,
  });
  const kz = languages.find((r) =>
    r.split === "all" && r.rule === "legacy" && r.language === "kz"
  )!;
  assert.match(text, new RegExp(`${kz.n} rows are Kazakh \\(${(100 * kz.share).toFixed(1)}%\\)`));
  const leak = d.duplicates.find((r) =>
    r.key === "question" && r.kind === "near" && r.split === "validation" &&
    r.other_split === "train"
  )!;
  assert.match(
    text,
    new RegExp(
      `${leak.n_with_duplicate} of ${leak.n_rows} validation questions \\(${
        (100 * leak.share).toFixed(1)
      }%\\)`,
    ),
  );
  assert.match(text, /illustrative sample/);
  assert.match(text, /314 rows/);
});

Deno.test("describeDataset() says overlap was not measured when there is no train split", async () => {
  const dataset = await loadDataset([fromRoot("data/sample/validation.jsonl")]);
  const d = duplicateTables(dataset.frame);
  const text = describeDataset(dataset, {
    languages: languageTable(dataset.frame),
    domains: domainTable(dataset.frame),
    lengths: lengthTable(dataset.frame),
    duplicates: d.duplicates,
    leakage: d.leakage,
    threshold: 0.7,
  });
  assert.match(text, /Not measured: the data given has no split named `train`/);
  assert.equal(d.leakage.length, 0);
});

Deno.test("describeDataset() keeps a file name with a backtick or HTML inside one code span", async () => {
  const dir = await Deno.makeTempDir();
  const name = "a`b <img src=x onerror=alert(1)>.jsonl";
  await Deno.copyFile(fromRoot("data/sample/validation.jsonl"), `${dir}/${name}`);
  const dataset = await loadDataset([`${dir}/${name}`]);
  const d = duplicateTables(dataset.frame);
  const text = describeDataset(dataset, {
    languages: languageTable(dataset.frame),
    domains: domainTable(dataset.frame),
    lengths: lengthTable(dataset.frame),
    duplicates: d.duplicates,
    leakage: d.leakage,
    threshold: 0.7,
  });
  assert.match(text, /``[^`\n]*a`b <img src=x onerror=alert\(1\)>\.jsonl``/);
  assert.deepEqual(markdownLeaks(text), []);
  await Deno.remove(dir, { recursive: true });
});
