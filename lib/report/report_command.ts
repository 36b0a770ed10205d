/**
 * The `deno task report` options that reproduce a report's content, as written at the top of
 * `report.md`: derived from {@linkcode REPORT_PARAMS}.
 * @module
 */
import { optionName } from "./param_kinds.ts";
import { REPORT_PARAM_ENTRIES, type ReportParams } from "./report_params.ts";

/**
 * The options that give `params`' content back, in declaration order: every parameter the
 * content depends on, except one that says nothing (no path, an empty list, a switch as by
 * default) where its default says nothing too. Paths as shown in reports.
 *
 * @example
 * ```ts
 * import { reportCommand } from "./report_command.ts";
 * import { resolveParams } from "./params.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(reportCommand(resolveParams({ published: null, skipBadLines: true })), [
 *   "--results data/results",
 *   "--data data/dataset/validation_subset.jsonl",
 *   "--skip-bad-lines",
 *   "--human-eval data/human_eval/eval_sheet_filled.csv",
 *   "--published none",
 *   "--plan data/analysis_plan.json",
 *   "--resamples 10000",
 *   "--seed 42",
 * ]);
 * ```
 */
export function reportCommand(params: ReportParams): string[] {
  const flags: string[] = [];
  for (const [key, spec] of REPORT_PARAM_ENTRIES) {
    const value = params[key];
    if (!spec.cli || !spec.content || (spec.empty(value) && spec.empty(spec.default))) continue;
    flags.push([`--${optionName(key, spec)}`, ...spec.args(value)].join(" "));
  }
  return flags;
}
