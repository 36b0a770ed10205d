import assert from "node:assert/strict";
import { pairedComparisons } from "./paired_comparisons.ts";
import { defaultFamily } from "./default_family.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { loadScored, scoredFromRuns } from "../scored/load_scored.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { pairedBootstrapCi } from "../stats/paired_bootstrap.ts";
import { seededRandom } from "../stats/rng.ts";

Deno.test("pairedComparisons() uses the sign convention run_a − run_b and pairs by question id", () => {
  // b lists the same questions in reverse order: pairing is by id, not position.
  const q = (id: string, m: number) => ({ id, reference: `ref ${id}`, metrics: { m } });
  const a = fakeRun("a", [q("q1", 1), q("q2", 0.5), q("q3", 0)]);
  const b = fakeRun("b", [q("q3", 0), q("q2", 0.25), q("q1", 0.5)]);
  const scored = scoredFromRuns([a, b]);
  const opts = { resamples: 500, permutations: 99 };
  const [ab] = pairedComparisons(scored, [{ run_a: "a", run_b: "b", comparison: "x" }], opts).rows;
  const [ba] = pairedComparisons(scored, [{ run_a: "b", run_b: "a", comparison: "x" }], opts).rows;
  assert.equal(ab.diff, 0.25); // (0.5 + 0.25 + 0) / 3
  assert.equal(ba.diff, -0.25);
  assert.equal(ab.p, ba.p);
  assert.ok(Math.abs(ab.effect! + ba.effect!) < 1e-12);
});

Deno.test("pairedComparisons() pairs only questions both runs answered, and says which it left out", () => {
  const a = fakeRun("ft_4b", [{ id: "1", reference: "статья 1", metrics: { m: 1 } }, {
    id: "2",
    reference: "статья 2",
    metrics: { m: 1 },
  }]);
  const b = fakeRun("base_4b", [{ id: "1", reference: "статья 1", metrics: { m: 0 } }, {
    id: "7",
    reference: "статья 7",
    metrics: { m: 0 },
  }]);
  const c = [{ run_a: "ft_4b", run_b: "base_4b", comparison: "x" }];
  const { rows, notes } = pairedComparisons(scoredFromRuns([a, b]), c, {
    resamples: 200,
    permutations: 99,
  });
  assert.equal(rows[0].n, 1);
  assert.deepEqual(notes, [
    'ft_4b vs base_4b: compared on 1 common questions; 1 only in ft_4b ("2"); 1 only in base_4b ("7").',
  ]);
  assert.throws(
    () => pairedComparisons(scoredFromRuns([a]), c),
    /run "base_4b" is not among the loaded runs/,
  );
  assert.throws(
    () => pairedComparisons(scoredFromRuns([a, fakeRun("base_4b", null)]), c),
    /"base_4b".*no per-sample records/,
  );
});

Deno.test("pairedComparisons() never pairs a run whose rows were rotated (same ids, other questions)", () => {
  const refs = ["статья 1 ГК", "Еңбек кодексінің 88-бабы", "статья 5 НК", "пункт 2 статьи 9"];
  const a = fakeRun(
    "a",
    refs.map((reference, i) => ({ id: String(i), reference, metrics: { m: i } })),
  );
  const rotated = fakeRun(
    "b",
    refs.map((_, i) => ({
      id: String(i),
      reference: refs[(i + 1) % refs.length],
      metrics: { m: (i + 1) % refs.length },
    })),
  );
  const { rows, notes } = pairedComparisons(
    scoredFromRuns([a, rotated]),
    [{ run_a: "a", run_b: "b", comparison: "x" }],
    { resamples: 200, permutations: 99 },
  );
  assert.deepEqual(rows, [], "no pair survives: every id carries another question");
  assert.match(
    notes[0],
    /compared on 0 common questions; 4 question id\(s\) carry different questions/,
  );
});

Deno.test("pairedComparisons() drops null pairs, reports n, and skips metrics one run lacks", () => {
  const a = fakeRun("a", [{ metrics: { m: 1, v2: null, bleu: 0.1 } }, {
    metrics: { m: 0, v2: 0.5, bleu: 0.2 },
  }, { metrics: { m: 1, v2: 1, bleu: 0 } }]);
  const b = fakeRun("b", [{ metrics: { m: 0, v2: 0 } }, { metrics: { m: 0, v2: null } }, {
    metrics: { m: 0, v2: 0.5 },
  }]);
  const { rows } = pairedComparisons(
    scoredFromRuns([a, b]),
    [{ run_a: "a", run_b: "b", comparison: "x" }],
    { resamples: 200, permutations: 99, metrics: ["m", "v2", "bleu"] },
  );
  assert.deepEqual(rows.map((r) => [r.metric, r.n, r.diff]), [["m", 3, 2 / 3], ["v2", 1, 0.5]]);
  assert.equal(rows[1].effect, null); // one pair: d_z undefined
});

Deno.test("pairedComparisons() matches pairedBootstrapCi() and leaves p unadjusted (no p_holm, p_bh or p_adj)", () => {
  const random = seededRandom(12);
  const xs = Array.from({ length: 80 }, () => random());
  const a = fakeRun("a", xs.map((x) => ({ metrics: { m: x + 0.02 * random(), k: x } })));
  const b = fakeRun("b", xs.map((x) => ({ metrics: { m: x, k: x + 0.3 * (random() - 0.5) } })));
  const { rows } = pairedComparisons(
    scoredFromRuns([a, b]),
    [{ run_a: "a", run_b: "b", comparison: "x" }],
    { resamples: 1000, permutations: 999, seed: 3 },
  );
  const ci = pairedBootstrapCi(
    a.samples!.map((s) => s.metrics.m),
    b.samples!.map((s) => s.metrics.m),
    { resamples: 1000, seed: 3 },
  );
  const m = rows.find((r) => r.metric === "m")!;
  assert.deepEqual([m.diff, m.lo, m.hi, m.n], [ci.mean, ci.lo, ci.hi, ci.n]);
  // A row's adjusted p-value comes from its table's families (planFamilies), never from here.
  for (const r of rows) {
    assert.deepEqual(Object.keys(r).filter((k) => /^p_(holm|bh|adj)$/.test(k)), []);
  }
});

Deno.test("pairedComparisons() on the study's files: the default family, 500 pairs, p in [0, 1]", async () => {
  const scored = await loadScored(STUDY_RESULTS);
  const family = defaultFamily(scored.runs);
  // 3 FT vs base, 2 adjacent FT size pairs, 6 runs × 2 references + GPT-4o mini vs GPT-4o.
  assert.equal(family.length, 18);
  const legacy = ["bertscore_f1", "citation_accuracy", "hallucination_rate", "key_info", "rouge1"]
    .concat(["rouge2", "rougeL", "bleu", "length_ratio", "latency_s"]);
  const { rows, notes } = pairedComparisons(scored, family, {
    resamples: 1000,
    permutations: 999,
    metrics: legacy,
  });
  assert.deepEqual(notes, [], "every pair of study files answered the same 500 questions");
  // BLEU is missing from the GPT files: 18 × 10 metrics − 13 comparisons with a GPT run.
  assert.equal(rows.length, 18 * 10 - 13);
  assert.ok(rows.every((r) => r.n === 500));
  for (const r of rows) assert.ok(r.p! >= 0 && r.p! <= 1);
  // Fine-tuning raises BERTScore F1 by about 0.08 at every size (study table: 0.82 → 0.90).
  for (
    const r of rows.filter((r) => r.comparison === "ft_vs_base" && r.metric === "bertscore_f1")
  ) {
    assert.ok(r.diff! > 0.07 && r.lo! > 0.05, `${r.run_a}: ${r.diff}`);
  }
});
