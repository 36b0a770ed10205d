import assert from "node:assert/strict";
import { fromRoot } from "../io/paths.ts";
import { findDuplicates } from "./find_duplicates.ts";
import { normalizeText } from "./normalize_text.ts";
import { jaccardSorted, shingleHashes } from "./_minhash.ts";
import { loadDataset } from "./load_dataset.ts";
import { duplicateTables, questionText } from "./duplicate_tables.ts";

Deno.test("jaccardSorted() of character shingles matches a hand count", () => {
  // "абвгд" and "абвгде" with 3-grams: {абв, бвг, вгд} and {абв, бвг, вгд, где}: 3 / 4
  assert.equal(jaccardSorted(shingleHashes("абвгд", 3), shingleHashes("абвгде", 3)), 0.75);
  // Kazakh letters are distinct characters: "қаз" vs "каз" share no 3-gram
  assert.equal(jaccardSorted(shingleHashes("қаз", 3), shingleHashes("каз", 3)), 0);
  // repeated shingles count once: "аааа" has the single 2-gram "аа"
  assert.equal(shingleHashes("аааа", 2).length, 1);
});

Deno.test("findDuplicates() finds exactly the pairs a brute-force Jaccard search finds on the sample", async () => {
  const { frame } = await loadDataset([fromRoot("data/sample")]);
  const ins = frame.getColumn("instruction").toArray() as string[];
  const inp = frame.getColumn("input").toArray() as string[];
  const out = frame.getColumn("output").toArray() as string[];
  for (
    const texts of [
      ins.map((q, i) => questionText(q, inp[i])),
      ins.map((q, i) => `${questionText(q, inp[i])}\n${out[i]}`),
    ]
  ) {
    const d = findDuplicates(texts);
    const firsts = [...d.first];
    const shingles = firsts.map((i) => shingleHashes(normalizeText(texts[i]), 5));
    const expected: string[] = [];
    for (let a = 0; a < firsts.length; a++) {
      for (let b = a + 1; b < firsts.length; b++) {
        if (jaccardSorted(shingles[a], shingles[b]) >= 0.7) expected.push(`${a}-${b}`);
      }
    }
    assert.ok(expected.length > 5);
    assert.deepEqual(d.nearPairs.map((p) => `${p.a}-${p.b}`), expected);
    // groups are equal normalised texts
    for (let i = 0; i < texts.length; i++) {
      assert.equal(normalizeText(texts[i]), normalizeText(texts[d.first[d.group[i]]]));
    }
  }
});

Deno.test("findDuplicates() is deterministic for a seed and validates its options", () => {
  const texts = [
    "Какая ставка НДС в Казахстане?",
    "Какая ставка НДС в Казахстане сейчас?",
    "ҚҚС мөлшерлемесі қандай?",
  ];
  assert.deepEqual(findDuplicates(texts, { seed: 7 }), findDuplicates(texts, { seed: 7 }));
  assert.throws(() => findDuplicates(texts, { threshold: 0 }), RangeError);
  assert.throws(() => findDuplicates(texts, { bands: 0 }), /bands must be a positive integer/);
  const exactOnly = findDuplicates(texts, { near: false });
  assert.equal(exactOnly.nearPairs.length, 0);
  assert.equal(exactOnly.first.length, 3);
});

Deno.test("duplicateTables() flags every duplicate planted in the sample, within and across splits", async () => {
  const { frame } = await loadDataset([fromRoot("data/sample")]);
  const planted = JSON.parse(
    await Deno.readTextFile(fromRoot("data/sample/planted_duplicates.json")),
  ) as {
    kind: "exact" | "near";
    a: { split: string; line: number };
    b: { split: string; line: number };
  }[];
  assert.equal(planted.length, 13);
  const { found } = duplicateTables(frame);
  const split = frame.getColumn("split").toArray() as string[];
  const line = frame.getColumn("line").toArray() as number[];
  const index = (r: { split: string; line: number }) =>
    split.findIndex((s, i) => s === r.split && line[i] === r.line);
  for (const p of planted) {
    const a = index(p.a), b = index(p.b);
    assert.ok(a >= 0 && b >= 0);
    for (const key of ["question", "pair"] as const) {
      const d = found[key];
      const [ga, gb] = [d.group[a], d.group[b]];
      if (p.kind === "exact") assert.equal(ga, gb, `${key}: exact ${JSON.stringify(p)}`);
      else {
        assert.notEqual(ga, gb);
        const pair = d.nearPairs.find((x) => x.a === Math.min(ga, gb) && x.b === Math.max(ga, gb));
        assert.ok(pair, `${key}: near ${JSON.stringify(p)} not found`);
      }
    }
  }
});

Deno.test("duplicateTables() counts rows with duplicates within and across splits by hand", async () => {
  const pl = (await import("nodejs-polars")).default;
  const frame = pl.DataFrame({
    split: ["train", "train", "train", "validation", "validation", "validation"],
    line: [1, 2, 3, 1, 2, 3],
    instruction: [
      "Какая ставка корпоративного подоходного налога?",
      "КАКАЯ СТАВКА КОРПОРАТИВНОГО ПОДОХОДНОГО НАЛОГА", // exact duplicate of train 1
      "Жер учаскесінің нысаналы мақсатын қалай өзгертуге болады?",
      "Какая ставка корпоративного подоходного налога", // exact duplicate of train 1 and 2
      "Скажите, жер учаскесінің нысаналы мақсатын қалай өзгертуге болады?", // near duplicate of train 3
      "Как оформить сервитут на соседний участок?",
    ],
    input: ["", "", "", "", "", ""],
    output: [
      "20%.",
      "20%.",
      "Әкімдік шешімімен.",
      "Двадцать процентов.",
      "Әкімдік шешімімен.",
      "По соглашению.",
    ],
  });
  const { duplicates, leakage } = duplicateTables(frame);
  const get = (key: string, kind: string, s: string, o: string) =>
    duplicates.find((r) =>
      r.key === key && r.kind === kind && r.split === s && r.other_split === o
    )!.n_with_duplicate;
  assert.equal(get("question", "exact", "train", "train"), 2);
  assert.equal(get("question", "exact", "validation", "train"), 1);
  assert.equal(get("question", "near", "validation", "train"), 2);
  assert.equal(get("question", "exact", "validation", "validation"), 0);
  assert.equal(get("question", "exact", "train", "validation"), 2);
  // pairs: validation 1's answer differs, so its pair is not an exact duplicate
  assert.equal(get("pair", "exact", "validation", "train"), 0);
  const strict = leakage.find((r) =>
    r.key === "question" && r.split === "validation" && r.threshold === "exact"
  )!;
  assert.deepEqual([strict.n_with_duplicate, strict.n_rows], [1, 3]);
});
