import assert from "node:assert/strict";
import { overlapNote, questionSets } from "./question_sets.ts";
import { fakeScored } from "../testing/fake_scored.ts";

Deno.test("questionSets() says 'same' only when every run answered exactly the same questions", () => {
  const same = fakeScored([
    { id: "a", values: { m: [1, 2, 3] } },
    { id: "b", values: { m: [3, 2, 1] } },
  ]);
  assert.deepEqual(questionSets(same), { runs: 2, same: true, questions: 3, common: 3 });
  assert.match(overlapNote(questionSets(same)), /answered the same 3 questions/);
  const other = fakeScored([
    { id: "a", values: { m: [1, 2, 3] } },
    { id: "b", values: { m: [3, 2, 1] }, ids: ["0", "1", "9"] },
  ]);
  const sets = questionSets(other);
  assert.deepEqual(sets, { runs: 2, same: false, questions: 4, common: 2 });
  assert.doesNotMatch(overlapNote(sets), /the same \d+ questions|both answered the same/);
  assert.match(overlapNote(sets), /2 of 4 are answered by both\)/);
});
