/**
 * Which family each paired test belongs to, by the analysis plan: the tests of the plan's primary
 * comparisons on its primary metric form the primary family, Holm-adjusted together; every other
 * row is exploratory, Benjamini–Hochberg-adjusted within its table (or within each group of rows,
 * e.g. per metric). `p_adj` is the adjusted p-value of the row's own family. This is the one place
 * where a paired row gets an adjusted p-value (the rule: `docs/families.md`).
 * @module
 */
import { holm } from "../stats/holm.ts";
import { benjaminiHochberg } from "../stats/benjamini_hochberg.ts";
import type { AnalysisPlan } from "./analysis_plan.ts";
import type { PairedRow } from "./paired_comparisons.ts";

/** What {@linkcode planFamilies} reads of a row: its kind of comparison, metric and p-value. */
export interface FamilyInput {
  comparison: string;
  /** The metric tested; a row without one (e.g. a yes/no outcome) is never primary. */
  metric?: string;
  /** The unadjusted p-value, unless `pValue` reads it from elsewhere. */
  p?: number | null;
}

/** A paired row with its family and the p-value adjusted within it. */
export type FamilyRow<T extends FamilyInput = PairedRow> = T & {
  /** `primary` (declared in the analysis plan) or `exploratory`. */
  family: "primary" | "exploratory";
  /** The p-value adjusted within the row's family: Holm (primary) or BH (exploratory). */
  p_adj: number | null;
  /** `holm` or `bh`. */
  correction: "holm" | "bh";
};

/** Options for {@linkcode planFamilies}. */
export interface PlanFamiliesOptions<T> {
  /**
   * Exploratory rows are BH-adjusted within groups of this key (e.g. the metric, for per-domain
   * tables). Default: one group, the whole table.
   */
  exploratoryGroup?: (row: T) => string;
  /** The unadjusted p-value of a row (e.g. `p_mcnemar`). Default: the row's `p`. */
  pValue?: (row: T) => number | null | undefined;
}

function adjusted(p: (number | null)[], how: "holm" | "bh"): (number | null)[] {
  const values = p.map((x) => x ?? NaN);
  const out = how === "holm" ? holm(values) : benjaminiHochberg(values);
  return out.map((x) => (Number.isFinite(x) ? x : null));
}

/**
 * Labels and adjusts `rows` by the plan: a row is primary when the plan declares its comparison
 * kind in the primary family and its metric is the primary metric. With `plan` `null` every row
 * is exploratory (a table outside the plan, e.g. per domain or RAG, BH-adjusted within itself).
 *
 * @example
 * ```ts
 * import { planFamilies } from "./plan_families.ts";
 * import assert from "node:assert/strict";
 * const plan = { primary_metric: "bertscore_f1",
 *   comparisons: [{ comparison: "ft_vs_base", family: "primary" }, { comparison: "vs_external", family: "exploratory" }] } as never;
 * import type { PairedRow } from "./paired_comparisons.ts";
 * const row = (comparison: string, metric: string, p: number) => ({ comparison, metric, p }) as PairedRow;
 * const out = planFamilies([row("ft_vs_base", "bertscore_f1", 0.01), row("ft_vs_base", "bertscore_f1", 0.02),
 *   row("ft_vs_base", "chrf", 0.03), row("vs_external", "chrf", 0.04)], plan);
 * assert.deepEqual(out.map((r) => [r.family, r.correction, r.p_adj]),
 *   [["primary", "holm", 0.02], ["primary", "holm", 0.02], ["exploratory", "bh", 0.04], ["exploratory", "bh", 0.04]]);
 * ```
 */
export function planFamilies<T extends FamilyInput>(
  rows: readonly T[],
  plan: Pick<AnalysisPlan, "primary_metric" | "comparisons"> | null,
  options: PlanFamiliesOptions<T> = {},
): FamilyRow<T>[] {
  const kinds = new Set<string>(
    plan?.comparisons.filter((c) => c.family === "primary").map((c) => c.comparison) ?? [],
  );
  const isPrimary = (r: T) =>
    plan !== null && kinds.has(r.comparison) && r.metric === plan.primary_metric;
  const out = rows.map((r) => ({
    ...r,
    family: isPrimary(r) ? "primary" : "exploratory",
    p_adj: null,
    correction: isPrimary(r) ? "holm" : "bh",
  })) as FamilyRow<T>[];
  const pOf = (r: FamilyRow<T>) => (options.pValue ? options.pValue(r) : r.p) ?? null;
  const primary = out.filter((r) => r.family === "primary");
  adjusted(primary.map(pOf), "holm").forEach((p, i) => (primary[i].p_adj = p));
  const groups = new Map<string, FamilyRow<T>[]>();
  for (const r of out) {
    if (r.family === "primary") continue;
    const key = options.exploratoryGroup?.(r) ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const group of groups.values()) {
    adjusted(group.map(pOf), "bh").forEach((p, i) => (group[i].p_adj = p));
  }
  return out;
}
