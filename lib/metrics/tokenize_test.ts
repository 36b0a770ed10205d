import assert from "node:assert/strict";
import { tokenize } from "./tokenize.ts";

Deno.test("tokenize() rouge-ascii keeps only [a-z0-9] runs after lower-casing", () => {
  assert.deepEqual(tokenize("Статья 12-1 НК РК (VAT), п.3", { tokenizer: "rouge-ascii" }), [
    "12",
    "1",
    "vat",
    "3",
  ]);
  assert.deepEqual(tokenize("Қазақстан", { tokenizer: "rouge-ascii" }), []);
  // lower-casing happens first, so the Kelvin sign (U+212A) becomes a Latin k, as in Python
  assert.deepEqual(tokenize("\u212A1", { tokenizer: "rouge-ascii" }), ["k1"]);
});

Deno.test("tokenize() unicode keeps letters and digits of any script, NFC, marks inside words", () => {
  assert.deepEqual(tokenize("Қазақстан Республикасы, 2024 ж."), [
    "қазақстан",
    "республикасы",
    "2024",
    "ж",
  ]);
  // a combining stress mark stays inside the word
  assert.deepEqual(tokenize("зако\u0301н"), ["зако\u0301н"]);
  // NFC: "й" written as и + combining breve equals the precomposed letter
  assert.deepEqual(tokenize("и\u0306"), ["\u0439"]);
  assert.deepEqual(tokenize(""), []);
});

Deno.test("tokenize() whitespace-lower is Python's lower().split()", () => {
  assert.deepEqual(tokenize("  Срок,  ТРИ\u00a0года. ", { tokenizer: "whitespace-lower" }), [
    "срок,",
    "три",
    "года.",
  ]);
  assert.throws(() => tokenize("x", { tokenizer: "nope" as never }), RangeError);
});
