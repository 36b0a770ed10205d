import assert from "node:assert/strict";
import { chrfCorpus, chrfCorpusStatistics, chrfFromStatistics } from "./chrf_corpus.ts";
import { chrf, type ChrfOptions } from "./chrf.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { referencePython } from "../testing/reference_python.ts";

const close = (a: number, b: number, tol = 1e-10) =>
  assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

/** sacrebleu's CHRF(...).corpus_score for each (hypotheses, references, options) case. */
async function sacrebleu(
  cases: { hyps: string[]; refs: string[]; options: ChrfOptions }[],
): Promise<number[]> {
  return await referencePython(
    `from sacrebleu.metrics import CHRF
out = []
for c in INPUT:
    o = c["options"]
    m = CHRF(char_order=o.get("charOrder", 6), word_order=o.get("wordOrder", 0), beta=o.get("beta", 2),
             lowercase=o.get("lowercase", False), whitespace=o.get("whitespace", False),
             eps_smoothing=o.get("epsSmoothing", False))
    out.append(m.corpus_score(c["hyps"], [c["refs"]]).score)
emit(out)`,
    cases,
  ) as number[];
}

const HYPS = [
  "Согласно статье 152 Трудового кодекса РК, работодатель обязан выплатить компенсацию.",
  "Жұмыс беруші өтемақы төлеуге міндетті.",
  "",
  "Срок исковой давности — три года (ст. 178 ГК РК).",
  "Иә, заңға сәйкес рұқсат етіледі!",
  "ответ",
  "Қазақстан Республикасының Конституциясы",
];
const REFS = [
  "Работодатель обязан выплатить компенсацию согласно ст. 152 Трудового кодекса Республики Казахстан.",
  "Қазақстан Республикасы Еңбек кодексінің 152-бабына сәйкес жұмыс беруші өтемақы төлейді.",
  "Ответ на вопрос содержится в статье 9 Закона о браке.",
  "Общий срок исковой давности составляет три года (статья 178 ГК РК).",
  "",
  "",
  "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ КОНСТИТУЦИЯСЫ",
];

Deno.test("chrfCorpus() sums statistics before the F-score (hand-computed, Kazakh)", () => {
  // "қаз" vs "қазақ": o1 [3, 5, 3], o2 [2, 4, 2], o3 [1, 3, 1], o4 [0, 2, 0], o5 [0, 1, 0], o6 [0, 0, 0]
  // "ақ" vs "ақ": o1 [2, 2, 2], o2 [1, 1, 1], o3-o6 zero
  // summed: o1 [5, 7, 5], o2 [3, 5, 3], o3 [1, 3, 1], o4 [0, 2, 0], o5 [0, 1, 0]
  // P = 1, R = (5/7 + 3/5 + 1/3)/3 = (75 + 63 + 35)/105/3 = 173/315; F2 = 5R/(4 + R) = 865/1433
  close(chrfCorpus(["қаз", "ақ"], ["қазақ", "ақ"]), (100 * 865) / 1433, 1e-12);
  // The sentence mean is different: (chrf("қаз", "қазақ") = 100·215/403, chrf("ақ", "ақ") = 100)
  close((chrf("қаз", "қазақ") + chrf("ақ", "ақ")) / 2, (100 * 215 / 403 + 100) / 2, 1e-12);
  // One sentence: corpus = sentence.
  close(chrfCorpus(["қаз"], ["қазақ"]), chrf("қаз", "қазақ"), 1e-12);
  // Statistics per sentence, summed, give the corpus score.
  const stats = chrfCorpusStatistics(["қаз", "ақ"], ["қазақ", "ақ"]);
  assert.deepEqual(stats[0].slice(0, 6), [3, 5, 3, 2, 4, 2]);
  const sum = stats[0].map((x, i) => x + stats[1][i]);
  close(chrfFromStatistics(sum), chrfCorpus(["қаз", "ақ"], ["қазақ", "ақ"]), 1e-12);
});

Deno.test("chrfCorpus() on empty hypotheses and references (Russian)", () => {
  // An empty reference adds nothing and its hypothesis' n-grams are not counted either.
  close(chrfCorpus(["кот", "собака"], ["кот", ""]), 100, 1e-12);
  // An empty hypothesis adds reference n-grams: "кот" vs "кот" + "" vs "кот": R halves per order.
  // o1 [3, 6, 3], o2 [2, 4, 2], o3 [1, 2, 1]: P = 1, R = 1/2, F2 = 5·0.5/(4 + 0.5) = 5/9
  close(chrfCorpus(["кот", ""], ["кот", "кот"]), (100 * 5) / 9, 1e-12);
  assert.equal(chrfCorpus([""], [""]), 0);
  assert.equal(chrfCorpus(["", ""], ["кот", "пёс"]), 0);
});

Deno.test("chrfCorpus() equals sacrebleu's CHRF().corpus_score on Russian and Kazakh texts, every option", async () => {
  const variants: ChrfOptions[] = [
    {},
    { wordOrder: 2 },
    { lowercase: true },
    { whitespace: true },
    { epsSmoothing: true },
    { beta: 1, charOrder: 4 },
    { wordOrder: 2, lowercase: true, beta: 3 },
  ];
  const cases = variants.flatMap((options) => [
    { hyps: HYPS, refs: REFS, options },
    { hyps: ["", ""], refs: REFS.slice(0, 2), options }, // all hypotheses empty
    { hyps: HYPS.slice(4, 6), refs: REFS.slice(4, 6), options }, // all references empty
  ]);
  const ref = await sacrebleu(cases);
  cases.forEach((c, i) => {
    const mine = chrfCorpus(c.hyps, c.refs, c.options);
    assert.ok(
      Math.abs(mine - ref[i]) < 1e-9,
      `${JSON.stringify(c.options)} case ${i % 3}: ${mine} vs ${ref[i]}`,
    );
  });
  // The corpus score is not the sentence mean here.
  const mean = HYPS.reduce((s, h, i) => s + chrf(h, REFS[i]), 0) / HYPS.length;
  assert.ok(Math.abs(mean - ref[0]) > 1, `mean ${mean} vs corpus ${ref[0]}`);
});

Deno.test("chrfCorpus() equals sacrebleu on the study's eight runs (8 × 500 answers)", async () => {
  const { runs } = await loadResults(fromRoot("../shared/datasets/kz-legal-qa/results"));
  assert.equal(runs.length, 8);
  const cases = runs.map((r) => ({
    hyps: r.samples!.map((s) => s.prediction),
    refs: r.samples!.map((s) => s.reference),
    options: {},
  }));
  const ref = await sacrebleu(cases);
  cases.forEach((c, i) => {
    const mine = chrfCorpus(c.hyps, c.refs);
    assert.ok(Math.abs(mine - ref[i]) < 1e-9, `${runs[i].run.id}: ${mine} vs ${ref[i]}`);
    const mean = c.hyps.reduce((s, h, j) => s + chrf(h, c.refs[j]), 0) / c.hyps.length;
    assert.ok(
      Math.abs(mean - mine) > 0.1,
      `${runs[i].run.id}: sentence mean ${mean} = corpus ${mine}`,
    );
  });
});

Deno.test("chrfCorpus() rejects unpaired, empty and non-string input, naming the place", () => {
  assert.throws(() => chrfCorpus(["а"], ["а", "б"]), /1 hypotheses but 2 references/);
  assert.throws(() => chrfCorpus([], []), /no hypotheses/);
  assert.throws(
    () => chrfCorpus(["а", null as never], ["а", "б"]),
    /hypotheses\[1\] must be a string, got null/,
  );
  assert.throws(() => chrfCorpus(["а"], ["а"], { charOrder: 0 }), RangeError);
});
