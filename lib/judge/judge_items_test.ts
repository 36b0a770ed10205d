import assert from "node:assert/strict";
import { fakeRun } from "../testing/fake_run.ts";
import { judgeItems, sampleQuestions } from "./judge_items.ts";
import { sheetItems } from "./sheet_items.ts";

const q = (id: string, prediction: string, input = `Салық кодексінің ${id}-бабы?`) => ({
  id,
  instruction: "Ответь на вопрос по казахстанскому законодательству.",
  input,
  reference: `Статья ${id} НК РК.`,
  prediction,
  metrics: {},
});

Deno.test("judgeItems() samples the same questions for every run, seeded, in the first run's order", () => {
  const ids = Array.from({ length: 40 }, (_, i) => String(i));
  const a = fakeRun("a", ids.map((id) => q(id, `Жауап ${id}`)));
  const b = fakeRun("b", ids.map((id) => q(id, `Ответ ${id}`)));
  const one = judgeItems([a, b], { n: 10, seed: 7 });
  assert.equal(one.items.length, 20);
  assert.deepEqual(one.questions, judgeItems([a, b], { n: 10, seed: 7 }).questions);
  assert.notDeepEqual(one.questions, judgeItems([a, b], { n: 10, seed: 8 }).questions);
  assert.deepEqual(one.questions, [...one.questions].sort((x, y) => Number(x) - Number(y)));
  for (const id of one.questions) {
    assert.deepEqual(one.items.filter((i) => i.id === id).map((i) => i.runs[0]), ["a", "b"]);
  }
  assert.throws(
    () => sampleQuestions(ids, 41, 1),
    /Cannot sample 41 questions: only 40 are available/,
  );
});

Deno.test("judgeItems() shows the judge the input a run stores when another run (the study's GPT-4o files) stores none", () => {
  const qwen = fakeRun("qwen", [q("1", "Иә.")]);
  const gpt = fakeRun("gpt", [q("1", "Да.", "")]);
  const [item] = judgeItems([gpt, qwen], { mode: "pairwise" }).items;
  assert.deepEqual(item.runs, ["gpt", "qwen"]);
  assert.equal(item.question.input, "Салық кодексінің 1-бабы?");
  assert.deepEqual(item.answers, ["Да.", "Иә."]);
});

Deno.test("judgeItems() refuses unknown runs, runs without samples, one run in pairwise mode and questions that differ", () => {
  const a = fakeRun("a", [q("1", "x")]);
  const summaryOnly = fakeRun("s", null);
  assert.throws(() => judgeItems([a], { runs: ["жоқ"] }), /Unknown run "жоқ"; the results hold a/);
  assert.throws(
    () => judgeItems([a, summaryOnly], { runs: ["s"] }),
    /Run "s" \(.*\) has no per-sample records to judge/,
  );
  assert.throws(
    () => judgeItems([a], { mode: "pairwise" }),
    /Pairwise judging needs at least two runs, got 1/,
  );
  const other = fakeRun("b", [{ ...q("1", "y"), reference: "Другой эталон." }]);
  assert.throws(
    () => judgeItems([a, other]),
    /Question "1" has a different reference in run "b" than in run "a"/,
  );
  const disjoint = fakeRun("c", [q("2", "z")]);
  assert.throws(
    () => judgeItems([a, disjoint]),
    /No question is answered by every chosen run \(a, c\)/,
  );
});

Deno.test("sheetItems() keeps every label of the sampled questions and names unknown labels", () => {
  const row = (question: string, label: string) => ({
    question,
    label,
    instruction: "Сұрақ",
    input: "",
    reference: "Жауап",
    answer: `${question}${label}`,
    row: 2,
  });
  const sheet = {
    path: "s.csv",
    sha256: "0",
    answers: ["1", "2", "3", "4"].flatMap((qn) => [row(qn, "A"), row(qn, "B")]),
  };
  const items = sheetItems(sheet, { n: 2, seed: 3 });
  assert.equal(items.length, 4);
  assert.equal(new Set(items.map((i) => i.id)).size, 2);
  assert.throws(
    () => sheetItems(sheet, { labels: ["Z"] }),
    /Sheet "s\.csv" has no label "Z"; it has A, B/,
  );
});
