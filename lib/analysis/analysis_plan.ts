/**
 * The analysis plan: which tests are confirmatory (the primary family, corrected together with
 * Holm's method) and which are exploratory (corrected with Benjamini–Hochberg within their own
 * table). A small versioned JSON file, `data/analysis_plan.json` by default, so that the family a
 * p-value belongs to is declared before the results are read, not chosen after.
 * @module
 */
import { fromRoot } from "../io/paths.ts";

/** One primary hypothesis: a kind of comparison of the default family, on the primary metric. */
export interface PlannedHypothesis {
  /** A comparison kind of `defaultFamily()`, e.g. `ft_vs_base`. */
  comparison: string;
  /** The hypothesis in words. */
  hypothesis: string;
}

/** A parsed analysis plan. */
export interface AnalysisPlan {
  format: "workbench-analysis-plan";
  version: 1;
  note: string;
  primary_metric: string;
  alpha: number;
  primary: PlannedHypothesis[];
  primary_correction: "holm";
  exploratory_correction: "benjamini-hochberg";
}

/** The default plan file. */
export const ANALYSIS_PLAN_FILE = fromRoot("data/analysis_plan.json");

const KEYS = [
  "format",
  "version",
  "note",
  "primary_metric",
  "alpha",
  "primary",
  "primary_correction",
  "exploratory_correction",
];

/**
 * Validates a plan document, naming the file and the field of any problem.
 *
 * @example
 * ```ts
 * import { parseAnalysisPlan } from "./analysis_plan.ts";
 * import assert from "node:assert/strict";
 * const plan = parseAnalysisPlan({ format: "workbench-analysis-plan", version: 1, note: "", primary_metric: "chrf",
 *   alpha: 0.05, primary: [{ comparison: "ft_vs_base", hypothesis: "h" }], primary_correction: "holm",
 *   exploratory_correction: "benjamini-hochberg" }, "plan.json");
 * assert.equal(plan.primary_metric, "chrf");
 * assert.throws(() => parseAnalysisPlan({ ...plan, alpha: 2 }, "plan.json"), /plan\.json": alpha must be in \(0, 1\)/);
 * ```
 */
export function parseAnalysisPlan(data: unknown, file: string): AnalysisPlan {
  const fail = (what: string): never => {
    throw new TypeError(`Invalid analysis plan "${file}": ${what}`);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) fail("expected an object");
  const d = data as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!KEYS.includes(k)) fail(`unknown field "${k}"`);
  if (d.format !== "workbench-analysis-plan") fail('format must be "workbench-analysis-plan"');
  if (d.version !== 1) fail(`version must be 1, got ${JSON.stringify(d.version)}`);
  if (typeof d.note !== "string") fail("note must be a string");
  if (typeof d.primary_metric !== "string" || d.primary_metric === "") {
    fail("primary_metric must be a metric name");
  }
  if (typeof d.alpha !== "number" || !(d.alpha > 0 && d.alpha < 1)) fail("alpha must be in (0, 1)");
  if (!Array.isArray(d.primary) || d.primary.length === 0) fail("primary must list hypotheses");
  (d.primary as unknown[]).forEach((h, i) => {
    const x = h as Record<string, unknown>;
    if (typeof x?.comparison !== "string" || typeof x?.hypothesis !== "string") {
      fail(`primary[${i}] must have a "comparison" and a "hypothesis" (strings)`);
    }
  });
  if (d.primary_correction !== "holm") fail('primary_correction must be "holm"');
  if (d.exploratory_correction !== "benjamini-hochberg") {
    fail('exploratory_correction must be "benjamini-hochberg"');
  }
  return d as unknown as AnalysisPlan;
}

/** Reads and validates a plan file. */
export async function readAnalysisPlan(file: string = ANALYSIS_PLAN_FILE): Promise<AnalysisPlan> {
  file = fromRoot(file); // relative paths: to the repository root
  let data: unknown;
  try {
    data = JSON.parse(await Deno.readTextFile(file));
  } catch (error) {
    throw new SyntaxError(`Cannot read analysis plan "${file}": ${(error as Error).message}`);
  }
  return parseAnalysisPlan(data, file);
}
