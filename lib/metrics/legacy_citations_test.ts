import assert from "node:assert/strict";
import { legacyCitations } from "./legacy_citations.ts";
import { PY_BOUNDARY, PY_DIGIT, PY_SPACE, PY_WORD } from "../text/_python_str.ts";
import { seededRandom } from "../stats/rng.ts";

const cites = (t: string) => [...legacyCitations(t)].sort();

Deno.test("legacyCitations() reads the study's Russian article and point forms", () => {
  assert.deepEqual(cites("Статья 12"), ["ст.12"]);
  assert.deepEqual(cites("согласно статьи 12 и статье 13"), ["ст.12", "ст.13"]);
  assert.deepEqual(cites("ст.15 и ст 16"), ["ст.15", "ст.16"]);
  // only one letter after "стать": "статьей 5", "статьями 5" are not read
  assert.deepEqual(cites("статьей 5, статьями 6"), []);
  // no word boundary: "текст 5" reads as an article, "подпункт 2" as a point
  assert.deepEqual(cites("текст 5"), ["ст.5"]);
  assert.deepEqual(cites("подпункт 2"), ["п.2"]);
  assert.deepEqual(cites("пп. 3"), ["п.3"]);
});

Deno.test("legacyCitations() reads laws, code-article phrases and number-Roman references", () => {
  // "закон № 123-IV": the law pattern stops at the last digit before "-i" (lower case) -> закон_123;
  // the Roman pattern runs on the original text -> ref_123-IV
  assert.deepEqual(cites("Закон № 123-IV"), ["ref_123-IV", "закон_123"]);
  assert.deepEqual(cites("Законом 1995 года"), ["закон_1995"]);
  assert.deepEqual(cites("Законом РК 1995 года"), []); // the number must follow "закон…" directly
  assert.deepEqual(cites("закон 5"), []); // a law number needs at least two characters
  assert.deepEqual(cites("Кодекс, в котором статья 7"), ["ст.7"]);
  // the Roman numeral may be empty: a range or a Kazakh article gives "ref_N-"
  assert.deepEqual(cites("10-12"), ["ref_10-"]);
  assert.deepEqual(cites("12-бабы"), ["ref_12-"]);
  assert.deepEqual(cites("Без ссылок"), []);
  assert.deepEqual(cites(""), []);
});

Deno.test("legacyCitations() follows Python's Unicode \\s and \\b", () => {
  // U+0085 and NBSP are whitespace for Python's \s
  assert.deepEqual(cites("статья\u008512"), ["ст.12"]);
  assert.deepEqual(cites("ст.\u00a012"), ["ст.12"]);
  // Cyrillic letters are word characters for Python's \b: "ст12-V" has no boundary before 12
  assert.deepEqual(cites("ст12-V"), ["ст.12"]);
  assert.deepEqual(cites("№12-V"), ["ref_12-V"]);
  // "5-IIIX": I{1,4}V? cannot end at a boundary, the empty alternative can -> "ref_5-"
  assert.deepEqual(cites("5-IIIX"), ["ref_5-"]);
});

// The study's patterns as the backtracking regexes they were before the linear scanners (the
// reference for the comparison below; quadratic on repetitive text, so only run on short texts).
const S = `[${PY_SPACE}]`;
const D = PY_DIGIT;
const ARTICLE = new RegExp(`(?:стать[яиейю]|ст\\.?)${S}*(${D}+)`, "gu");
const POINT = new RegExp(`(?:пункт[а-я]*|п\\.?)${S}*(${D}+)`, "gu");
const LAW = new RegExp(`закон[а-я]*${S}*(?:№|номер)?${S}*(${D}[${D}\\-.]*${D})`, "gu");
const CODE_ARTICLE = new RegExp(`кодекс[а-я]*[^\\n]*?стать[яиейю]${S}*(${D}+)`, "gu");
const NUMBERED = new RegExp(
  `(?<![${PY_WORD}])(${D}+)[\\-–](I{1,4}V?|V?I{0,4}|[IVX]+)${PY_BOUNDARY}`,
  "gu",
);
function regexCitations(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(ARTICLE)) out.add(`ст.${m[1]}`);
  for (const m of lower.matchAll(POINT)) out.add(`п.${m[1]}`);
  for (const m of lower.matchAll(LAW)) out.add(`закон_${m[1]}`);
  for (const m of lower.matchAll(CODE_ARTICLE)) out.add(`ст.${m[1]}`);
  for (const m of text.matchAll(NUMBERED)) out.add(`ref_${m[0]}`);
  return out;
}

// pieces that exercise every branch: prefixes inside letter runs, "номер"/"№", dots and dashes
// in law numbers, line breaks between "кодекс" and "статья", Python-only spaces, astral digits
const PIECES = [
  "кодекс",
  "Кодекса",
  "статья",
  "статьи",
  "стать",
  "ст",
  "ст.",
  "пункт",
  "пунктов",
  "п",
  "п.",
  "закон",
  "Законом",
  "номер",
  "№",
  "а",
  "ё",
  "ь",
  "я",
  " ",
  "  ",
  "\n",
  "\r",
  "\u0085",
  "\u00a0",
  "1",
  "23",
  "٣",
  "𝟘",
  "-",
  "–",
  ".",
  ",",
  "IV",
  "V",
  "I",
  "X",
  "x",
  "_",
  "текст",
];

Deno.test("legacyCitations() gives the same citations as the study's regexes on random texts", () => {
  const rand = seededRandom(20261207);
  for (let n = 0; n < 20000; n++) {
    const len = 1 + Math.floor(rand() * 14);
    let text = "";
    for (let i = 0; i < len; i++) text += PIECES[Math.floor(rand() * PIECES.length)];
    assert.deepEqual(cites(text), [...regexCitations(text)].sort(), JSON.stringify(text));
  }
});

Deno.test("legacyCitations() gives the same citations as the study's regexes on repetitive texts", () => {
  for (const unit of PIECES) {
    for (const tail of ["", " 12", "статья 5", "\nстатья 6", "№ 1.2-3", "-IV"]) {
      const text = unit.repeat(60) + tail + unit.repeat(20);
      assert.deepEqual(cites(text), [...regexCitations(text)].sort(), JSON.stringify(text));
    }
  }
});

Deno.test("legacyCitations() stays linear on long repetitive answers", () => {
  // Each text is 10 MB. The old patterns rescanned the rest of a letter run or line from every
  // start: about 10^12 steps here (hours), and a stack overflow on the lazy loop. The scanners
  // take a fraction of a second each; the bound is generous, for a loaded machine.
  const MB = 10 * 1024 * 1024;
  const texts = [
    "кодекс ".repeat(MB / 7),
    "пункт".repeat(MB / 5),
    "закон".repeat(MB / 5),
    "кодекс".repeat(MB / 6) + "\nстатья 1",
    "статья" + " ".repeat(MB),
    "закон " + "1-".repeat(MB / 2),
  ];
  const started = performance.now();
  for (const text of texts) legacyCitations(text);
  const seconds = (performance.now() - started) / 1000;
  assert.ok(seconds < 60, `six 10 MB texts took ${seconds.toFixed(1)} s`);
  assert.deepEqual(cites("кодекс".repeat(100_000) + " статья 7"), ["ст.7"]);
});
