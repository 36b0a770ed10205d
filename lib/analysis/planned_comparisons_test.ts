import assert from "node:assert/strict";
import { plannedComparisons } from "./planned_comparisons.ts";
import { comparisonPattern } from "./comparison_pattern.ts";
import { defaultFamily } from "./default_family.ts";
import { readAnalysisPlan } from "./analysis_plan.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";

const s = [{ metrics: { m: 1 } }];

/** k sizes of base and fine-tuned runs of one family, and two external references. */
function runs(k: number) {
  const out = [];
  for (let size = 1; size <= k; size++) {
    out.push(fakeRun(`b${size}`, s, { variant: "base", size_b: size }));
  }
  for (let size = 1; size <= k; size++) out.push(fakeRun(`f${size}`, s, { size_b: size }));
  out.push(fakeRun("g", s, { variant: "external", size_b: null, family: "gpt-4o" }));
  out.push(fakeRun("gm", s, { variant: "external", size_b: null, family: "gpt-4o-mini" }));
  return scoredFromRuns(out).runs;
}

const names = (cs: { comparison: string; run_a: string; run_b: string }[]) =>
  cs.map((c) => `${c.comparison}:${c.run_a}-${c.run_b}`);

/** The study's plan with adjacent fine-tuned sizes, as a sweep declares it (and scale-report writes). */
async function sweepPlan() {
  const study = await readAnalysisPlan();
  return {
    comparisons: study.comparisons.map((c) =>
      c.comparison === "ft_sizes" ? { ...c, sizes: "adjacent" as const } : c
    ),
  };
}

Deno.test("a sweep's plan (adjacent sizes) grows linearly with the runs: k sizes give k + (k − 1) + 2(2k) + 1 comparisons", async () => {
  const plan = await sweepPlan();
  for (const k of [1, 3, 15]) {
    const got = plannedComparisons(runs(k), plan);
    assert.equal(got.length, k + (k - 1) + 2 * (2 * k) + 1, `k = ${k}`);
  }
  // The scale report's 32 runs (15 sizes): 90 comparisons, where every two sizes gave 181.
  const all = {
    comparisons: plan.comparisons.map((c) => c.sizes ? { ...c, sizes: "all" as const } : c),
  };
  assert.equal(plannedComparisons(runs(15), plan).length, 90);
  assert.equal(plannedComparisons(runs(15), all).length, 181);
});

Deno.test("plannedComparisons() follows the plan's order and compares two runs once", () => {
  const r = runs(2);
  const plan = {
    comparisons: [
      { comparison: "vs_external" as const, family: "exploratory" as const },
      { comparison: "all_pairs" as const, family: "exploratory" as const },
    ],
  };
  const got = names(plannedComparisons(r, plan));
  // 15 pairs of 6 runs, each once; the references' pairs keep vs_external's orientation.
  assert.equal(got.length, 15);
  assert.equal(new Set(got.map((x) => x.split(":")[1].split("-").sort().join())).size, 15);
  assert.deepEqual(got.slice(0, 2), ["vs_external:b1-g", "vs_external:b1-gm"]);
  assert.ok(got.includes("all_pairs:f1-b1"));
  assert.ok(got.includes("all_pairs:b2-b1"));
  assert.ok(!got.some((x) => x.startsWith("all_pairs:") && /-(g|gm)$/.test(x)));
});

Deno.test("comparisonPattern() all_pairs puts the non-reference run first and the later-listed one otherwise", () => {
  assert.deepEqual(names(comparisonPattern("all_pairs", runs(1))), [
    "all_pairs:f1-b1",
    "all_pairs:b1-g",
    "all_pairs:b1-gm",
    "all_pairs:f1-g",
    "all_pairs:f1-gm",
    "all_pairs:gm-g",
  ]);
  assert.throws(
    () => comparisonPattern("nearest" as never, runs(1)),
    /Unknown comparison pattern "nearest"/,
  );
});

Deno.test("comparisonPattern() ft_sizes: adjacent sizes per model family, with a gap in the sizes", () => {
  const r = scoredFromRuns([
    fakeRun("a1", s, { size_b: 1 }),
    fakeRun("a4", s, { size_b: 4 }),
    fakeRun("a14", s, { size_b: 14 }),
    fakeRun("c2", s, { size_b: 2, family: "other" }),
    fakeRun("c8", s, { size_b: 8, family: "other" }),
  ]).runs;
  assert.deepEqual(names(comparisonPattern("ft_sizes", r)), [
    "ft_sizes:a4-a1",
    "ft_sizes:a14-a4",
    "ft_sizes:c8-c2",
  ]);
  assert.equal(comparisonPattern("ft_sizes", r, { sizes: "all" }).length, 4);
});

Deno.test("defaultFamily() is the plan's patterns with their defaults (adjacent sizes)", async () => {
  const r = runs(3);
  assert.deepEqual(defaultFamily(r), plannedComparisons(r, await sweepPlan()));
  // The study's plan asks for every two sizes: one more comparison among three sizes.
  assert.equal(plannedComparisons(r, await readAnalysisPlan()).length, defaultFamily(r).length + 1);
});
