import assert from "node:assert/strict";
import { parseAnalysisPlan, readAnalysisPlan } from "./analysis_plan.ts";

const V2 = {
  format: "workbench-analysis-plan",
  version: 2,
  note: "",
  primary_metric: "bertscore_f1",
  alpha: 0.05,
  comparisons: [
    { comparison: "ft_vs_base", family: "primary", hypothesis: "fine-tuning changes it" },
    { comparison: "ft_sizes", sizes: "all", family: "primary", hypothesis: "sizes differ" },
    { comparison: "vs_external", family: "exploratory" },
  ],
  primary_correction: "holm",
  exploratory_correction: "benjamini-hochberg",
};

Deno.test("parseAnalysisPlan() reads a version-2 plan and derives its primary hypotheses", () => {
  const plan = parseAnalysisPlan(V2, "plan.json");
  assert.equal(plan.version, 2);
  assert.deepEqual(plan.comparisons.map((c) => [c.comparison, c.family, c.sizes]), [
    ["ft_vs_base", "primary", undefined],
    ["ft_sizes", "primary", "all"],
    ["vs_external", "exploratory", undefined],
  ]);
  assert.deepEqual(plan.primary, [
    { comparison: "ft_vs_base", hypothesis: "fine-tuning changes it" },
    { comparison: "ft_sizes", hypothesis: "sizes differ" },
  ]);
});

Deno.test("parseAnalysisPlan() refuses unknown fields, kinds and options, naming the file and the place", () => {
  const bad = (patch: Record<string, unknown>, message: RegExp) =>
    assert.throws(() => parseAnalysisPlan({ ...V2, ...patch }, "p.json"), message);
  const comparisons = (c: Record<string, unknown>) => ({ comparisons: [c] });
  bad({ families: [] }, /"p\.json": unknown field "families" in a version-2 plan \(expected: /);
  bad({ primary: [] }, /unknown field "primary" in a version-2 plan/);
  bad({ version: 3 }, /version must be 2 \(or 1, read as the plan it meant\), got 3/);
  bad(
    comparisons({ comparison: "ft_vs_base", family: "exploratory", pairs: "all" }),
    /comparisons\[0\] has an unknown field "pairs" \(expected: comparison, family, hypothesis, sizes\)/,
  );
  bad(
    comparisons({ comparison: "everything", family: "exploratory" }),
    /comparisons\[0\]\.comparison must be one of ft_vs_base, ft_sizes, vs_external, all_pairs, got "everything"/,
  );
  bad(comparisons({ comparison: "ft_vs_base", family: "primary" }), /is primary, so it must state/);
  bad(comparisons({ comparison: "ft_vs_base", family: "main" }), /family must be "primary" or/);
  bad(
    comparisons({ comparison: "ft_vs_base", family: "exploratory", sizes: "all" }),
    /comparisons\[0\]\.sizes applies to "ft_sizes" only/,
  );
  bad(
    comparisons({ comparison: "ft_sizes", family: "exploratory", sizes: "some" }),
    /sizes must be "adjacent" or "all", got "some"/,
  );
  bad({ comparisons: [] }, /comparisons must list comparisons/);
  bad(
    { comparisons: [V2.comparisons[2], V2.comparisons[2]] },
    /comparisons\[1\]: "vs_external" is declared twice/,
  );
});

Deno.test("parseAnalysisPlan() reads a version-1 plan as the plan it meant: every two sizes, the listed kinds primary", () => {
  const { comparisons: _, ...rest } = V2;
  const v1 = {
    ...rest,
    version: 1,
    primary: [{ comparison: "ft_vs_base", hypothesis: "h" }],
  };
  const plan = parseAnalysisPlan(v1, "old.json");
  assert.equal(plan.version, 2);
  assert.deepEqual(plan.comparisons, [
    { comparison: "ft_vs_base", family: "primary", hypothesis: "h" },
    { comparison: "ft_sizes", family: "exploratory", sizes: "all" },
    { comparison: "vs_external", family: "exploratory" },
  ]);
  assert.deepEqual(plan.primary, [{ comparison: "ft_vs_base", hypothesis: "h" }]);
  assert.throws(
    () => parseAnalysisPlan({ ...v1, comparisons: [] }, "old.json"),
    /unknown field "comparisons" in a version-1 plan/,
  );
});

Deno.test("the study's plan declares every two sizes (as before the results were read), and its primary family on BERTScore F1", async () => {
  const plan = await readAnalysisPlan();
  assert.deepEqual(plan.comparisons.map((c) => [c.comparison, c.family, c.sizes]), [
    ["ft_vs_base", "primary", undefined],
    ["ft_sizes", "primary", "all"],
    ["vs_external", "exploratory", undefined],
  ]);
  assert.equal(plan.primary_metric, "bertscore_f1");
});
