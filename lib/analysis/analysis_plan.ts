/**
 * The analysis plan: which paired comparisons the report makes, declared by pattern (each
 * fine-tuned run against its base, adjacent fine-tuned sizes, each run against the external
 * references, or every pair of runs when asked), and which of them are confirmatory (the primary
 * family, corrected together with Holm's method) or exploratory (corrected with
 * Benjamini–Hochberg within their own table). A small versioned JSON file,
 * `data/analysis_plan.json` by default, so that what is compared, and the family a p-value
 * belongs to, are declared before the results are read, not chosen after. The rule is written
 * out in `docs/families.md`.
 * @module
 */
import { fromRoot } from "../io/paths.ts";

/**
 * The patterns a plan can declare, each a kind of comparison (the `comparison` column of the
 * paired rows); see `comparisonPattern()` for the pairs each one makes.
 */
export const COMPARISON_KINDS = ["ft_vs_base", "ft_sizes", "vs_external", "all_pairs"] as const;

/** A kind of comparison a plan can declare. */
export type ComparisonKind = typeof COMPARISON_KINDS[number];

/** Which pairs of fine-tuned sizes `ft_sizes` compares: neighbours in size, or every two. */
export type SizePairs = "adjacent" | "all";

/** One declared comparison: a pattern, its family, and for the primary family its hypothesis. */
export interface PlannedComparison {
  /** The pattern, and the `comparison` value of its rows. */
  comparison: ComparisonKind;
  /** `primary`: its tests on the primary metric are confirmatory; `exploratory`: none of them is. */
  family: "primary" | "exploratory";
  /** The hypothesis in words (required for the primary family). */
  hypothesis?: string;
  /** `ft_sizes` only: `adjacent` (default; grows with the number of sizes) or `all` (with its square). */
  sizes?: SizePairs;
}

/** One primary hypothesis: a declared comparison of the primary family, on the primary metric. */
export interface PlannedHypothesis {
  /** A kind of {@linkcode COMPARISON_KINDS}, e.g. `ft_vs_base`. */
  comparison: string;
  /** The hypothesis in words. */
  hypothesis: string;
}

/** A parsed analysis plan (a version-1 file is read as the version-2 plan it meant). */
export interface AnalysisPlan {
  format: "workbench-analysis-plan";
  version: 2;
  note: string;
  primary_metric: string;
  alpha: number;
  /** The comparisons of the paired section, in order; a pair made by two of them is compared once, by the first. */
  comparisons: PlannedComparison[];
  /** The primary hypotheses: derived from `comparisons` (those of the primary family), never written in the file. */
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
  "comparisons",
  "primary_correction",
  "exploratory_correction",
];
const KEYS_V1 = [...KEYS.filter((k) => k !== "comparisons"), "primary"];
const COMPARISON_KEYS = ["comparison", "family", "hypothesis", "sizes"];

/**
 * Validates a plan document, naming the file and the field of any problem. Version 1 (a list of
 * `primary` hypotheses over fixed comparisons) is read as the version-2 plan it meant: the
 * comparisons `ft_vs_base`, `ft_sizes` (every two sizes) and `vs_external`, the listed ones
 * primary.
 *
 * @example
 * ```ts
 * import { parseAnalysisPlan } from "./analysis_plan.ts";
 * import assert from "node:assert/strict";
 * const doc = { format: "workbench-analysis-plan", version: 2, note: "", primary_metric: "chrf", alpha: 0.05,
 *   comparisons: [{ comparison: "ft_vs_base", family: "primary", hypothesis: "h" },
 *     { comparison: "ft_sizes", family: "exploratory" }],
 *   primary_correction: "holm", exploratory_correction: "benjamini-hochberg" };
 * const plan = parseAnalysisPlan(doc, "plan.json");
 * assert.deepEqual(plan.primary, [{ comparison: "ft_vs_base", hypothesis: "h" }]);
 * assert.equal(plan.comparisons[1].sizes, "adjacent");
 * assert.throws(() => parseAnalysisPlan({ ...doc, alpha: 2 }, "plan.json"), /plan\.json": alpha must be in \(0, 1\)/);
 * ```
 */
export function parseAnalysisPlan(data: unknown, file: string): AnalysisPlan {
  const fail = (what: string): never => {
    throw new TypeError(`Invalid analysis plan "${file}": ${what}`);
  };
  if (typeof data !== "object" || data === null || Array.isArray(data)) fail("expected an object");
  const d = data as Record<string, unknown>;
  if (d.format !== "workbench-analysis-plan") fail('format must be "workbench-analysis-plan"');
  if (d.version !== 1 && d.version !== 2) {
    fail(`version must be 2 (or 1, read as the plan it meant), got ${JSON.stringify(d.version)}`);
  }
  const keys = d.version === 1 ? KEYS_V1 : KEYS;
  for (const k of Object.keys(d)) {
    if (!keys.includes(k)) {
      fail(`unknown field "${k}" in a version-${d.version} plan (expected: ${keys.join(", ")})`);
    }
  }
  if (typeof d.note !== "string") fail("note must be a string");
  if (typeof d.primary_metric !== "string" || d.primary_metric === "") {
    fail("primary_metric must be a metric name");
  }
  if (typeof d.alpha !== "number" || !(d.alpha > 0 && d.alpha < 1)) fail("alpha must be in (0, 1)");
  if (d.primary_correction !== "holm") fail('primary_correction must be "holm"');
  if (d.exploratory_correction !== "benjamini-hochberg") {
    fail('exploratory_correction must be "benjamini-hochberg"');
  }
  const comparisons = d.version === 1
    ? fromVersion1(d.primary, fail)
    : parseComparisons(d.comparisons, fail);
  const primary = comparisons.filter((c) => c.family === "primary").map((c) => ({
    comparison: c.comparison,
    hypothesis: c.hypothesis!,
  }));
  const { primary: _, ...rest } = d;
  return { ...rest, version: 2, comparisons, primary } as unknown as AnalysisPlan;
}

function parseComparisons(value: unknown, fail: (what: string) => never): PlannedComparison[] {
  if (!Array.isArray(value) || value.length === 0) fail("comparisons must list comparisons");
  const seen = new Set<string>();
  return (value as unknown[]).map((c, i) => {
    const at = `comparisons[${i}]`;
    if (typeof c !== "object" || c === null || Array.isArray(c)) fail(`${at} must be an object`);
    const x = c as Record<string, unknown>;
    for (const k of Object.keys(x)) {
      if (!COMPARISON_KEYS.includes(k)) {
        fail(`${at} has an unknown field "${k}" (expected: ${COMPARISON_KEYS.join(", ")})`);
      }
    }
    if (!COMPARISON_KINDS.includes(x.comparison as ComparisonKind)) {
      fail(
        `${at}.comparison must be one of ${COMPARISON_KINDS.join(", ")}, got ${
          JSON.stringify(x.comparison)
        }`,
      );
    }
    if (seen.has(x.comparison as string)) fail(`${at}: "${x.comparison}" is declared twice`);
    seen.add(x.comparison as string);
    if (x.family !== "primary" && x.family !== "exploratory") {
      fail(`${at}.family must be "primary" or "exploratory"`);
    }
    if (x.hypothesis !== undefined && typeof x.hypothesis !== "string") {
      fail(`${at}.hypothesis must be a string`);
    }
    if (x.family === "primary" && !x.hypothesis) {
      fail(`${at} is primary, so it must state its "hypothesis"`);
    }
    if (x.sizes !== undefined && x.comparison !== "ft_sizes") {
      fail(`${at}.sizes applies to "ft_sizes" only`);
    }
    if (x.sizes !== undefined && x.sizes !== "adjacent" && x.sizes !== "all") {
      fail(`${at}.sizes must be "adjacent" or "all", got ${JSON.stringify(x.sizes)}`);
    }
    const out: PlannedComparison = {
      comparison: x.comparison as ComparisonKind,
      family: x.family as PlannedComparison["family"],
    };
    if (x.hypothesis !== undefined) out.hypothesis = x.hypothesis as string;
    if (x.comparison === "ft_sizes") out.sizes = (x.sizes as SizePairs | undefined) ?? "adjacent";
    return out;
  });
}

/** Version 1: the fixed comparisons of its time (every two sizes), the listed ones primary. */
function fromVersion1(value: unknown, fail: (what: string) => never): PlannedComparison[] {
  if (!Array.isArray(value) || value.length === 0) fail("primary must list hypotheses");
  const hypotheses = new Map<string, string>();
  (value as unknown[]).forEach((h, i) => {
    const x = h as Record<string, unknown>;
    if (typeof x?.comparison !== "string" || typeof x?.hypothesis !== "string") {
      fail(`primary[${i}] must have a "comparison" and a "hypothesis" (strings)`);
    }
    if (!["ft_vs_base", "ft_sizes", "vs_external"].includes(x.comparison as string)) {
      fail(
        `primary[${i}].comparison must be ft_vs_base, ft_sizes or vs_external, got "${x.comparison}"`,
      );
    }
    hypotheses.set(x.comparison as string, x.hypothesis as string);
  });
  return (["ft_vs_base", "ft_sizes", "vs_external"] as const).map((comparison) => {
    const hypothesis = hypotheses.get(comparison);
    const out: PlannedComparison = hypothesis === undefined
      ? { comparison, family: "exploratory" }
      : { comparison, family: "primary", hypothesis };
    if (comparison === "ft_sizes") out.sizes = "all";
    return out;
  });
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
