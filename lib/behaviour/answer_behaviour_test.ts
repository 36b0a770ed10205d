import assert from "node:assert/strict";
import { answerBehaviour } from "./answer_behaviour.ts";
import { isEmptyAnswer } from "./empty_answer.ts";

const RU = {
  instruction: "Ответь на вопрос по казахстанскому законодательству.",
  input: "Сколько дней длится ежегодный отпуск?",
};
const KZ = { instruction: "Жыл сайынғы еңбек демалысы неше күн?", input: "" };
const EN = { instruction: "How long is annual leave in Kazakhstan?", input: "" };

Deno.test("isEmptyAnswer() is true without any letter or digit", () => {
  for (const t of ["", "  \n", "### \n\n### ", "— … —", "**"]) {
    assert.equal(isEmptyAnswer(t), true, t);
  }
  for (const t of ["Иә", "Жоқ.", "24", "No."]) assert.equal(isEmptyAnswer(t), false, t);
});

Deno.test("answerBehaviour(): a complete answer in the question's language is substantive, in Russian, Kazakh and English", () => {
  const cases = [
    {
      ...RU,
      prediction: "Ежегодный оплачиваемый отпуск составляет 24 календарных дня (ст. 88 ТК РК).",
      lang: "ru",
    },
    {
      ...KZ,
      prediction: "Жыл сайынғы ақы төленетін еңбек демалысы 24 күнтізбелік күн (ЕК 88-бабы).",
      lang: "kz",
    },
    {
      ...EN,
      prediction: "Annual paid leave is 24 calendar days under Article 88 of the Labour Code.",
      lang: "en",
    },
  ];
  for (const c of cases) {
    const b = answerBehaviour(c);
    assert.deepEqual(b, {
      answer_language: c.lang,
      question_language: c.lang,
      wrong_language: false,
      reasoning_trace: false,
      reasoning_trace_kind: null,
      truncated: false,
      truncated_basis: "estimated-length",
      empty: false,
      refusal: false,
      substantive: true,
      keyword_coverage: null,
    }, c.prediction);
  }
});

Deno.test("answerBehaviour(): each flag alone makes an answer not substantive", () => {
  const flags = (
    s: Parameters<typeof answerBehaviour>[0],
    o?: Parameters<typeof answerBehaviour>[1],
  ) => {
    const b = answerBehaviour(s, o);
    return {
      wrong_language: b.wrong_language,
      reasoning_trace: b.reasoning_trace,
      truncated: b.truncated,
      empty: b.empty,
      refusal: b.refusal,
      substantive: b.substantive,
    };
  };
  const none = {
    wrong_language: false,
    reasoning_trace: false,
    truncated: false,
    empty: false,
    refusal: false,
    substantive: false,
  };
  // Russian answer to a Kazakh question.
  assert.deepEqual(flags({ ...KZ, prediction: "Отпуск составляет 24 календарных дня." }), {
    ...none,
    wrong_language: true,
  });
  // A Russian monologue (in the question's language) that ends properly.
  assert.deepEqual(
    flags({
      ...RU,
      prediction: "Хорошо, мне нужно ответить на вопрос об отпуске. Отпуск — 24 дня.",
    }),
    { ...none, reasoning_trace: true },
  );
  // Cut at the token limit: recorded by a schema-v1 sample.
  assert.deepEqual(
    flags({
      ...KZ,
      prediction: "Жыл сайынғы еңбек демалысы 24 күнтізбелік күн, ал",
      hit_max_new_tokens: true,
    }),
    { ...none, truncated: true },
  );
  // Estimated from the run's calibration.
  assert.deepEqual(
    flags({ ...RU, prediction: "Отпуск составляет 24 календарных дня, а для", latency_s: 21 }, {
      truncation: { latencyLimit: 22 },
    }),
    { ...none, truncated: true },
  );
  assert.deepEqual(flags({ ...RU, prediction: "###" }), { ...none, empty: true });
  assert.deepEqual(flags({ ...KZ, prediction: "Кешіріңіз, бұл сұраққа жауап бере алмаймын." }), {
    ...none,
    refusal: true,
  });
  // The study's 14B base shape: an English trace closed by </think>, then a Russian answer.
  const qwen = answerBehaviour({
    ...RU,
    prediction:
      "Okay, let's tackle this question about annual leave in Kazakhstan. First, I recall the Labour Code.\n</think>\n\nЕжегодный отпуск составляет 24 календарных дня.",
  });
  assert.deepEqual(
    [
      qwen.answer_language,
      qwen.wrong_language,
      qwen.reasoning_trace,
      qwen.reasoning_trace_kind,
      qwen.substantive,
    ],
    ["mixed", true, true, "think-tags", false],
  );
});

Deno.test("answerBehaviour() computes keyword coverage when the sample carries keywords", () => {
  const b = answerBehaviour({
    ...RU,
    prediction: "Отпуск составляет 24 календарных дня (ст. 88 ТК РК).",
    keywords: ["24", "календарн", "88", "трудов"],
  });
  assert.equal(b.keyword_coverage, 3 / 4);
  assert.equal(b.substantive, true); // coverage is not a flag
});
