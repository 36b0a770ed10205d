/**
 * The note a report section writes instead of a paired analysis when runs have no per-sample
 * records.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";

/**
 * Markdown saying which runs are summary-only and that paired analyses and breakdowns need
 * per-sample records; an empty string when every run has them.
 *
 * @param runs The loaded runs.
 * @param what What could not be computed, e.g. `"Paired comparisons"`.
 *
 * @example
 * ```ts
 * import { describeMissingSamples } from "./describe_missing_samples.ts";
 * import assert from "node:assert/strict";
 * const runs = [{ run: { id: "a" }, samples: null }, { run: { id: "b" }, samples: [] }] as never;
 * assert.match(describeMissingSamples(runs, "Paired comparisons"), /^Paired comparisons need per-sample records.*summary only: a\)\./);
 * assert.equal(describeMissingSamples([{ run: { id: "b" }, samples: [] }] as never, "X"), "");
 * ```
 */
export function describeMissingSamples(runs: readonly RunResult[], what: string): string {
  const missing = runs.filter((r) => r.samples === null).map((r) => r.run.id);
  if (missing.length === 0) return "";
  return `${what} need per-sample records (each question's answer and metrics), which these runs do not have ` +
    `(summary only: ${missing.join(", ")}). ` +
    `Runs scored per question, such as the study's result files or the workbench's schema-v1 files, can be analysed by ` +
    `passing their folder with \`deno task report --results DIR\`. Overlapping marginal intervals of summary-only runs ` +
    `cannot show that two models are equal.`;
}
