import assert from "node:assert/strict";
import { legacyCitations } from "./legacy_citations.ts";

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
