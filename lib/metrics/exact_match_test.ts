import assert from "node:assert/strict";
import { exactMatch, normalizeForExactMatch } from "./exact_match.ts";

Deno.test("normalizeForExactMatch() applies NFC, lower case, punctuation to space, collapsed whitespace", () => {
  // "й" as и + combining breve (U+0306) equals the precomposed й after NFC
  assert.equal(normalizeForExactMatch("Краи\u0306"), "край");
  // Kazakh capitals lower-case to their own small letters: Ә Ғ Қ Ң Ө Ү Ұ І Һ
  assert.equal(normalizeForExactMatch("ӘҒҚҢӨҮҰІҺ"), "әғқңөүұіһ");
  // hyphen, en dash, em dash, guillemets, ellipsis, slash and brackets are punctuation
  assert.equal(
    normalizeForExactMatch("«Салық» — 12–бап (1/2)…"),
    "салық 12 бап 1 2",
  );
  // № and ₸ are symbols (category S): kept; % and § are punctuation (Po) in Unicode: removed
  assert.equal(normalizeForExactMatch("Закон № 414-V, 12%"), "закон № 414 v 12");
  assert.equal(normalizeForExactMatch("5000₸ § 3"), "5000₸ 3");
  // tabs, newlines and no-break spaces collapse to one space
  assert.equal(normalizeForExactMatch("\tтри\u00a0\n года \r\n"), "три года");
  // ё is not folded into е
  assert.notEqual(normalizeForExactMatch("ещё"), normalizeForExactMatch("еще"));
});

Deno.test("exactMatch() is 1 only for the same words in the same order (Russian)", () => {
  assert.equal(exactMatch("Три года.", "три года"), 1);
  assert.equal(exactMatch("Да, по ставке 12%.", "да по ставке 12%"), 1);
  assert.equal(exactMatch("по ставке 12", "по ставке 12%"), 1);
  assert.equal(exactMatch("Через eGov или ЦОН", "Через eGov или ЦОН."), 1);
  assert.equal(exactMatch("года три", "три года"), 0);
  assert.equal(exactMatch("Три года по общему правилу.", "Три года."), 0);
  assert.equal(exactMatch("12 процентов", "12%"), 0);
});

Deno.test("exactMatch() on Kazakh answers", () => {
  assert.equal(exactMatch("Кемінде 24 күнтізбелік күн.", "кемінде 24 күнтізбелік күн"), 1);
  assert.equal(exactMatch("31 НАУРЫЗҒА ДЕЙІН!", "31 наурызға дейін."), 1);
  // Kazakh і (U+0456) and Latin i (U+0069) look alike but differ
  assert.equal(exactMatch("бiр", "бір"), 0);
  assert.equal(exactMatch("Иә", "Жоқ"), 0);
});

Deno.test("exactMatch() is null when the reference holds no words or symbols", () => {
  assert.equal(exactMatch("", ""), null);
  assert.equal(exactMatch("бар", "…?!"), null);
  assert.equal(exactMatch("", "Иә"), 0);
});
