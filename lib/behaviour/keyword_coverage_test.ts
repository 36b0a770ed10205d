import assert from "node:assert/strict";
import { keywordCoverage } from "./keyword_coverage.ts";

Deno.test("keywordCoverage() counts distinct keywords found at a word start, as a share", () => {
  const ru =
    "Срок исковой давности — три года (статья 178 ГК РК); суд применяет её по заявлению стороны.";
  // исков (исковой), 178, суд found; "давност" found; "государств" not: 4 of 5.
  assert.equal(keywordCoverage(ru, ["исков", "178", "суд", "давност", "государств"]), 4 / 5);
  // Case, ё and spacing do not matter; repeats and blanks are ignored: 2 of 2.
  assert.equal(keywordCoverage("Её  ПРИМЕНЯЕТ суд", ["ее применяет", "СУД", "суд", " "]), 1);
  const kz = "Талап қою мерзімі үш жыл (АК 178-бабы).";
  assert.equal(keywordCoverage(kz, ["талап қою", "178-бап", "үш жыл", "сот"]), 2 / 4); // 178-бабы ≠ 178-бап
  assert.equal(
    keywordCoverage("The limitation period is three years.", ["limitation", "court"]),
    0.5,
  );
  // Not inside a word: "суд" in "государство", "178" in "1789".
  assert.equal(keywordCoverage("государство, 1789", ["суд", "178"]), 0);
  assert.equal(keywordCoverage("Ответ", null), null);
  assert.equal(keywordCoverage("Ответ", ["", "  "]), null);
  // Regular-expression characters in keywords are literal.
  assert.equal(keywordCoverage("п. 1) ст. 5", ["1)", "ст."]), 1);
});
