import assert from "node:assert/strict";
import { findings } from "./findings.ts";
import { readAnalysisPlan } from "./analysis_plan.ts";
import { holm } from "../stats/holm.ts";
import { fakeScored } from "../testing/fake_scored.ts";
import { planFamilies } from "./plan_families.ts";
import { pairedComparisons } from "./paired_comparisons.ts";
import { defaultFamily } from "./default_family.ts";

const N = 40;
const wave = (i: number) => ((i * 7) % 11) / 100; // a spread without randomness

function study() {
  const values = (shift: number, chrfShift: number) => ({
    bertscore_f1: Array.from({ length: N }, (_, i) => 0.8 + shift + wave(i)),
    chrf: Array.from({ length: N }, (_, i) => 30 + chrfShift + 10 * wave(i)),
  });
  return fakeScored([
    { id: "b4", variant: "base", size_b: 4, values: values(0, 0) },
    { id: "b8", variant: "base", size_b: 8, values: values(0.001, 0) },
    // Fine-tuning adds 0.05 to every answer's BERTScore at 4B and nothing at 8B (sign-flip p = 1).
    { id: "f4", size_b: 4, values: values(0.05, 5) },
    { id: "f8", size_b: 8, values: values(0.001, 0) },
  ]);
}

Deno.test("findings(): the plan's primary family is Holm-adjusted together, the quoted exploratory tests carry BH, p_adj says which", async () => {
  const plan = await readAnalysisPlan();
  const result = findings(study(), plan, { resamples: 2000, seed: 1 });
  // Primary: ft_vs_base at 4B and 8B, and the one pair of fine-tuned sizes, on BERTScore F1.
  assert.deepEqual(
    result.primary.map((r) => `${r.comparison}:${r.run_a}-${r.run_b}:${r.metric}`).sort(),
    [
      "ft_sizes:f8-f4:bertscore_f1",
      "ft_vs_base:f4-b4:bertscore_f1",
      "ft_vs_base:f8-b8:bertscore_f1",
    ],
  );
  const f4 = result.primary.find((r) => r.run_a === "f4" && r.run_b === "b4")!;
  assert.ok(Math.abs(f4.diff! - 0.05) < 1e-12);
  // Every one of 40 differences is +0.05: the exact sign-flip p is 2 / 2^40.
  assert.equal(f4.p, 2 / 2 ** 40);
  const f8 = result.primary.find((r) => r.run_a === "f8" && r.run_b === "b8")!;
  assert.equal(f8.diff, 0);
  assert.equal(f8.p, 1);
  const holmP = holm(result.primary.map((r) => r.p!));
  result.primary.forEach((r, i) => {
    assert.equal(r.p_adj, holmP[i]);
    assert.equal(r.correction, "holm");
    assert.equal(r.family, "primary");
  });
  assert.ok(result.exploratory.length > 0);
  result.exploratory.forEach((r) => {
    assert.equal(r.correction, "bh");
    assert.ok(
      !(r.metric === plan.primary_metric && r.comparison !== "vs_external"),
      "a primary test is never also exploratory",
    );
  });
  assert.match(result.markdown, /raised b4 → f4/);
  assert.match(result.markdown, /did not significantly change b8 → f8/);
});

Deno.test("findings() quote each test with the p_adj of its declared family, the one paired.csv shows", async () => {
  const plan = await readAnalysisPlan();
  const scored = study();
  const opts = { resamples: 2000, seed: 1 };
  const result = findings(scored, plan, opts);
  // paired.csv: the default family on every metric, families by the plan (notebook 30).
  const table = planFamilies(
    pairedComparisons(scored, defaultFamily(scored.runs), {
      ...opts,
      permutations: opts.resamples,
    }).rows,
    plan,
  );
  const key = (r: { run_a: string; run_b: string; metric: string }) =>
    `${r.run_a}-${r.run_b}:${r.metric}`;
  // The table's exploratory family is larger than the tests the findings quote (chrF of
  // ft_sizes is in the table only), so BH over the quoted subset would give other values.
  assert.ok(
    table.filter((r) => r.family === "exploratory").length > result.exploratory.length,
  );
  for (const r of [...result.primary, ...result.exploratory]) {
    const row = table.find((t) => key(t) === key(r));
    assert.ok(row, `${key(r)} is not in the paired table`);
    assert.equal(r.family, row.family, key(r));
    assert.equal(r.correction, row.correction, key(r));
    assert.equal(r.p_adj, row.p_adj, `${key(r)}: findings p_adj ${r.p_adj}, table ${row.p_adj}`);
  }
});
