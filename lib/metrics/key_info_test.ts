import assert from "node:assert/strict";
import {
  KEY_TERMS_V2,
  keyInfo,
  keyInfoParts,
  LEGACY_KEY_TERMS,
  legacyKeyInfo,
} from "./key_info.ts";
import { distinctWords } from "./_test_texts.ts";

Deno.test("legacyKeyInfo() averages number overlap and the study's term overlap (Russian)", () => {
  // numbers: ref {12, 2024}, pred {12} -> 1/2
  // terms in ref "статья 12 трудового кодекса, срок 2024": статья, кодекс, срок (3); in pred: статья, срок -> 2/3
  // (1/2 + 2/3) / 2 = 7/12
  assert.equal(
    legacyKeyInfo("Статья 12: срок", "Статья 12 Трудового кодекса, срок 2024"),
    (1 / 2 + 2 / 3) / 2,
  );
  // substring quirks: "суд" inside "посуда", "иск" inside "риск"; "статья" does not match "статьи"
  assert.equal(legacyKeyInfo("посуда", "суд"), 1);
  assert.equal(legacyKeyInfo("статьи", "статья"), 0.5);
});

Deno.test("legacyKeyInfo() defaults both parts to 1.0 for a Kazakh reference without numbers or terms", () => {
  assert.equal(legacyKeyInfo("", "Еңбек шарты жазбаша жасалады"), 1);
  // numbers are still compared: ref {5} not in pred -> (0 + 1) / 2
  assert.equal(legacyKeyInfo("", "5 жыл"), 0.5);
  assert.equal(LEGACY_KEY_TERMS.length, 18);
});

Deno.test("keyInfoParts() matches Russian and Kazakh forms of the same concept", () => {
  // ref (Kazakh) concepts: contract (шарты), term (мерзімі), court (сотқа); numbers {3}
  // pred (Russian): договор (contract), 3, суд (court) -> terms 2/3, numbers 1, score 5/6
  const p = keyInfoParts("Договор, 3 года, в суд", "Шарты мерзімі 3 жыл, сотқа");
  assert.deepEqual(p, { numbers: 1, terms: 2 / 3, score: (1 + 2 / 3) / 2 });
  // whole-word forms: "сотрудник" is not court, "судно" is not court
  assert.deepEqual(keyInfoParts("сотрудник судно", "суд"), { numbers: null, terms: 0, score: 0 });
});

Deno.test("keyInfo() is null when the reference has neither numbers nor concepts", () => {
  assert.equal(keyInfo("что угодно", "Сәлем"), null);
  assert.equal(keyInfo("", "12"), 0);
  // mixed Russian/Kazakh, long: 2,400 words with the concept "налог" once and numbers 1..2400 in the words
  const long = distinctWords("w", 2400).join(" ") + " налог";
  assert.deepEqual(keyInfoParts(long, long), { numbers: 1, terms: 1, score: 1 });
  assert.ok(KEY_TERMS_V2.length >= 18);
  assert.throws(
    () => keyInfo("a", "b", { terms: [{ id: "x", ru: ["two words"], kz: [] }] }),
    TypeError,
  );
});
