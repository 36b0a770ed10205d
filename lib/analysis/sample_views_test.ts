import assert from "node:assert/strict";
import {
  extremeAnswers,
  largestDifferences,
  mostContestedQuestion,
  shorten,
} from "./sample_views.ts";
import { fakeScored } from "../testing/fake_scored.ts";

Deno.test("shorten() cuts whole characters of Kazakh text and collapses white space", () => {
  assert.equal(shorten("Еңбек  кодексінің\n88-бабы", 100), "Еңбек кодексінің 88-бабы");
  assert.equal(shorten("әәәәә", 3), "әә…");
  assert.equal(shorten(null), "");
});

Deno.test("extremeAnswers() gives the lowest and highest answers with their run and question, ties by run and id", () => {
  const scored = fakeScored([
    {
      id: "base",
      variant: "base",
      values: { chrf: [5, 50, null] },
      prediction: ["Okay, let's", "Салық", "—"],
    },
    { id: "ft", values: { chrf: [5, 90, 70] }, prediction: ["Жоқ", "Статья 5 НК РК", "Иә"] },
  ]);
  const f = extremeAnswers(scored, "chrf", { n: 2 });
  assert.deepEqual(f.select("end", "run", "id", "value", "answer").toRecords(), [
    { end: "lowest", run: "base", id: "0", value: 5, answer: "Okay, let's" },
    { end: "lowest", run: "ft", id: "0", value: 5, answer: "Жоқ" },
    { end: "highest", run: "ft", id: "1", value: 90, answer: "Статья 5 НК РК" },
    { end: "highest", run: "ft", id: "2", value: 70, answer: "Иә" },
  ]);
  assert.equal(extremeAnswers(scored, "chrf", { n: 1, runs: ["base"] }).height, 2);
  assert.equal(mostContestedQuestion(scored, "chrf"), "1"); // spread 40, against 0 for question 0
});

Deno.test("sample views show the question: the input where the instruction is the generic prompt, else instruction and input", () => {
  const generic = "Ответь на вопрос по казахстанскому законодательству.";
  const spec = (id: string, chrf: number[]) => ({
    id,
    values: { chrf },
    instruction: [generic, generic, generic, "Что такое НДС?"],
    input: ["Что такое акциз?", "Кто платит КПН?", "Что такое ИПН?", ""],
  });
  const scored = fakeScored([
    { ...spec("base", [1, 2, 3, 4]), variant: "base" as const },
    spec("ft", [9, 2, 3, 40]),
  ]);
  const f = extremeAnswers(scored, "chrf", { n: 1 });
  assert.deepEqual(f.select("end", "run", "id", "question").toRecords(), [
    { end: "lowest", run: "base", id: "0", question: "Что такое акциз?" },
    { end: "highest", run: "ft", id: "3", question: "Что такое НДС?" },
  ]);
  const d = largestDifferences(scored, "ft", "base", "chrf", { by: "language" });
  assert.deepEqual(d.getColumn("question").toArray(), ["Что такое НДС?", "Кто платит КПН?"]);
  for (const q of [...f.getColumn("question").toArray(), ...d.getColumn("question").toArray()]) {
    assert.notEqual(q, generic);
  }
});
