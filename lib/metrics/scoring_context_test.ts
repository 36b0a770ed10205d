import assert from "node:assert/strict";
import { ScoringContext } from "./scoring_context.ts";
import { chrf } from "./chrf.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";

Deno.test("ScoringContext.chrf() shares one pass for chrF and chrF++ and equals chrf() bit for bit", async () => {
  const pairs: [string, string][] = [
    ["", ""],
    ["", "статья 12"],
    ["Статья 12 ТК РК.", ""],
    ["Еңбек кодексінің 12-бабы, 2-тармақ!", "Статья 12 Трудового кодекса"],
    ["a", "a"],
    ["  пробелы   и\tтабуляция ", "пробелы и табуляция"],
  ];
  const { runs } = await loadResults(fromRoot("data/results"));
  assert.ok(runs.every((r) => (r.samples?.length ?? 0) >= 60));
  for (const run of runs) {
    for (const s of (run.samples ?? []).slice(0, 60)) pairs.push([s.prediction, s.reference]);
  }
  for (const [p, r] of pairs) {
    const s = new ScoringContext(p, r);
    assert.equal(s.chrf(0), chrf(p, r), `chrF of ${JSON.stringify([p, r]).slice(0, 80)}`);
    assert.equal(
      s.chrf(2),
      chrf(p, r, { wordOrder: 2 }),
      `chrF++ of ${JSON.stringify([p, r]).slice(0, 80)}`,
    );
  }
  const s = new ScoringContext("Статья 12", "статья 12");
  assert.equal(s.chrfStatistics, s.chrfStatistics); // computed once
  assert.equal(s.chrfStatistics.length, 3 * 8);
});
