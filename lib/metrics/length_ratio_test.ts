import assert from "node:assert/strict";
import { lengthRatio } from "./length_ratio.ts";
import { distinctWords } from "./_test_texts.ts";

Deno.test("lengthRatio() compares whitespace word counts in both directions", () => {
  assert.equal(lengthRatio("Срок три года", "Срок исковой давности три года"), 3 / 5);
  assert.equal(lengthRatio("Срок исковой давности три года", "Срок три года"), 1 / (5 / 3));
  assert.equal(lengthRatio("Еңбек шарты", "Еңбек шарты"), 1);
  assert.equal(lengthRatio("", "a"), 0);
  assert.equal(lengthRatio("a", ""), 0);
  assert.equal(lengthRatio("", ""), 0);
});

Deno.test("lengthRatio() splits like Python's str.split()", () => {
  // U+0085 and U+001F separate words in Python; U+FEFF does not
  assert.equal(lengthRatio("a\u0085b\u001fc", "a b c"), 1);
  assert.equal(lengthRatio("a\ufeffb", "a b"), 0.5);
  assert.equal(
    lengthRatio(distinctWords("w", 1200).join("\n"), distinctWords("w", 2400).join(" ")),
    0.5,
  );
});
