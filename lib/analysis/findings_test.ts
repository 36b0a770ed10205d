import assert from "node:assert/strict";
import { findings, verdict } from "./findings.ts";
import { readAnalysisPlan } from "./analysis_plan.ts";
import { holm } from "../stats/holm.ts";
import { fakeScored } from "../testing/fake_scored.ts";
import { planFamilies } from "./plan_families.ts";
import { pairedComparisons } from "./paired_comparisons.ts";
import { plannedComparisons } from "./planned_comparisons.ts";

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
  assert.match(result.markdown, /raised BERTScore F1 from b4 to f4/);
  assert.match(result.markdown, /did not significantly change BERTScore F1 from b8 to f8/);
});

// Scenarios on small hand-built frames: each checks the sentences against the numbers it was
// built with (direction, significance, counts), not against the study's outcome.

const plus = (shift: number) => Array.from({ length: N }, (_, i) => 0.8 + shift + wave(i));
const chrf = (shift: number) => Array.from({ length: N }, (_, i) => 30 + shift + 10 * wave(i));
/** Zero-mean noise, so that a shift of 0 is not significant. */
const jitter = (i: number) => (i % 2 ? 0.02 : -0.02);
const run = (
  id: string,
  variant: "base" | "fine-tuned" | "external",
  size_b: number | null,
  bert: number[],
  c = chrf(0),
) => ({
  id,
  variant,
  size_b,
  family: variant === "external" ? id : "qwen3",
  label: `Label ${id}`,
  values: { bertscore_f1: bert, chrf: c },
});

async function run_findings(runs: Parameters<typeof fakeScored>[0]) {
  return findings(fakeScored(runs), await readAnalysisPlan(), { resamples: 1000, seed: 3 });
}

function bullet(markdown: string, title: string): string {
  const line = markdown.split("\n").find((l) => l.startsWith(`- **${title}`));
  assert.ok(line, `no bullet "${title}" in:\n${markdown}`);
  return line;
}

Deno.test("findings(): a significant gain at one size and no change at another are said as such, and the size difference is not called small", async () => {
  const base8 = plus(0.025);
  const result = await run_findings([
    run("b4", "base", 4, plus(0)),
    run("b8", "base", 8, base8),
    run("f4", "fine-tuned", 4, plus(0.092)),
    run("f8", "fine-tuned", 8, base8.map((v, i) => v - 0.001 + jitter(i))),
  ]);
  const ft = bullet(result.markdown, "What fine-tuning changed");
  assert.match(ft, /raised BERTScore F1 from Label b4 to Label f4: .* \(\+9\.2 points \[/);
  assert.match(ft, /did not significantly change BERTScore F1 from Label b8 to Label f8/);
  assert.match(
    ft,
    /Means and differences are paired, on the 40 questions where both runs define the metric\.$/,
  );
  assert.doesNotMatch(ft, /LoRA/);
  const f8 = result.primary.find((r) => r.run_a === "f8" && r.run_b === "b8")!;
  assert.equal(verdict(f8, result.alpha), "not significant");
  const sizes = bullet(result.markdown, "Model size");
  assert.equal(result.sizes!.smallNextToFineTuning, false);
  assert.ok(Math.abs(result.sizes!.largest + 0.068) < 1e-9);
  assert.match(
    sizes,
    /The largest size difference is −6\.8 points; the fine-tuning differences are \+9\.2 points \(Label f4, higher\), −0\.1 points \(Label f8, not significant\)\./,
  );
  assert.doesNotMatch(result.markdown, /small next to/);
});

Deno.test("findings(): the largest size difference is called small next to fine-tuning only by the written rule", async () => {
  const result = await run_findings([
    run("b4", "base", 4, plus(0)),
    run("b8", "base", 8, plus(0.001)),
    run("f4", "fine-tuned", 4, plus(0.05)),
    run("f8", "fine-tuned", 8, plus(0.051)),
  ]);
  assert.equal(result.sizes!.smallNextToFineTuning, true);
  assert.match(
    bullet(result.markdown, "Model size"),
    /1 of 1 pairwise difference in BERTScore F1 is significant .* The largest size difference is \+0\.1 points, small next to the effect of fine-tuning \(at most 25% of the smallest fine-tuning difference, \+5\.0 points\)\./,
  );
});

Deno.test("findings(): when fine-tuning hurts, it 'lowered' the metric, and the external models are said to be better", async () => {
  const result = await run_findings([
    run("b4", "base", 4, plus(0.05), chrf(5)),
    run("f4", "fine-tuned", 4, plus(0), chrf(0)),
    run("gpt", "external", null, plus(0.1), chrf(10)),
  ]);
  assert.match(
    bullet(result.markdown, "What fine-tuning changed"),
    /lowered BERTScore F1 from Label b4 to Label f4: .*\(−5\.0 points/,
  );
  assert.match(
    bullet(result.markdown, "Also changed"),
    /chrF −5\.0 \(1 significantly lower after BH; paired, on the 40 questions/,
  );
  const ext = bullet(result.markdown, "Against the external models");
  assert.deepEqual(result.external, { better: 0, worse: 2, notSignificant: 0 });
  assert.match(
    ext,
    /fine-tuned runs \(Label f4\) with the external run \(Label gpt\) in BERTScore F1 and chrF/,
  );
  assert.match(
    ext,
    /significantly better in 0, significantly worse in 2 and not significantly different in 0/,
  );
  assert.doesNotMatch(result.markdown, /Qwen3|GPT/);
});

Deno.test("findings(): one size, no external model: no size or external sentence, and no model name the data lacks", async () => {
  const result = await run_findings([
    run("b4", "base", 4, plus(0)),
    run("f4", "fine-tuned", 4, plus(0.05)),
  ]);
  assert.equal(result.sizes, null);
  assert.equal(result.external, null);
  assert.doesNotMatch(result.markdown, /Model size|external|Latency|Qwen3|GPT/);
});

Deno.test("findings(): no base run: no fine-tuning sentence, and the size sentence sets nothing against fine-tuning", async () => {
  const result = await run_findings([
    run("f4", "fine-tuned", 4, plus(0)),
    run("f8", "fine-tuned", 8, plus(0.03)),
  ]);
  assert.doesNotMatch(result.markdown, /What fine-tuning changed|Also changed|small next to/);
  assert.match(
    bullet(result.markdown, "Model size"),
    /The largest size difference is \+3\.0 points\.$/,
  );
});

Deno.test("findings(): Kazakh citation default is counted and called 'most' only above half", async () => {
  const cited = "Согласно статье 5 Налогового кодекса.";
  const bare = "Салық кодексі бойынша.";
  const refs = (without: number) =>
    Array.from({ length: 36 }, (_, i) => (i < without ? `${bare} ${i}` : `${cited} ${i}`));
  const scenario = async (without: number) =>
    await run_findings([{
      ...run("f4", "fine-tuned", 4, Array(36).fill(0.8)),
      values: { bertscore_f1: Array(36).fill(0.8) },
      reference: refs(without),
      language: Array(36).fill("kz"),
    }]);
  const few = await scenario(4);
  assert.deepEqual(few.artefacts.kazakhCitations, {
    references: 36,
    withoutCitation: 4,
    mostly: false,
  });
  const text = bullet(few.markdown, "Artefact: Kazakh citation accuracy");
  assert.match(text, /4 of 36 distinct Kazakh references \(11\.1%\)/);
  assert.doesNotMatch(text, /most/);
  const many = await scenario(30);
  assert.match(
    bullet(many.markdown, "Artefact: Kazakh citation accuracy"),
    /30 of 36 .*; most of the study's Kazakh/,
  );
  const none = await scenario(0);
  assert.match(
    bullet(none.markdown, "Artefact: Kazakh citation accuracy"),
    /finds one in each of the 36 distinct Kazakh references/,
  );
});

Deno.test("findings(): with no significant effect anywhere, no sentence claims one", async () => {
  const same = (shift: number) => plus(shift).map((v, i) => v + jitter(i));
  const result = await run_findings([
    run("b4", "base", 4, plus(0)),
    run("b8", "base", 8, plus(0)),
    run("f4", "fine-tuned", 4, same(0)),
    run("f8", "fine-tuned", 8, same(0).map((v, i) => v + jitter(i + 1) / 2)),
    run("gpt", "external", null, same(0), chrf(0).map((v, i) => v + 10 * jitter(i))),
  ]);
  for (const r of [...result.primary, ...result.exploratory]) {
    assert.equal(
      verdict(r, result.alpha),
      "not significant",
      `${r.run_a} − ${r.run_b} ${r.metric}`,
    );
  }
  const ft = bullet(result.markdown, "What fine-tuning changed");
  assert.doesNotMatch(ft, /raised|lowered/);
  assert.match(
    bullet(result.markdown, "Model size"),
    /0 of 1 pairwise difference in BERTScore F1 is significant .*; fine-tuning changed BERTScore F1 significantly at no size, so there is no fine-tuning effect to set it against\./,
  );
  assert.deepEqual(result.external, { better: 0, worse: 0, notSignificant: 4 });
  assert.match(
    bullet(result.markdown, "Against the external models"),
    /significantly better in 0, significantly worse in 0 and not significantly different in 4\./,
  );
  assert.doesNotMatch(result.markdown, /small next to|e\.g\./);
});

Deno.test("findings() quote each test with the p_adj of its declared family, the one paired.csv shows", async () => {
  const plan = await readAnalysisPlan();
  const scored = study();
  const opts = { resamples: 2000, seed: 1 };
  const result = findings(scored, plan, opts);
  // paired.csv: the plan's comparisons on every metric, families by the plan (notebook 30).
  const table = planFamilies(
    pairedComparisons(scored, plannedComparisons(scored.runs, plan), {
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

Deno.test("findings(): a fine-tuned run that shares no question with its base or the external run is said so, not dropped", async () => {
  const ids = (from: number) => Array.from({ length: N }, (_, i) => `${from + i}`);
  const result = await run_findings([
    { ...run("b4", "base", 4, plus(0)), ids: ids(0) },
    { ...run("f4", "fine-tuned", 4, plus(0.05)), ids: ids(N) },
    { ...run("gpt", "external", null, plus(0.01)), ids: ids(0) },
  ]);
  assert.match(
    bullet(result.markdown, "What fine-tuning changed"),
    /fine-tuning could not be compared from Label b4 to Label f4 \(the runs share no question\)\.$/,
  );
  assert.match(result.markdown, /The primary family has no test of BERTScore F1/);
  assert.doesNotMatch(result.markdown, /\b0 tests\b/);
  assert.doesNotMatch(result.markdown, /raised|lowered|Means and differences/);
  assert.match(
    bullet(result.markdown, "Against the external models"),
    /Label f4 and Label gpt share no question, so they cannot be compared\.$/,
  );
  assert.equal(result.external, null);
});

Deno.test("findings(): three fine-tuned sizes give the adjacent pairs a plan declares, or every two when it asks (the study's)", async () => {
  const runs = [
    run("f4", "fine-tuned", 4, plus(0)),
    run("f8", "fine-tuned", 8, plus(0.05)),
    run("f14", "fine-tuned", 14, plus(0.1)),
  ];
  const study = await readAnalysisPlan();
  const plan = {
    ...study,
    comparisons: study.comparisons.map((c) =>
      c.comparison === "ft_sizes" ? { ...c, sizes: "adjacent" as const } : c
    ),
  };
  const adjacent = findings(fakeScored(runs), plan, { resamples: 1000, seed: 3 });
  assert.deepEqual(
    adjacent.primary.map((r) => `${r.run_a}-${r.run_b}`),
    ["f8-f4", "f14-f8"],
  );
  assert.match(
    bullet(adjacent.markdown, "Model size"),
    /^- \*\*Model size among the fine-tuned models\.\*\* 2 of 2 adjacent-size differences in BERTScore F1 are significant in the primary family/,
  );
  const all = {
    ...plan,
    comparisons: plan.comparisons.map((c) =>
      c.comparison === "ft_sizes" ? { ...c, sizes: "all" as const } : c
    ),
  };
  const every = findings(fakeScored(runs), all, { resamples: 1000, seed: 3 });
  assert.deepEqual(
    every.primary.map((r) => `${r.run_a}-${r.run_b}`),
    ["f8-f4", "f14-f4", "f14-f8"],
  );
  assert.match(bullet(every.markdown, "Model size"), /3 of 3 pairwise differences in BERTScore F1/);
});
