import assert from "node:assert/strict";
import { pairedComparisons } from "./paired_comparisons.ts";
import { defaultFamily } from "./default_family.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../paths.ts";
import { pairedBootstrapCi } from "../stats/paired_bootstrap.ts";
import { seededRandom } from "../stats/rng.ts";

const STUDY = fromRoot("../shared/datasets/kz-legal-qa/results");

Deno.test("pairedComparisons() uses the sign convention run_a − run_b and pairs by question id", () => {
  // b lists the same questions in reverse order: pairing is by id, not position.
  const a = fakeRun("a", [{ id: "q1", metrics: { m: 1 } }, { id: "q2", metrics: { m: 0.5 } }, {
    id: "q3",
    metrics: { m: 0 },
  }]);
  const b = fakeRun("b", [{ id: "q3", metrics: { m: 0 } }, { id: "q2", metrics: { m: 0.25 } }, {
    id: "q1",
    metrics: { m: 0.5 },
  }]);
  const [ab] = pairedComparisons([a, b], [{ run_a: "a", run_b: "b", comparison: "x" }], {
    resamples: 500,
    permutations: 99,
  });
  const [ba] = pairedComparisons([a, b], [{ run_a: "b", run_b: "a", comparison: "x" }], {
    resamples: 500,
    permutations: 99,
  });
  assert.equal(ab.diff, 0.25); // (0.5 + 0.25 + 0) / 3
  assert.equal(ba.diff, -0.25);
  assert.equal(ab.p, ba.p);
  assert.ok(Math.abs(ab.effect! + ba.effect!) < 1e-12);
});

Deno.test("pairedComparisons() refuses runs on different questions, naming both and the id, unless intersect", () => {
  const a = fakeRun("ft_4b", [{ id: "1", metrics: { m: 1 } }, { id: "2", metrics: { m: 1 } }]);
  const b = fakeRun("base_4b", [{ id: "1", metrics: { m: 0 } }, { id: "7", metrics: { m: 0 } }]);
  const c = [{ run_a: "ft_4b", run_b: "base_4b", comparison: "x" }];
  assert.throws(
    () => pairedComparisons([a, b], c),
    /Runs "ft_4b" and "base_4b" are not paired: question id "2"/,
  );
  const rows = pairedComparisons([a, b], c, { intersect: true, resamples: 200, permutations: 99 });
  assert.equal(rows[0].n, 1);
  assert.throws(() => pairedComparisons([a], c), /run "base_4b" is not among the loaded runs/);
  assert.throws(
    () => pairedComparisons([a, fakeRun("base_4b", null)], c),
    /"base_4b".*no per-sample records/,
  );
});

Deno.test("pairedComparisons() drops null pairs, reports n, and skips metrics one run lacks", () => {
  const a = fakeRun("a", [{ metrics: { m: 1, v2: null, bleu: 0.1 } }, {
    metrics: { m: 0, v2: 0.5, bleu: 0.2 },
  }, { metrics: { m: 1, v2: 1, bleu: 0 } }]);
  const b = fakeRun("b", [{ metrics: { m: 0, v2: 0 } }, { metrics: { m: 0, v2: null } }, {
    metrics: { m: 0, v2: 0.5 },
  }]);
  const rows = pairedComparisons([a, b], [{ run_a: "a", run_b: "b", comparison: "x" }], {
    resamples: 200,
    permutations: 99,
  });
  assert.deepEqual(rows.map((r) => [r.metric, r.n, r.diff]), [["m", 3, 2 / 3], ["v2", 1, 0.5]]);
  assert.equal(rows[1].effect, null); // one pair: d_z undefined
});

Deno.test("pairedComparisons() matches pairedBootstrapCi() and adjusts over the whole family", () => {
  const random = seededRandom(12);
  const xs = Array.from({ length: 80 }, () => random());
  const a = fakeRun("a", xs.map((x) => ({ metrics: { m: x + 0.02 * random(), k: x } })));
  const b = fakeRun("b", xs.map((x) => ({ metrics: { m: x, k: x + 0.3 * (random() - 0.5) } })));
  const rows = pairedComparisons([a, b], [{ run_a: "a", run_b: "b", comparison: "x" }], {
    resamples: 1000,
    permutations: 999,
    seed: 3,
    benjaminiHochberg: true,
  });
  const ci = pairedBootstrapCi(
    a.samples!.map((s) => s.metrics.m),
    b.samples!.map((s) => s.metrics.m),
    { resamples: 1000, seed: 3 },
  );
  const m = rows.find((r) => r.metric === "m")!;
  assert.deepEqual([m.diff, m.lo, m.hi, m.n], [ci.mean, ci.lo, ci.hi, ci.n]);
  const sorted = rows.map((r) => r.p!).sort((x, y) => x - y);
  assert.equal(Math.min(...rows.map((r) => r.p_holm!)), Math.min(1, 2 * sorted[0]));
  assert.ok(rows.every((r) => r.p_bh !== undefined && r.p_bh! <= r.p_holm!));
});

Deno.test("pairedComparisons() on the study's files: the default family, 500 pairs, Holm over all rows", async () => {
  const results = await loadResults(STUDY);
  const family = defaultFamily(results.runs);
  // 3 FT vs base, 3 FT size pairs, 6 runs × 2 references + GPT-4o mini vs GPT-4o.
  assert.equal(family.length, 19);
  const rows = pairedComparisons(results.runs, family, { resamples: 1000, permutations: 999 });
  // BLEU is missing from the GPT files: 19 × 10 metrics − 14 comparisons with a GPT run × 1.
  assert.equal(rows.length, 19 * 10 - 13);
  assert.ok(rows.every((r) => r.n === 500));
  for (const r of rows) assert.ok(r.p_holm! >= r.p! && r.p_holm! <= 1);
  // Fine-tuning raises BERTScore F1 by about 0.08 at every size (study table: 0.82 → 0.90).
  for (
    const r of rows.filter((r) => r.comparison === "ft_vs_base" && r.metric === "bertscore_f1")
  ) {
    assert.ok(r.diff! > 0.07 && r.lo! > 0.05, `${r.run_a}: ${r.diff}`);
  }
});
