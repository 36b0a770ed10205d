import assert from "node:assert/strict";
import { join } from "node:path";
import { citationAgreement, readRetrievalCorpus } from "./citation_agreement.ts";
import { loadResultFile } from "../results/load_result_file.ts";
import { REPO_ROOT } from "../io/paths.ts";

const pair = (instruction: string, output: string) => ({ instruction, input: "", output });
const hit = (id: string, rank: number) => ({ id, score: 1 / rank, rank });

const CORPUS = new Map([
  ["0", pair("Срок исковой давности?", "Три года (ст. 178 ГК РК).")],
  ["1", pair("Еңбек демалысы қанша күн?", "Кемінде 24 күн (Еңбек кодексінің 88-бабы).")],
  ["2", pair("Ставка НДС?", "12 процентов, статья 422 Налогового кодекса.")],
  ["3", pair("Что говорит статья 88?", "Об отпуске.")], // an article without a code, in the question
  ["4", pair("Как открыть ИП?", "Через eGov.")], // cites nothing
]);

Deno.test("citationAgreement() counts references whose article some retrieved pair cites (Russian and Kazakh)", () => {
  const samples = [
    // ref art:ТК:88 (Russian form); pair 1 cites it in Kazakh: agrees
    {
      reference: "Не менее 24 дней согласно ст. 88 Трудового кодекса.",
      retrieval: [hit("0", 1), hit("1", 2)],
    },
    // ref art:ГК:178 (Kazakh form "Азаматтық кодекстің 178-бабы"); pair 0 "ст. 178 ГК": agrees
    { reference: "Азаматтық кодекстің 178-бабы бойынша үш жыл.", retrieval: [hit("0", 1)] },
    // ref art:НК:88; pair 1 is art:ТК:88 (another code): no; pair 3 names no code: matches any 88
    { reference: "Статья 88 Налогового кодекса.", retrieval: [hit("1", 1), hit("3", 2)] },
    // ref art:НК:422; retrieved pairs cite other articles: no
    { reference: "Ставка по статье 422 НК РК.", retrieval: [hit("0", 1), hit("4", 2)] },
    // the reference cites nothing: not counted in citing
    { reference: "Через портал eGov.", retrieval: [hit("4", 1)] },
    // no retrieval records (a run without retrieval): skipped
    { reference: "Статья 88 ТК.", retrieval: null },
  ];
  // by hand: citing = 4 (samples 1-4), agreeing = 3 (1, 2, 3)
  assert.deepEqual(citationAgreement(samples, CORPUS), {
    k: null,
    questions: 5,
    citing: 4,
    agreeing: 3,
    rate: 3 / 4,
  });
  // top-1 only: sample 1's match is at rank 2, sample 3's at rank 2: agreeing = 1 (sample 2)
  assert.equal(citationAgreement(samples, CORPUS, { k: 1 }).agreeing, 1);
  // ranks, not array order, decide the top k
  const reordered = [{
    reference: samples[0].reference,
    retrieval: [hit("1", 1), hit("0", 2)].reverse(),
  }];
  assert.equal(citationAgreement(reordered, CORPUS, { k: 1 }).agreeing, 1);
});

Deno.test("citationAgreement() refuses what it cannot compare", () => {
  assert.throws(
    () => citationAgreement([{ reference: "ст. 1 ГК", retrieval: [hit("9", 1)] }], CORPUS),
    /retrieved id "9" is not in the corpus \(5 rows\)/,
  );
  assert.throws(
    () => citationAgreement([{ reference: "x", retrieval: null }], CORPUS),
    /no sample has retrieval records/,
  );
  assert.throws(() => citationAgreement([], CORPUS, { k: 0 }), RangeError);
  const none = citationAgreement([{ reference: "без ссылок", retrieval: [] }], CORPUS);
  assert.deepEqual([none.citing, none.rate], [0, null]);
});

Deno.test("readRetrievalCorpus() gives the ids python/benchmark.py records", async () => {
  // The dense-retrieval fixture is a baseline run: each answer is the rank-1 training pair's answer.
  const run = await loadResultFile(join(REPO_ROOT, "lib/results/fixtures/v1_rag_dense.json"));
  const { rows } = await readRetrievalCorpus(join(REPO_ROOT, "python/tests/fixtures/train.jsonl"));
  assert.equal(rows.size, 12);
  for (const s of run.samples!) {
    const top = s.retrieval!.find((r) => r.rank === 1)!;
    assert.equal(rows.get(top.id)!.output, s.prediction);
  }
  const agreement = citationAgreement(run.samples!, rows);
  assert.equal(agreement.questions, run.samples!.length);
});
