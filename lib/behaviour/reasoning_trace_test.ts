import assert from "node:assert/strict";
import { findReasoningTrace, isReasoningTrace, stripReasoningTrace } from "./reasoning_trace.ts";

Deno.test("isReasoningTrace() recognises monologue openers in English, Russian and Kazakh", () => {
  const traces = [
    "Okay, let's tackle this question about Kazakhstani labor law.",
    "Okay, I need to answer the user's question about maternity leave.",
    "Alright, so the user is asking about VAT registration.",
    "Let me think about Article 65 of the Tax Code.",
    "The user is asking whether a foreign employee pays IPN.",
    "Хорошо, мне нужно ответить на вопрос о правомерности сокращения.",
    'Нужно написать подробный ответ на вопрос "Как согласуется бюджет?".',
    "Ну, я думаю, что установленные процедуры важны.",
    "Пользователь спрашивает о сроках исковой давности.",
    "Жарайды, маған Салық кодексінің 65-бабын қарастыру керек.",
    "Маған бұл сұраққа жауап беру керек.",
    "Пайдаланушы сұрап тұр: еңбек демалысы қанша күн?",
    "<think>\nСначала вспомню нормы ТК РК.",
  ];
  for (const t of traces) assert.equal(isReasoningTrace(t), true, t);
  const answers = [
    "Итак, согласно статье 65 НК РК срок исковой давности составляет три года.",
    "Хорошо, давайте разберёмся с вашим вопросом. Согласно Кодексу об образовании...",
    "Так как работник уволен, работодатель обязан выплатить компенсацию.",
    "Жақсы тәжірибе бойынша шарт жазбаша жасалады.",
    "Салық төлеуші декларацияны 31 наурызға дейін тапсырады.",
    "So-called 'grey' schemes are prohibited by Article 12.",
    "Okay.",
    "Well-known principles of tax law apply: legality and fairness.",
  ];
  for (const t of answers) assert.equal(isReasoningTrace(t), false, t);
});

Deno.test("findReasoningTrace() finds openers on a later line within the window, after A: or Ответ:", () => {
  const echo = "Назовите орган, рассматривающий дисциплинарные дела.\n\nOkay, I need to figure out";
  assert.deepEqual(findReasoningTrace(echo), {
    kind: "monologue",
    start: echo.indexOf("Okay"),
    end: echo.length,
    cue: "Okay, I",
  });
  assert.equal(findReasoningTrace("A:\nOkay, I need to figure out who is responsible")?.start, 3);
  assert.equal(findReasoningTrace("Жауап: Жарайды, маған ойлану керек")?.kind, "monologue");
  // Beyond the window (300 characters) a monologue line is not looked for.
  const late = "Ответ по существу. ".repeat(20) + "\nOkay, I need to check.";
  assert.equal(findReasoningTrace(late), null);
  assert.equal(findReasoningTrace(late, { window: 500 })?.kind, "monologue");
});

Deno.test("stripReasoningTrace() keeps what follows </think>, and what precedes an unclosed trace", () => {
  // Qwen3's usual shape in the study: the opening tag is part of the prompt, only </think> shows.
  const closed =
    "Okay, the user asks about land.\n</think>\n\nСпециальный земельный фонд — резерв земель.";
  assert.deepEqual(stripReasoningTrace(closed), {
    text: "Специальный земельный фонд — резерв земель.",
    removed: "think-tags",
    removedChars: closed.indexOf("\n\nСпец"),
  });
  // Two rounds: the second, unclosed <think> goes too.
  assert.equal(
    stripReasoningTrace("<think>a</think>Жауап: иә.<think>тағы ойлану").text,
    "Жауап: иә.",
  );
  // An unclosed <think> after an answer: the answer stays.
  assert.deepEqual(stripReasoningTrace("Мерзімі үш жыл.\n<think>Let me check"), {
    text: "Мерзімі үш жыл.",
    removed: "think-tags",
    removedChars: 19,
  });
  // A monologue cut at the token limit: nothing of it stays, the echoed question does.
  const echo = "Назовите орган.\n\nOkay, I need to figure out the answer";
  assert.deepEqual(stripReasoningTrace(echo), {
    text: "Назовите орган.",
    removed: "monologue",
    removedChars: echo.length - "Назовите орган.\n\n".length,
  });
  assert.deepEqual(stripReasoningTrace("Срок — три года."), {
    text: "Срок — три года.",
    removed: null,
    removedChars: 0,
  });
});
