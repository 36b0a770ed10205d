/**
 * What a section says when some runs have no per-sample records.
 * @module
 */
import type { FamilyRun } from "./default_family.ts";

/**
 * A paragraph naming the summary-only runs that `what` (e.g. "Paired comparisons") leaves out,
 * or `""` when every run has samples.
 *
 * @example
 * ```ts
 * import { describeMissingSamples } from "./describe_missing_samples.ts";
 * import assert from "node:assert/strict";
 * const runs = [{ run: { id: "a" }, samples: 0 }, { run: { id: "b" }, samples: 5 }] as never;
 * assert.match(describeMissingSamples(runs, "Paired comparisons"), /summary only: a\)/);
 * ```
 */
export function describeMissingSamples(runs: readonly FamilyRun[], what: string): string {
  const missing = runs.filter((r) => r.samples === 0).map((r) => r.run.id);
  if (missing.length === 0) return "";
  return `${what} need per-sample records (each question's answer and metrics), which these runs do not have ` +
    `(summary only: ${missing.join(", ")}). ` +
    `Runs scored per question, such as the study's result files or the workbench's schema-v1 files, can be analysed by ` +
    `passing their folder with \`deno task report --results DIR\`. Overlapping marginal intervals of summary-only runs ` +
    `cannot show that two models are equal.`;
}
