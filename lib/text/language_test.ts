import assert from "node:assert/strict";
import {
  countLetters,
  detectLanguage,
  legacyClassificationText,
  legacyLanguage,
} from "./language.ts";

Deno.test("legacyLanguage() is kz as soon as one of its eight letters appears, in either case", () => {
  assert.equal(legacyLanguage("Налоговый кодекс"), "ru");
  assert.equal(legacyLanguage("ҚР Салық кодексі"), "kz");
  assert.equal(legacyLanguage("Статья 1. Қ"), "kz"); // one upper-case letter is enough
  assert.equal(legacyLanguage("Шаһар"), "ru"); // һ is Kazakh but not in the study's list
  assert.equal(legacyLanguage(""), "ru");
  assert.equal(legacyLanguage("only latin"), "ru");
  assert.equal(legacyLanguage("i"), "ru"); // Latin i is not Cyrillic і
  assert.equal(legacyLanguage("\u0456"), "kz");
});

Deno.test("legacyClassificationText() joins instruction, input and reference with spaces", () => {
  assert.equal(legacyClassificationText({ instruction: "a", input: "b", reference: "c" }), "a b c");
  assert.equal(legacyClassificationText({ instruction: "a", reference: "c" }), "a  c");
});

Deno.test("countLetters() counts Cyrillic letters and the nine Kazakh-specific ones", () => {
  // "Қазақ тілі": Қ а з а қ т і л і = 9 Cyrillic letters, Kazakh-specific: Қ, қ, і, і = 4
  assert.deepEqual(countLetters("Қазақ тілі"), { cyrillic: 9, kazakh: 4 });
  assert.deepEqual(countLetters("Шаһар"), { cyrillic: 5, kazakh: 1 });
  assert.deepEqual(countLetters("abc 123 ©"), { cyrillic: 0, kazakh: 0 });
  // Cyrillic Supplement letter (U+0501) counts as Cyrillic; combining marks (U+0301) do not
  assert.deepEqual(countLetters("\u0501а\u0301"), { cyrillic: 2, kazakh: 0 });
});

Deno.test("detectLanguage() uses the share thresholds 0.005 and 0.03", () => {
  // Kazakh: 4/9 = 0.44
  assert.equal(detectLanguage("Қазақ тілі"), "kz");
  // Russian: 0 Kazakh letters
  assert.equal(detectLanguage("Трудовой договор заключается в письменной форме"), "ru");
  // 1 Kazakh letter among 40 Cyrillic letters: 0.025, between the thresholds -> mixed
  const forty = "абвгдежзиклмнопрстуфхцчшщэюяабвгдежзикл"; // 39 letters
  assert.equal(countLetters(forty + "қ").cyrillic, 40);
  assert.equal(detectLanguage(forty + "қ"), "mixed");
  // 1 of 200 = 0.005 is still ru (<= ruMax); 1 of 20 = 0.05 is kz
  assert.equal(detectLanguage("а".repeat(199) + "қ"), "ru");
  assert.equal(detectLanguage("а".repeat(19) + "қ"), "kz");
  assert.equal(detectLanguage(""), "none");
  assert.equal(detectLanguage("Article 12 of the Tax Code"), "none");
});

Deno.test("detectLanguage() takes thresholds from options and rejects inconsistent ones", () => {
  assert.equal(detectLanguage("а".repeat(19) + "қ", { kzMin: 0.1 }), "mixed");
  assert.equal(detectLanguage("ая", { minLetters: 3 }), "none");
  assert.throws(() => detectLanguage("а", { ruMax: 0.5, kzMin: 0.1 }), RangeError);
});
