import assert from "node:assert/strict";
import { citationAccuracy, legacyCitationAccuracy } from "./citation_accuracy.ts";
import { hallucinationRate, legacyHallucinationRate } from "./hallucination_rate.ts";

Deno.test("legacyCitationAccuracy() is 1.0 for a reference without extractable citations, e.g. Kazakh", () => {
  // the Kazakh "12-бабы" gives only "ref_12-"; the Russian prediction's "статья 12" gives "ст.12"
  assert.equal(legacyCitationAccuracy("статья 12", "Кодекстің 12-бабы"), 0);
  assert.equal(legacyCitationAccuracy("статья 12", "Жауап жоқ"), 1);
  // ref {ст.1, ст.2, п.3}, pred {ст.2}: 1/3
  assert.equal(legacyCitationAccuracy("статья 2", "статья 1, статья 2, п. 3"), 1 / 3);
});

Deno.test("legacyHallucinationRate() is 0.0 without prediction citations", () => {
  assert.equal(legacyHallucinationRate("", "статья 1"), 0);
  // pred {ст.1, ст.5, п.2}, ref {ст.1}: 2/3
  assert.equal(legacyHallucinationRate("статья 1, статья 5, п. 2", "статья 1"), 2 / 3);
});

Deno.test("citationAccuracy() and hallucinationRate() are null when there is nothing to compare", () => {
  assert.equal(citationAccuracy("статья 1", "Жауап жоқ"), null);
  assert.equal(hallucinationRate("Жауап жоқ", "статья 1"), null);
  assert.equal(citationAccuracy("", ""), null);
});

Deno.test("citationAccuracy() and hallucinationRate() compare Kazakh and Russian citations", () => {
  // ref (Kazakh) {art:НК:12, art:НК:13}; pred (Russian) {art:НК:12, art:НК:99}
  const pred = "статьи 12 и 99 НК РК";
  const ref = "Салық кодексінің 12 және 13-баптары";
  assert.equal(citationAccuracy(pred, ref), 1 / 2);
  assert.equal(hallucinationRate(pred, ref), 1 / 2);
  // a code named on one side only still matches; different codes do not
  assert.equal(citationAccuracy("статья 12", "статья 12 ТК"), 1);
  assert.equal(citationAccuracy("статья 12 ГК", "статья 12 ТК"), 0);
  assert.equal(hallucinationRate("№ 414-V", "Закон № 414-V"), 0);
});
