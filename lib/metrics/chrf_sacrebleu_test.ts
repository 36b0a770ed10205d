/**
 * Sentence chrF and chrF++ (`chrf`, `chrf_pp`) against sacrebleu's own `CHRF.sentence_score`,
 * the implementation the registry's signatures name (`impl:sacrebleu-2`). A separate file from
 * chrf_test.ts because it starts Python, which puts it in the slow test tier.
 */
import assert from "node:assert/strict";
import { chrf } from "./chrf.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { referencePython } from "../testing/reference_python.ts";

/** sacrebleu's CHRF(word_order=w).sentence_score(h, [r]).score for each pair, for w = 0 and 2. */
async function sacrebleuSentence(
  pairs: { h: string; r: string }[],
): Promise<{ chrf: number; chrfPp: number }[]> {
  return await referencePython(
    `from sacrebleu.metrics import CHRF
plain, plus = CHRF(), CHRF(word_order=2)
emit([{"chrf": plain.sentence_score(p["h"], [p["r"]]).score,
       "chrfPp": plus.sentence_score(p["h"], [p["r"]]).score} for p in INPUT])`,
    pairs,
  ) as { chrf: number; chrfPp: number }[];
}

const EDGE_CASES = [
  {
    h: "Согласно ст. 152 Трудового кодекса РК, работодатель обязан (!) выплатить компенсацию.",
    r: "Работодатель обязан выплатить компенсацию согласно ст. 152 ТК РК.",
  },
  { h: "Иә, заңға сәйкес рұқсат етіледі!", r: "Иә — рұқсат етіледі, 12-бап." },
  { h: "срок,", r: "срок" },
  { h: "«Кодекс» ...", r: "Кодекс" },
  { h: "", r: "ответ" },
  { h: "ответ", r: "" },
  { h: "а", r: "а" },
  { h: "ҚАЗАҚСТАН", r: "Қазақстан" },
];

Deno.test("chrf() with wordOrder 2 (chrF++) and without equals sacrebleu's sentence_score on edge cases and the study's answers", async () => {
  const { runs } = await loadResults(fromRoot("../shared/datasets/kz-legal-qa/results"));
  // Every 10th answer of each of the eight runs (400 pairs, Russian and Kazakh, up to ~2,000 words).
  const study = runs.flatMap((run) =>
    run.samples!.filter((_, i) => i % 10 === 0).map((s) => ({ h: s.prediction, r: s.reference }))
  );
  const pairs = [...EDGE_CASES, ...study];
  assert.equal(study.length, 400);
  const expected = await sacrebleuSentence(pairs);
  pairs.forEach((p, i) => {
    const where = i < EDGE_CASES.length ? `edge case ${i}` : `study pair ${i - EDGE_CASES.length}`;
    const plain = chrf(p.h, p.r);
    const plus = chrf(p.h, p.r, { wordOrder: 2 });
    assert.ok(
      Math.abs(plain - expected[i].chrf) < 1e-9,
      `chrF, ${where}: ${plain} vs ${expected[i].chrf}`,
    );
    assert.ok(
      Math.abs(plus - expected[i].chrfPp) < 1e-9,
      `chrF++, ${where}: ${plus} vs ${expected[i].chrfPp}`,
    );
  });
  // chrF++ is not chrF under another name on these answers.
  assert.ok(
    study.some((_, i) =>
      Math.abs(expected[EDGE_CASES.length + i].chrf - expected[EDGE_CASES.length + i].chrfPp) > 1
    ),
  );
});
