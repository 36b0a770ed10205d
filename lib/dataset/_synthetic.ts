/**
 * A synthetic Alpaca JSONL file of any size for benchmarks: words of the illustrative sample's
 * Russian and Kazakh texts drawn at random with a seeded generator, a quarter of the rows
 * Kazakh, with the study's length profile (instruction 4–12 words, input empty in 80% of rows,
 * output 10–80 words with 5% of rows up to 600). Rows are random word sequences, so, as in real
 * data, few are near duplicates of each other.
 * @module
 */
import { fromRoot } from "../io/paths.ts";
import { randomInt, seededRandom } from "../stats/rng.ts";

/** Writes `rows` synthetic rows to `path`; returns the number of bytes written. */
export async function writeSyntheticDataset(
  path: string,
  rows: number,
  seed = 42,
): Promise<number> {
  const vocab = { ru: new Set<string>(), kz: new Set<string>() };
  for (const split of ["train", "validation"]) {
    const text = await Deno.readTextFile(fromRoot(`data/sample/${split}.jsonl`));
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { instruction: string; input: string; output: string };
      const all = `${r.instruction} ${r.input} ${r.output}`;
      const lang = /[әғқңөұүһі]/i.test(r.instruction) ? "kz" : "ru";
      for (const w of all.split(/\s+/)) if (w) vocab[lang].add(w);
    }
  }
  const words = { ru: [...vocab.ru].sort(), kz: [...vocab.kz].sort() };
  const random = seededRandom(seed);
  const phrase = (lang: "ru" | "kz", n: number) =>
    Array.from({ length: n }, () => words[lang][randomInt(random, words[lang].length)]).join(" ");
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  const encoder = new TextEncoder();
  let bytes = 0;
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const lang = random() < 0.25 ? "kz" : "ru";
    const instruction = phrase(lang, 4 + randomInt(random, 9)) + "?";
    const input = random() < 0.2 ? phrase(lang, 10 + randomInt(random, 40)) : "";
    const output = phrase(
      lang,
      random() < 0.05 ? 100 + randomInt(random, 500) : 10 + randomInt(random, 71),
    );
    batch.push(JSON.stringify({ instruction, input, output }));
    if (batch.length === 10_000 || i === rows - 1) {
      const chunk = encoder.encode(batch.join("\n") + "\n");
      await file.write(chunk);
      bytes += chunk.length;
      batch = [];
    }
  }
  file.close();
  return bytes;
}
