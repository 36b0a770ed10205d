/**
 * The paired table of the report (`paired.csv`): every comparison the analysis plan declares
 * (see {@linkcode plannedComparisons}) on every metric, each test labelled with its declared
 * family and adjusted within it (see {@linkcode planFamilies}). It is the one place where a test
 * of the paired section gets its adjusted p-value: a section that quotes such a test (the
 * findings) looks its row up here rather than adjusting again over the tests it happens to quote,
 * so one test carries one `p_adj` everywhere in the report.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import type { AnalysisPlan } from "./analysis_plan.ts";
import { plannedComparisons } from "./planned_comparisons.ts";
import {
  type Comparison,
  type PairedComparisons,
  pairedComparisons,
  type PairedRow,
} from "./paired_comparisons.ts";
import { type FamilyRow, planFamilies } from "./plan_families.ts";

/** Options for {@linkcode pairedFamilyTable}. */
export interface PairedFamilyTableOptions {
  /** Bootstrap resamples, and as many sign flips. Default: `10_000`. */
  resamples?: number;
  /** Seed of the bootstrap and the sign flips. Default: `42`. */
  seed?: number;
}

/** The rows of {@linkcode pairedFamilyTable}, the comparisons they come from, and what the pairing left out. */
export interface PairedFamilyTable {
  rows: FamilyRow<PairedRow>[];
  /** The plan's comparisons among the loaded runs (a comparison with no defined metric has no row). */
  comparisons: Comparison[];
  /** One sentence per comparison whose runs did not pair on every question. */
  notes: string[];
}

/**
 * Runs the plan's comparisons on every metric and adjusts each row within its family of the plan
 * (Holm over the primary family, BH over the other rows of the table).
 *
 * @example
 * ```ts
 * import { pairedFamilyTable } from "./paired_family_table.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([
 *   { id: "b", variant: "base", size_b: 4, values: { bertscore_f1: [0.5, 0.6, 0.7], chrf: [10, 20, 30] } },
 *   { id: "f", size_b: 4, values: { bertscore_f1: [0.6, 0.7, 0.8], chrf: [20, 20, 40] } },
 * ]);
 * const plan = { primary_metric: "bertscore_f1", alpha: 0.05,
 *   comparisons: [{ comparison: "ft_vs_base", family: "primary" }] } as never;
 * const { rows } = pairedFamilyTable(scored, plan, { resamples: 200 });
 * assert.deepEqual(rows.map((r) => [r.metric, r.family, r.correction]),
 *   [["bertscore_f1", "primary", "holm"], ["chrf", "exploratory", "bh"]]);
 * ```
 */
export function pairedFamilyTable(
  scored: ScoredResults,
  plan: AnalysisPlan,
  options: PairedFamilyTableOptions = {},
): PairedFamilyTable {
  const { resamples = 10_000, seed = 42 } = options;
  const comparisons = plannedComparisons(scored.runs, plan);
  const computed: PairedComparisons = comparisons.length
    ? pairedComparisons(scored, comparisons, { resamples, permutations: resamples, seed })
    : { rows: [], notes: [] };
  return { rows: planFamilies(computed.rows, plan), comparisons, notes: computed.notes };
}
