import assert from "node:assert/strict";
import { countWords } from "./count_words.ts";
import { normalizeText } from "./normalize_text.ts";

Deno.test("countWords() counts like Python's len(text.split()) on Russian and Kazakh text", () => {
  // Hand-counted: split on whitespace runs; punctuation stays attached.
  assert.equal(countWords("Согласно пп. 3) п. 1 ст. 65 ТК РК, работодатель вправе..."), 11);
  assert.equal(countWords("Салық кодексінің 138-бабы, 1-тармақ."), 4);
  assert.equal(countWords("Закон РК № 414-V"), 4);
  assert.equal(countWords("\t\n  \u3000"), 0);
  assert.equal(countWords("a\u2003b\u0085c\u001fd"), 4); // em space, NEL, unit separator are whitespace in Python
  assert.equal(countWords("a\ufeffb"), 1); // BOM is not whitespace in Python
  assert.equal(countWords("a\u200bb"), 1); // nor is zero-width space
});

Deno.test("normalizeText() makes case, ё, punctuation and spacing variants equal but keeps numbers and Kazakh letters", () => {
  assert.equal(normalizeText("Статья 138 НК РК?"), normalizeText("  статья  138, нк рк"));
  assert.equal(normalizeText("Ещё"), normalizeText("еще"));
  assert.notEqual(normalizeText("статья 138"), normalizeText("статья 139"));
  assert.notEqual(normalizeText("салық"), normalizeText("салык"));
  assert.equal(normalizeText("«Әділет» — ИПС"), "әділет ипс");
});
