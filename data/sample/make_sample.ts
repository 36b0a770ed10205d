/**
 * Builds the illustrative bilingual sample `data/sample/{train,validation}.jsonl` and the list of
 * duplicates planted in it, `data/sample/planted_duplicates.json`, from the hand-written facts in
 * `facts.ts`. Deterministic: the same script gives byte-identical files.
 *
 *     deno run -A data/sample/make_sample.ts
 *
 * Every fact gives one row per phrasing of its question (answers varied by an opening, the
 * fact's extra sentence and a closing) and, when it has a situation, one row with the situation
 * in `input`. Facts go whole to train or validation (a quarter of each language's facts to
 * validation), so the only overlap between the splits is the planted duplicates below.
 * @module
 */
import { seededRandom, shuffle } from "../../lib/stats/rng.ts";
import { CLOSINGS, type Fact, FACTS, GENERIC_INSTRUCTIONS, OPENINGS, SITUATIONS } from "./facts.ts";

const SEED = 20260201;
const VALIDATION_SHARE = 0.25;
const here = new URL(".", import.meta.url);

interface Row {
  instruction: string;
  input: string;
  output: string;
}

const random = seededRandom(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

/** Lower-cases the first letter unless the first word is an abbreviation (ИПН, НДС, ЖК). */
function joinOpening(opening: string, text: string): string {
  if (opening === "" || opening.endsWith(": ")) return opening + text;
  const [first, second] = [...text];
  const abbreviation = second !== undefined && second === second.toUpperCase() && second !== second.toLowerCase();
  return opening + (abbreviation ? text : first.toLowerCase() + text.slice(first.length));
}

function rowsOf(fact: Fact): Row[] {
  const rows: Row[] = [];
  fact.q.forEach((question, i) => {
    const opening = i === 0 ? "" : pick(OPENINGS[fact.l]);
    const parts = [joinOpening(opening, fact.a)];
    if (fact.x && i % 2 === 1) parts.push(fact.x);
    const closing = i === 0 ? "" : pick(CLOSINGS[fact.l]);
    if (closing) parts.push(closing);
    rows.push({ instruction: question, input: "", output: parts.join(" ") });
  });
  const situation = SITUATIONS[fact.q[0]];
  if (situation) {
    const parts = [joinOpening(pick(OPENINGS[fact.l]), fact.a)];
    if (fact.x) parts.push(fact.x);
    rows.push({ instruction: pick(GENERIC_INSTRUCTIONS[fact.l]), input: `${situation} ${fact.q[0]}`, output: parts.join(" ") });
  }
  return rows;
}

// Facts to splits, stratified by language.
const train: Row[] = [];
const validation: Row[] = [];
for (const lang of ["ru", "kz"] as const) {
  const facts = shuffle(FACTS.filter((f) => f.l === lang), random);
  const nVal = Math.round(facts.length * VALIDATION_SHARE);
  facts.forEach((f, i) => (i < nVal ? validation : train).push(...rowsOf(f)));
}

/** Copies that normalisation makes equal: case, spacing, punctuation, ё. */
function reformat(row: Row, variant: number): Row {
  switch (variant) {
    case 0:
      return { ...row };
    case 1:
      return { ...row, instruction: row.instruction.toUpperCase().replace(/\?$/, "") };
    case 2:
      return { ...row, instruction: `  ${row.instruction.replace(/ /g, "  ")}`, output: row.output.replace(/\. /g, ".  ") };
    default:
      throw new RangeError(`Unknown reformat variant ${variant}`);
  }
}

/** A near copy: a courtesy word before the question and one sentence more or less in the answer. */
function nearCopy(row: Row, lang: "ru" | "kz"): Row {
  const lead = lang === "ru" ? "Скажите, " : "Айтыңызшы, ";
  const q = row.instruction;
  const instruction = lead + q[0].toLowerCase() + q.slice(1);
  const sentences = row.output.split(/(?<=\.) /);
  const output = sentences.length > 2
    ? sentences.slice(0, -1).join(" ")
    : `${row.output} ${lang === "ru" ? "Уточните детали у специалиста." : "Толығырақ маманнан сұраңыз."}`;
  return { instruction, input: row.input, output };
}

const isKz = (r: Row) => /[әғқңөүұі]/i.test(r.instruction + r.output);
type Plant = { kind: string; source: Row; copy: Row; into: "train" | "validation"; from: "train" | "validation" };
const plants: Plant[] = [];
const trainPool = shuffle(train.filter((r) => r.input === ""), random);
const valPool = shuffle(validation.filter((r) => r.input === ""), random);
const takeLang = (pool: Row[], kz: boolean) => {
  const i = pool.findIndex((r) => isKz(r) === kz);
  return pool.splice(i, 1)[0];
};
// Exact duplicates (after normalisation) within train, across splits and within validation.
for (const [variant, kz] of [[0, false], [2, true]] as const) {
  const s = takeLang(trainPool, kz);
  plants.push({ kind: "exact", source: s, copy: reformat(s, variant), from: "train", into: "train" });
}
for (const [variant, kz] of [[0, false], [1, false], [2, true]] as const) {
  const s = takeLang(trainPool, kz);
  plants.push({ kind: "exact", source: s, copy: reformat(s, variant), from: "train", into: "validation" });
}
{
  const s = takeLang(valPool, false);
  plants.push({ kind: "exact", source: s, copy: reformat(s, 1), from: "validation", into: "validation" });
}
// Near duplicates across splits and within each split.
for (const kz of [false, false, false, true]) {
  const s = takeLang(trainPool, kz);
  plants.push({ kind: "near", source: s, copy: nearCopy(s, kz ? "kz" : "ru"), from: "train", into: "validation" });
}
for (const kz of [false, true]) {
  const s = takeLang(trainPool, kz);
  plants.push({ kind: "near", source: s, copy: nearCopy(s, kz ? "kz" : "ru"), from: "train", into: "train" });
}
{
  const s = takeLang(valPool, false);
  plants.push({ kind: "near", source: s, copy: nearCopy(s, "ru"), from: "validation", into: "validation" });
}
for (const p of plants) (p.into === "train" ? train : validation).push(p.copy);

const splits = { train: shuffle(train, random), validation: shuffle(validation, random) };
const lineOf = (split: "train" | "validation", row: Row) => splits[split].indexOf(row) + 1;
const planted = plants.map((p) => ({
  kind: p.kind,
  a: { split: p.from, line: lineOf(p.from, p.source) },
  b: { split: p.into, line: lineOf(p.into, p.copy) },
}));

for (const [name, rows] of Object.entries(splits)) {
  const text = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
  await Deno.writeTextFile(new URL(`${name}.jsonl`, here), text);
}
await Deno.writeTextFile(new URL("planted_duplicates.json", here), JSON.stringify(planted, null, 2) + "\n");
const kz = (rows: Row[]) => rows.filter(isKz).length;
console.log(
  `train: ${splits.train.length} rows (${kz(splits.train)} Kazakh), validation: ${splits.validation.length} rows ` +
    `(${kz(splits.validation)} Kazakh), ${planted.length} planted duplicates`,
);
