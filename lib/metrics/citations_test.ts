import assert from "node:assert/strict";
import { citationIds, citationsMatch, extractCitations } from "./citations.ts";

const ids = (t: string) => extractCitations(t).map((c) => c.id);

Deno.test("extractCitations() reads Russian article forms the study missed", () => {
  assert.deepEqual(ids("статьей 5 и статьями 10 и 12"), ["art:5", "art:10", "art:12"]);
  assert.deepEqual(ids("статей 10, 11 и 12"), ["art:10", "art:11", "art:12"]);
  assert.deepEqual(ids("ч. 2 ст. 138 НК РК"), ["art:НК:138"]);
  assert.deepEqual(ids("подпункт 3) пункта 1 статьи 25 Налогового кодекса"), ["art:НК:25"]);
  // a range expands; an inserted article such as 65-1 does not
  assert.deepEqual(ids("ст. 10-12"), ["art:10", "art:11", "art:12"]);
  assert.deepEqual(ids("статья 65-1"), ["art:65-1"]);
  // quantities after "и" are not articles; "текст 5" is not an article
  assert.deepEqual(ids("статья 10 и 20 дней"), ["art:10"]);
  assert.deepEqual(ids("текст 5"), []);
});

Deno.test("extractCitations() records sub-article units without putting them in the id", () => {
  const [c] = extractCitations("пп. 3) п. 1 ч. 2 ст. 25 ТК");
  assert.equal(c.id, "art:ТК:25");
  assert.deepEqual(c.units, [{ type: "subpoint", number: "3" }, { type: "point", number: "1" }, {
    type: "part",
    number: "2",
  }]);
  const [k] = extractCitations("Еңбек кодексінің 25-бабының 2-тармағының 3) тармақшасы");
  assert.equal(k.id, "art:ТК:25");
  assert.deepEqual(k.units, [{ type: "point", number: "2" }, { type: "subpoint", number: "3" }]);
});

Deno.test("extractCitations() reads Kazakh article forms and Kazakh code names", () => {
  assert.deepEqual(ids("Кодексінің 123-бабы"), ["art:123"]);
  assert.deepEqual(ids("ҚР Салық кодексінің 123-бабы"), ["art:НК:123"]);
  assert.deepEqual(ids("Азаматтық кодекстің 10 және 12-баптары"), ["art:ГК:10", "art:ГК:12"]);
  assert.deepEqual(ids("Қылмыстық кодекстің 65-1-бабы"), ["art:УК:65-1"]);
  assert.deepEqual(ids("ҚК 190-бабы"), ["art:УК:190"]);
  assert.deepEqual(ids("Жер кодексінің 5 бабы"), ["art:ЗК:5"]);
});

Deno.test("extractCitations() ties an article to the code named beside it, not across sentences", () => {
  assert.deepEqual(ids("статья 9 ГК РК"), ["art:ГК:9"]);
  assert.deepEqual(ids("статьи 9 Гражданского процессуального кодекса"), ["art:ГПК:9"]);
  assert.deepEqual(ids("статья 9 Кодекса РК об административных правонарушениях"), ["art:КоАП:9"]);
  assert.deepEqual(ids("статья 9 Конституции"), ["art:Конст:9"]);
  assert.deepEqual(ids("Согласно Трудовому кодексу, статья 9"), ["art:ТК:9"]);
  assert.deepEqual(ids("Это ТК. Статья 9 гласит"), ["art:9"]);
  // the code right after the article wins over one before it (Russian word order)
  assert.deepEqual(ids("В НК есть статья 9 ТК"), ["art:ТК:9"]);
});

Deno.test("extractCitations() reads law numbers", () => {
  assert.deepEqual(ids("Закон РК от 2 июля 2018 года № 166-VI ЗРК"), ["law:166-VI"]);
  assert.deepEqual(ids("№ 414-V"), ["law:414-V"]);
  // Cyrillic І used as a Roman I
  assert.deepEqual(ids("№ 414-\u0406V"), ["law:414-IV"]);
  assert.deepEqual(ids("Заңы № 95"), ["law:95"]);
  assert.deepEqual(ids("приказ № 95"), []);
  assert.deepEqual(ids(""), []);
});

Deno.test("citationIds() de-duplicates and citationsMatch() lets a missing code match any code", () => {
  assert.deepEqual([...citationIds("статья 5 ТК; ст. 5 Трудового кодекса; ст. 6")], [
    "art:ТК:5",
    "art:6",
  ]);
  assert.ok(citationsMatch("art:5", "art:ТК:5"));
  assert.ok(citationsMatch("art:ТК:5", "art:5"));
  assert.ok(citationsMatch("law:414-V", "law:414-V"));
  assert.ok(!citationsMatch("art:ТК:5", "art:ГК:5"));
  assert.ok(!citationsMatch("art:5", "art:6"));
  assert.ok(!citationsMatch("law:5", "art:5"));
});
