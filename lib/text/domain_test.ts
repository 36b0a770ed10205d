import assert from "node:assert/strict";
import { DOMAIN_KEYWORDS, DOMAINS, matchDomains, primaryDomain } from "./domain.ts";

Deno.test("primaryDomain() returns the first domain in the study's order whose keyword occurs", () => {
  assert.equal(primaryDomain("Уголовное наказание"), "criminal");
  assert.equal(primaryDomain("Договор купли-продажи"), "civil");
  assert.equal(primaryDomain("Штраф за нарушение"), "administrative");
  assert.equal(primaryDomain("Еңбек шарты"), "labor");
  assert.equal(primaryDomain("Салық декларациясы"), "tax");
  assert.equal(primaryDomain("Отбасы және неке"), "family");
  assert.equal(primaryDomain("Жер учаскесі"), "land");
  assert.equal(primaryDomain("Квартира в ипотеку"), "housing");
  assert.equal(primaryDomain("Регистрация компании"), "business");
  assert.equal(primaryDomain("Конституция"), "constitutional");
  assert.equal(primaryDomain("Погода в Алматы"), "other");
  // civil ("договор") precedes tax ("налог") in the study's order
  assert.equal(primaryDomain("Налог по договору"), "civil");
});

Deno.test("primaryDomain() keeps the study's substring quirks", () => {
  // "жер" matches inside any word, e.g. "жерде"
  assert.equal(primaryDomain("Мұнда жерде"), "land");
  // the upper-case keywords НДС and ҚҚС never match lower-cased text
  assert.equal(primaryDomain("НДС"), "other");
  assert.equal(primaryDomain("ҚҚС"), "other");
  assert.equal(primaryDomain("НДС", { foldKeywords: true }), "tax");
});

Deno.test("matchDomains() lists every matching domain in order, empty when none", () => {
  assert.deepEqual(matchDomains("Уголовная ответственность за уклонение от налогов работодателя"), [
    "criminal",
    "labor",
    "tax",
  ]);
  assert.deepEqual(matchDomains(""), []);
  assert.deepEqual(matchDomains("x", { keywords: { a: ["x"], b: ["y"] } }), ["a"]);
});

Deno.test("DOMAIN_KEYWORDS has the study's ten domains in its order", () => {
  assert.deepEqual(Object.keys(DOMAIN_KEYWORDS), [...DOMAINS]);
  assert.equal(Object.values(DOMAIN_KEYWORDS).flat().length, 38); // 4+4+4+4+4+5+3+3+4+3;
});

Deno.test("matchDomains() equals the plain definition (every keyword by substring search) on real and sample rows", async () => {
  const { fromRoot } = await import("../io/paths.ts");
  const { DOMAIN_KEYWORDS } = await import("./domain.ts");
  const files = [
    "../shared/datasets/kz-legal-qa/validation_subset.jsonl",
    "data/sample/train.jsonl",
  ].map(fromRoot);
  let rows = 0;
  for (const file of files) {
    const text = await Deno.readTextFile(file).catch(() => {
      throw new Error(
        `This test reads "${file}" (../shared beside the repository and the sample data)`,
      );
    });
    for (const line of text.split("\n").filter(Boolean)) {
      const r = JSON.parse(line);
      const t = `${r.instruction} ${r.input} ${r.output}`;
      for (const fold of [false, true]) {
        const lower = t.toLowerCase();
        const plain = Object.entries(DOMAIN_KEYWORDS)
          .filter(([, kws]) => kws.some((k) => lower.includes(fold ? k.toLowerCase() : k)))
          .map(([d]) => d);
        assert.deepEqual(matchDomains(t, { foldKeywords: fold }), plain, t.slice(0, 80));
      }
      rows++;
    }
  }
  assert.ok(rows > 3800);
});
