import assert from "node:assert/strict";
import { questionLabels } from "./question_labels.ts";
import cases from "./fixtures/question_labels_cases.json" with { type: "json" };

Deno.test("questionLabels() labels the shared cases as python/benchmark.py does", () => {
  assert.ok(cases.cases.length >= 8);
  for (const c of cases.cases) {
    assert.deepEqual(questionLabels(c), { language: c.language, domain: c.domain }, c.why);
  }
});
