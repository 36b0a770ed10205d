/**
 * The comparisons an analysis plan declares, made from the loaded runs.
 * @module
 */
import type { AnalysisPlan } from "./analysis_plan.ts";
import { comparisonPattern } from "./comparison_pattern.ts";
import type { FamilyRun } from "./default_family.ts";
import type { Comparison } from "./paired_comparisons.ts";

/**
 * The pairs of every comparison of `plan.comparisons`, in the plan's order, each by its pattern
 * (see {@linkcode comparisonPattern}). Two runs are compared at most once: a pair that an earlier
 * declared comparison already made is left out of a later one (e.g. `all_pairs` after
 * `ft_vs_base` adds only the pairs not yet compared), so a test has one row and one `p_adj`.
 *
 * @example
 * ```ts
 * import { plannedComparisons } from "./planned_comparisons.ts";
 * import assert from "node:assert/strict";
 * const run = (id: string, variant: string, size_b: number | null) =>
 *   ({ run: { id, family: size_b ? "qwen3" : id, size_b, variant, rag: null }, samples: 10 }) as never;
 * const runs = [run("b4", "base", 4), run("f4", "fine-tuned", 4), run("gpt", "external", null)];
 * const plan = { comparisons: [{ comparison: "ft_vs_base", family: "primary" },
 *   { comparison: "all_pairs", family: "exploratory" }] } as never;
 * assert.deepEqual(plannedComparisons(runs, plan).map((c) => `${c.comparison}:${c.run_a}-${c.run_b}`),
 *   ["ft_vs_base:f4-b4", "all_pairs:b4-gpt", "all_pairs:f4-gpt"]);
 * ```
 */
export function plannedComparisons(
  runs: readonly FamilyRun[],
  plan: Pick<AnalysisPlan, "comparisons">,
): Comparison[] {
  const seen = new Set<string>();
  const key = (x: string, y: string) => JSON.stringify(x < y ? [x, y] : [y, x]);
  const out: Comparison[] = [];
  for (const declared of plan.comparisons) {
    const options = declared.sizes ? { sizes: declared.sizes } : {};
    for (const c of comparisonPattern(declared.comparison, runs, options)) {
      const k = key(c.run_a, c.run_b);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(c);
    }
  }
  return out;
}
