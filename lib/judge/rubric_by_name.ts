/**
 * The rubrics by name, as the command line and judgement records name them.
 * @module
 */
import type { Rubric } from "./rubric.ts";
import { LAWYER_RUBRIC } from "./lawyer_rubric.ts";
import { SUMMARY_RUBRIC } from "./summary_rubric.ts";

/** The rubric names. */
export const RUBRIC_NAMES = ["lawyer", "summary"] as const;

/** A rubric name. */
export type RubricName = typeof RUBRIC_NAMES[number];

/**
 * The rubric called `name`.
 *
 * @throws {TypeError} for an unknown name.
 * @example
 * ```ts
 * import { rubricByName } from "./rubric_by_name.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(rubricByName("summary").criteria.map((c) => c.name), ["coverage", "accuracy", "coherence", "informativeness", "overall"]);
 * assert.throws(() => rubricByName("jurist"), /Unknown rubric "jurist"; expected lawyer or summary/);
 * ```
 */
export function rubricByName(name: string): Rubric {
  switch (name) {
    case "lawyer":
      return LAWYER_RUBRIC;
    case "summary":
      return SUMMARY_RUBRIC;
    default:
      throw new TypeError(`Unknown rubric "${name}"; expected ${RUBRIC_NAMES.join(" or ")}`);
  }
}
