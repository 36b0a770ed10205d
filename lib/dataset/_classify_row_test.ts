import assert from "node:assert/strict";
import { rowClassifier, type RowClassifierOptions, rowLabels } from "./_classify_row.ts";
import { countWords } from "./count_words.ts";
import { detectLanguage, legacyClassificationText, legacyLanguage } from "../text/language.ts";
import { DOMAINS, matchDomains } from "../text/domain.ts";
import { fromRoot } from "../io/paths.ts";
import { randomInt, seededRandom } from "../stats/rng.ts";

/** What the public functions give for a row, in the classifier's terms. */
function expected(
  r: { instruction: string; input: string; output: string },
  options: RowClassifierOptions,
) {
  const all = legacyClassificationText({ ...r, reference: r.output });
  const domains = matchDomains(all, options.domain) as string[];
  let bits = 0;
  for (const d of domains) {
    const i = (DOMAINS as readonly string[]).indexOf(d);
    if (i >= 0) bits |= 1 << i;
  }
  return {
    legacy: legacyLanguage(all),
    language: detectLanguage(all, options.language),
    primary: domains[0] ?? "other",
    nDomains: domains.length,
    domainBits: bits,
    words: [countWords(r.instruction), countWords(r.input), countWords(r.output)],
  };
}

function check(
  rows: { instruction: string; input: string; output: string }[],
  options: RowClassifierOptions = {},
) {
  const classify = rowClassifier(options);
  const labels = rowLabels();
  for (const r of rows) {
    classify(r.instruction, r.input, r.output, labels);
    assert.deepEqual(
      { ...labels, words: [...labels.words] },
      expected(r, options),
      JSON.stringify(r),
    );
  }
}

Deno.test("rowClassifier() equals the public functions on the shared real rows and the sample rows", async () => {
  const files = [
    "../shared/datasets/kz-legal-qa/validation_subset.jsonl",
    "data/sample/train.jsonl",
    "data/sample/validation.jsonl",
  ].map(fromRoot);
  const rows = [];
  for (const file of files) {
    const text = await Deno.readTextFile(file).catch(() => {
      throw new Error(
        `This test reads "${file}" (../shared beside the repository and the sample data)`,
      );
    });
    for (const line of text.split("\n").filter(Boolean)) rows.push(JSON.parse(line));
  }
  assert.ok(rows.length > 3800);
  check(rows);
  check(rows, { domain: { foldKeywords: true }, language: { kzMin: 0.2, ruMax: 0.01 } });
});

Deno.test("rowClassifier() equals the public functions on random text with awkward characters", () => {
  // Keyword pieces, Kazakh and Russian letters, every kind of space, characters whose lower case
  // is special (İ, Σ, surrogate pairs, a lone surrogate) and other case-changing letters.
  const pieces = [
    "налог",
    "НАЛОГ",
    "Салық",
    "САЛЫҚ",
    "НДС",
    "ққс",
    "жер",
    "ЖЕР",
    "основн",
    "трудов",
    "а",
    "қ",
    "Ә",
    "һ",
    "Һ",
    "ё",
    "Ё",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\ufeff",
    "x",
    "İ",
    "Σ",
    "ΑΣ ",
    "😀",
    "\ud800",
    "ǅ",
    "Ǆ",
    "ẞ",
    "K",
    "Ω",
    "ԁ",
    "Ԁ",
    "ꙁ",
    "12",
    "-",
  ];
  const random = seededRandom(7);
  const text = () =>
    Array.from({ length: randomInt(random, 12) }, () => pieces[randomInt(random, pieces.length)])
      .join("");
  const rows = Array.from(
    { length: 5000 },
    () => ({ instruction: text(), input: text(), output: text() }),
  );
  // The same rows without the special characters, so that most take the table path rather than
  // the fallback.
  const drop = (t: string) => t.replace(/[İΣ\ud800-\udfff]/g, "");
  const plain = rows.map((r) => ({
    instruction: drop(r.instruction),
    input: drop(r.input),
    output: drop(r.output),
  }));
  assert.ok(plain.every((r) => !/[İΣ\ud800-\udfff]/.test(r.instruction + r.input + r.output)));
  rows.push(...plain);
  check(rows);
  check(rows, { domain: { foldKeywords: true } });
  // Keywords with spaces (matched across the joining spaces), an empty keyword, a keyword listed
  // twice (it counts for the first domain only), keywords that contain others, non-study names.
  check(rows, {
    domain: {
      keywords: {
        tax: ["налог", "ог ", ""],
        a: ["салық с", "x с", "налог"],
        labor: ["қ\tә", "\u00a0", "ς", "σx"],
        b: ["a", "ab", "x"],
      },
    },
  });
});

Deno.test("rowClassifier() falls back to the public functions for more than 31 domains", () => {
  const keywords = Object.fromEntries(
    Array.from(
      { length: 40 },
      (_, i) => [i === 35 ? "tax" : `d${i}`, [String.fromCharCode(0x430 + i)]],
    ),
  );
  const rows = [{ instruction: "абв", input: "", output: "ѓ" }, {
    instruction: "",
    input: "",
    output: "",
  }];
  check(rows, { domain: { keywords } });
});
