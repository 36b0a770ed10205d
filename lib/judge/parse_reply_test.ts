import assert from "node:assert/strict";
import { extractJsonObject, parsePairwiseReply, parseSingleReply } from "./parse_reply.ts";
import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";
import { SUMMARY_RUBRIC } from "./summary_rubric.ts";

Deno.test("parseSingleReply() accepts a bare object, a fenced block and a leading think block, keeping the reason", () => {
  const want = { correctness: 5, completeness: 4, relevance: 5, hallucination: true };
  const json =
    '{"correctness": 5, "completeness": 4, "relevance": 5, "hallucination": true, "reason": "Статья 138 НК РК указана неверно; қате сілтеме."}';
  for (
    const reply of [
      json,
      `  ${json}\n`,
      "```json\n" + json + "\n```",
      "```\n" + json + "\n```",
      `<think>Проверю ссылку.</think>\n${json}`,
    ]
  ) {
    const p = parseSingleReply(reply, LAWYER_RUBRIC);
    assert.ok(p.ok, reply);
    assert.deepEqual(p.value, want);
    assert.equal(p.reason, "Статья 138 НК РК указана неверно; қате сілтеме.");
  }
});

Deno.test("parseSingleReply() refuses prose, text around the object, arrays and empty replies, saying why", () => {
  const cases: [string, RegExp][] = [
    ["Оценка: 5 из 5.", /not a JSON object \(it starts with "Оценка: 5 из 5\."\)/],
    ['Вот оценка: {"correctness": 5}', /not a JSON object/],
    [
      '{"correctness": 5, "completeness": 4, "relevance": 5, "hallucination": false} Надеюсь, помог.',
      /not valid JSON/,
    ],
    ["[1, 2, 3]", /not a JSON object/],
    ["   ", /the reply is empty/],
    ["<think>Ойланып жатырмын", /not a JSON object/],
  ];
  for (const [reply, why] of cases) {
    const p = parseSingleReply(reply, LAWYER_RUBRIC);
    assert.equal(p.ok, false, reply);
    assert.match((p as { error: string }).error, why, reply);
  }
});

Deno.test("parseSingleReply() checks every criterion: present, the right type, whole numbers on 1–5 scales, in range", () => {
  const bad = (obj: Record<string, unknown>) => {
    const p = parseSingleReply(JSON.stringify(obj), LAWYER_RUBRIC);
    assert.equal(p.ok, false);
    return (p as { error: string }).error;
  };
  const ok = { correctness: 3, completeness: 3, relevance: 3, hallucination: false };
  assert.equal(
    bad({ ...ok, correctness: 0 }),
    '"correctness" must be an integer from 1 to 5, got 0',
  );
  assert.equal(
    bad({ ...ok, relevance: 4.5 }),
    '"relevance" must be an integer from 1 to 5, got 4.5',
  );
  assert.equal(
    bad({ ...ok, completeness: "4" }),
    '"completeness" must be an integer from 1 to 5, got "4"',
  );
  assert.equal(
    bad({ correctness: 3, completeness: 3, relevance: 3 }),
    '"hallucination" is missing',
  );
  assert.equal(
    bad({ ...ok, hallucination: "да" }),
    '"hallucination" must be true or false, got "да"',
  );
  // 4.0 is the number 4 in JSON: a whole number.
  assert.ok(
    parseSingleReply(
      '{"correctness": 4.0, "completeness": 3, "relevance": 3, "hallucination": false}',
      LAWYER_RUBRIC,
    ).ok,
  );
});

Deno.test("parseSingleReply() reads the summary rubric's 0..1 scores, bounds included", () => {
  const p = parseSingleReply(
    '{"coverage": 0, "accuracy": 1, "coherence": 0.5, "informativeness": 0.25, "overall": 0.75}',
    SUMMARY_RUBRIC,
  );
  assert.ok(p.ok);
  assert.deepEqual(p.value, {
    coverage: 0,
    accuracy: 1,
    coherence: 0.5,
    informativeness: 0.25,
    overall: 0.75,
  });
  assert.equal(p.reason, null);
  const out = parseSingleReply(
    '{"coverage": 1.2, "accuracy": 1, "coherence": 0.5, "informativeness": -0.1, "overall": 0.75}',
    SUMMARY_RUBRIC,
  );
  assert.deepEqual(out, {
    ok: false,
    error:
      '"coverage" must be a number from 0 to 1, got 1.2; "informativeness" must be a number from 0 to 1, got -0.1',
  });
});

Deno.test("parsePairwiseReply() accepts A, B and tie only", () => {
  assert.deepEqual(parsePairwiseReply('{"winner": "A", "reason": "A дәлірек."}'), {
    ok: true,
    value: "A",
    reason: "A дәлірек.",
  });
  assert.deepEqual(parsePairwiseReply('{"winner": "TIE"}'), {
    ok: true,
    value: "tie",
    reason: null,
  });
  assert.deepEqual(parsePairwiseReply('{"winner": "C"}'), {
    ok: false,
    error: '"winner" must be "A", "B" or "tie", got "C"',
  });
  assert.deepEqual(parsePairwiseReply('{"winner": 1}'), {
    ok: false,
    error: '"winner" must be "A", "B" or "tie", got 1',
  });
  assert.deepEqual(parsePairwiseReply('{"reason": "Оба хороши"}'), {
    ok: false,
    error: '"winner" is missing',
  });
  assert.equal(extractJsonObject("Победил ответ A").ok, false);
});
