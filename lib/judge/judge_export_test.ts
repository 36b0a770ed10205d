import assert from "node:assert/strict";
import { join } from "node:path";
import { fakeRun, type FakeSample } from "../testing/fake_run.ts";
import { startScriptedJudge } from "../testing/scripted_judge_server.ts";
import { referencePython } from "../testing/reference_python.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { sha256Hex } from "../io/sha256.ts";
import { ChatClient } from "./chat_client.ts";
import { judgeItems } from "./judge_items.ts";
import { JudgementCache, JUDGEMENTS_FILE } from "./judgement_cache.ts";
import { runJudge } from "./run_judge.ts";
import { SUMMARY_RUBRIC } from "./summary_rubric.ts";
import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";
import { readJudgements } from "./read_judgements.ts";
import { selectJudgedAnswers } from "./judge_export.ts";
import { writeJudgeExport } from "./write_judge_export.ts";
import { readValidationQuestions } from "./read_validation_questions.ts";

const INSTRUCTION = "Ответь на вопрос по казахстанскому законодательству.";
const INPUTS = [
  "Какие документы налогоплательщик обязан хранить в течение срока исковой давности?",
  "Жеке кәсіпкер салық декларациясын қашан тапсырады?",
  "Как начисляется ИПН иностранцу-нерезиденту по трудовому договору?",
  "Еңбек шартын жұмыс берушінің бастамасы бойынша қандай негіздермен бұзуға болады?",
  "Каков срок рассмотрения жалобы на уведомление о результатах налоговой проверки?",
  "Кто обязан встать на регистрационный учёт по НДС и в какой срок?",
];

function run(id: string, answers: string[]) {
  const samples: FakeSample[] = answers.map((prediction, i) => ({
    id: `q${i}`,
    instruction: INSTRUCTION,
    input: INPUTS[i],
    reference: "Эталон.",
    prediction,
    metrics: {},
  }));
  return fakeRun(id, samples, { path: `/tmp/${id}.json`, sha256: "b".repeat(64) });
}

async function judged(rubric = SUMMARY_RUBRIC, runs = [
  run("ft", [
    "Согласно ст. 65 НК РК — учётную документацию. [балл 5]",
    "Жыл сайын 31 наурызға дейін. [балл 4]",
    "По ставке 10%. [балл 2]",
    "Еңбек кодексінің 52-бабы бойынша. [балл 5]",
    "В течение 30 рабочих дней. [балл 5]",
    "[мусор]",
  ]),
  run("base", [
    "Документы. [балл 4]",
    "Салық кодексінің 212-бабы бойынша 31 наурызға дейін. [балл 5]",
    "Не знаю. [балл 1]",
    "Білмеймін. [балл 1]",
    "Не знаю. [балл 1]",
    "Okay, let's tackle this question about VAT registration. [балл 5]",
  ]),
]) {
  const server = startScriptedJudge();
  try {
    const dir = await Deno.makeTempDir();
    const cache = await JudgementCache.open(join(dir, JUDGEMENTS_FILE));
    const client = new ChatClient({
      baseUrl: server.url,
      model: "scripted-judge",
      backoffMs: 1,
      maxRetries: 0,
    });
    await runJudge(judgeItems(runs).items, { rubric, client, cache, maxAttempts: 1 });
    return { dir, ...(await readJudgements([dir])) };
  } finally {
    await server.close();
  }
}

Deno.test("selectJudgedAnswers() keeps the best passing answer per question, leaves out failed, non-substantive and validation questions, and counts each rule", async () => {
  const { stored, dir } = await judged();
  const validation = [
    // q3, exactly after normalisation (case, punctuation, spaces)
    `${INSTRUCTION}\n  ЕҢБЕК шартын жұмыс берушінің бастамасы бойынша қандай негіздермен бұзуға болады`,
    // q4, one word changed: a near duplicate
    `${INSTRUCTION}\nКаков срок рассмотрения жалобы на уведомление о результатах выездной налоговой проверки?`,
    "Что такое сервитут?",
  ];
  const out = selectJudgedAnswers(stored, validation, { threshold: 0.8 });
  assert.equal(out.criterion, "overall");
  assert.deepEqual(out.counts, {
    judged: 12,
    unscored: 1,
    belowThreshold: 4,
    hallucinated: 0,
    notSubstantive: 1,
    sameQuestion: 2,
    inValidation: 1,
    nearValidation: 1,
    exported: 2,
  });
  assert.deepEqual(out.rows, [
    {
      instruction: INSTRUCTION,
      input: INPUTS[0],
      output: "Согласно ст. 65 НК РК — учётную документацию. [балл 5]",
    },
    {
      instruction: INSTRUCTION,
      input: INPUTS[1],
      output: "Салық кодексінің 212-бабы бойынша 31 наурызға дейін. [балл 5]",
    },
  ]);
  assert.deepEqual(out.provenance.map((p) => [p.line, p.run, p.id, p.score]), [[1, "ft", "q0", 1], [
    2,
    "base",
    "q1",
    1,
  ]]);
  // Each provenance row cites the SHA-256 of the judgement line it rests on.
  const lines = (await Deno.readTextFile(join(dir, JUDGEMENTS_FILE))).split("\n");
  const p = out.provenance[1];
  const cited = stored.find((s) => s.sha256 === p.judgement_sha256)!;
  assert.equal(cited.record.runs[0], "base");
  assert.equal(cited.record.id, "q1");
  assert.equal(await sha256Hex(lines[cited.line - 1]), p.judgement_sha256);
  assert.equal(p.judge_model, "scripted-judge");

  // A lower threshold passes more; a threshold outside the scale is an error.
  assert.equal(
    selectJudgedAnswers(stored, validation, { threshold: 0.4 }).counts.belowThreshold,
    3,
  );
  assert.throws(
    () => selectJudgedAnswers(stored, validation, { threshold: 4 }),
    /Threshold for "overall" must be in \[0, 1\], got 4/,
  );
  assert.throws(
    () => selectJudgedAnswers(stored, validation, { threshold: 0.8, criterion: "correctness" }),
    /No single-mode judgement of result files scores "correctness"/,
  );
});

Deno.test("selectJudgedAnswers() under the lawyer rubric leaves out answers the judge says hallucinate", async () => {
  const { stored } = await judged(LAWYER_RUBRIC, [
    run("ft", [
      "Статья 65 НК РК. [балл 5]",
      "Салық кодексінің 999-бабы. [балл 5] [галлюцинация]",
      "Нет. [балл 3]",
    ]),
  ]);
  const out = selectJudgedAnswers(stored, [], { threshold: 4 });
  assert.equal(out.criterion, "correctness");
  assert.deepEqual([out.counts.exported, out.counts.hallucinated, out.counts.belowThreshold], [
    1,
    1,
    1,
  ]);
  assert.throws(
    () => selectJudgedAnswers(stored, [], { threshold: 0.5, criterion: "hallucination" }),
    /is yes\/no/,
  );
});

Deno.test("the exported file is read by python/workbench/core/data.py's reader unchanged, with its provenance beside it", async () => {
  const { stored } = await judged();
  const exported = selectJudgedAnswers(stored, [], { threshold: 0.8 });
  const out = join(await Deno.makeTempDir(), "next", "train.jsonl");
  const written = await writeJudgeExport(exported, out);
  assert.equal(written.provenance, out.replace(/\.jsonl$/, ".provenance.jsonl"));
  const text = await Deno.readTextFile(out);
  assert.ok(
    text.split("\n").filter(Boolean).every((l) =>
      Object.keys(JSON.parse(l)).join() === "instruction,input,output"
    ),
  );
  const rows = await referencePython(
    "import sys\nsys.path.insert(0, INPUT['python'])\nfrom workbench.core.data import read_alpaca_jsonl\nemit(read_alpaca_jsonl(INPUT['path']))",
    { python: join(REPO_ROOT, "python"), path: out },
  ) as Record<string, string>[];
  assert.deepEqual(rows, exported.rows.map((r, i) => ({ id: String(i), ...r })));
  assert.equal(rows.length, 4); // q0, q1, q3, q4: no validation set given
  const provenance = (await Deno.readTextFile(written.provenance)).split("\n").filter(Boolean).map((
    l,
  ) => JSON.parse(l));
  assert.deepEqual(provenance.map((p) => p.line), [1, 2, 3, 4]);
  await assert.rejects(writeJudgeExport(exported, out), /exists; pass --force to replace it/);
  await writeJudgeExport(exported, out, { force: true });
});

Deno.test("readValidationQuestions() reads files and the validation.jsonl of a folder, not its train.jsonl", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    join(dir, "train.jsonl"),
    `{"instruction":"Оқу","input":"","output":"x"}\n`,
  );
  await Deno.writeTextFile(
    join(dir, "validation.jsonl"),
    `{"instruction":"Тексеру","input":"сұрақ","output":"y"}\n`,
  );
  const v = await readValidationQuestions([dir]);
  assert.deepEqual(v.questions, ["Тексеру\nсұрақ"]);
  await assert.rejects(readValidationQuestions([join(dir, "жоқ")]), /does not exist/);
  const empty = await Deno.makeTempDir();
  await assert.rejects(readValidationQuestions([empty]), /holds no validation\.jsonl/);
});
