/**
 * The default comparisons of the study's design, for sections outside the paired section.
 * @module
 */
import type { RunInfo } from "../results/run_result.ts";
import { comparisonPattern } from "./comparison_pattern.ts";
import type { Comparison } from "./paired_comparisons.ts";

/** A run as the family sees it: identity and whether it has per-sample records. */
export interface FamilyRun {
  run: RunInfo;
  /** Number of per-sample records (0: summary only). */
  samples: number;
}

/**
 * The patterns `ft_vs_base`, `ft_sizes` (adjacent sizes) and `vs_external` with their defaults
 * (see `comparisonPattern()`), in that order. Sections that compare fine-tuned runs with their
 * base outside the paired section (samples, domains, answer behaviour) take its `ft_vs_base`
 * pairs; the paired section and the findings compare what the analysis plan declares
 * (`plannedComparisons()`).
 *
 * @example
 * ```ts
 * import { defaultFamily } from "./default_family.ts";
 * import assert from "node:assert/strict";
 * const run = (id: string, variant: string, size_b: number | null) =>
 *   ({ run: { id, family: size_b ? "qwen3" : id, size_b, variant, rag: null }, samples: 10 }) as never;
 * const family = defaultFamily([run("b4", "base", 4), run("f4", "fine-tuned", 4), run("f8", "fine-tuned", 8),
 *   run("gpt", "external", null)]);
 * assert.deepEqual(family.map((c) => `${c.comparison}:${c.run_a}-${c.run_b}`),
 *   ["ft_vs_base:f4-b4", "ft_sizes:f8-f4", "vs_external:b4-gpt", "vs_external:f4-gpt", "vs_external:f8-gpt"]);
 * ```
 */
export function defaultFamily(runs: readonly FamilyRun[]): Comparison[] {
  return (["ft_vs_base", "ft_sizes", "vs_external"] as const).flatMap((kind) =>
    comparisonPattern(kind, runs)
  );
}
