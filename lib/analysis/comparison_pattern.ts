/**
 * The patterns by which an analysis plan declares paired comparisons: each a rule that picks
 * pairs of runs from whatever runs are loaded, so that the plan names no run and the number of
 * comparisons follows from the rule (see `docs/families.md`).
 * @module
 */
import type { RunInfo } from "../results/run_result.ts";
import type { ComparisonKind, SizePairs } from "./analysis_plan.ts";
import type { FamilyRun } from "./default_family.ts";
import type { Comparison } from "./paired_comparisons.ts";

/** Options for {@linkcode comparisonPattern}. */
export interface ComparisonPatternOptions {
  /** `ft_sizes`: `adjacent` (neighbouring sizes) or `all` (every two sizes). Default: `"adjacent"`. */
  sizes?: SizePairs;
}

/**
 * The pairs of one pattern, among runs with per-sample records and without retrieval, in the
 * loader's order (base, fine-tuned, baseline, external; family; size):
 * - `ft_vs_base`: each fine-tuned run against the base run of the same family and size
 *   (`run_a` = fine-tuned, so a positive difference is a gain from fine-tuning);
 * - `ft_sizes`: fine-tuned runs of one family and different sizes (`run_a` = the larger model):
 *   with `sizes: "adjacent"` only sizes with no fine-tuned size of that family between them
 *   (k sizes: k − 1 pairs), with `sizes: "all"` every two sizes (k(k − 1)/2 pairs);
 * - `vs_external`: every run against each external reference (`run_a` = the run, `run_b` = the
 *   reference); two external runs are compared once, the later-listed one as `run_a`;
 * - `all_pairs`: every two runs (n(n − 1)/2 pairs): the non-external run as `run_a` against an
 *   external one, otherwise the later-listed run.
 *
 * @example
 * ```ts
 * import { comparisonPattern } from "./comparison_pattern.ts";
 * import assert from "node:assert/strict";
 * const run = (id: string, size_b: number) =>
 *   ({ run: { id, family: "qwen3", size_b, variant: "fine-tuned", rag: null }, samples: 10 }) as never;
 * const runs = [run("f4", 4), run("f8", 8), run("f14", 14)];
 * const pairs = (sizes: "adjacent" | "all") =>
 *   comparisonPattern("ft_sizes", runs, { sizes }).map((c) => `${c.run_a}-${c.run_b}`);
 * assert.deepEqual(pairs("adjacent"), ["f8-f4", "f14-f8"]);
 * assert.deepEqual(pairs("all"), ["f8-f4", "f14-f4", "f14-f8"]);
 * ```
 */
export function comparisonPattern(
  kind: ComparisonKind,
  runs: readonly FamilyRun[],
  options: ComparisonPatternOptions = {},
): Comparison[] {
  const usable = runs.filter((r) => r.samples > 0 && r.run.rag === null).map((r) => r.run);
  switch (kind) {
    case "ft_vs_base":
      return fineTunedVsBase(usable);
    case "ft_sizes":
      return fineTunedSizes(usable, options.sizes ?? "adjacent");
    case "vs_external":
      return vsExternal(usable);
    case "all_pairs":
      return allPairs(usable);
    default:
      throw new RangeError(`Unknown comparison pattern "${kind}"`);
  }
}

function fineTunedVsBase(usable: readonly RunInfo[]): Comparison[] {
  const out: Comparison[] = [];
  for (const f of usable.filter((r) => r.variant === "fine-tuned")) {
    const base = usable.find((r) =>
      r.variant === "base" && r.family === f.family && r.size_b === f.size_b
    );
    if (base) out.push({ run_a: f.id, run_b: base.id, comparison: "ft_vs_base" });
  }
  return out;
}

function fineTunedSizes(usable: readonly RunInfo[], sizes: SizePairs): Comparison[] {
  const ft = usable.filter((r) => r.variant === "fine-tuned");
  const out: Comparison[] = [];
  for (let i = 0; i < ft.length; i++) {
    for (let j = i + 1; j < ft.length; j++) {
      const [x, y] = [ft[i], ft[j]];
      if (
        x.family !== y.family || x.size_b === null || y.size_b === null || x.size_b === y.size_b
      ) continue;
      const [big, small] = x.size_b > y.size_b ? [x, y] : [y, x];
      const between = ft.some((r) =>
        r.family === x.family && r.size_b !== null && r.size_b > small.size_b! &&
        r.size_b < big.size_b!
      );
      if (sizes === "adjacent" && between) continue;
      out.push({ run_a: big.id, run_b: small.id, comparison: "ft_sizes" });
    }
  }
  return out;
}

function vsExternal(usable: readonly RunInfo[]): Comparison[] {
  const refs = usable.filter((r) => r.variant === "external");
  const out: Comparison[] = [];
  for (const r of usable) {
    for (const ref of refs) {
      if (r.id === ref.id) continue;
      if (r.variant === "external" && usable.indexOf(r) < usable.indexOf(ref)) continue;
      out.push({ run_a: r.id, run_b: ref.id, comparison: "vs_external" });
    }
  }
  return out;
}

function allPairs(usable: readonly RunInfo[]): Comparison[] {
  const out: Comparison[] = [];
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const [earlier, later] = [usable[i], usable[j]];
      const [a, b] = later.variant === "external" && earlier.variant !== "external"
        ? [earlier, later]
        : [later, earlier];
      out.push({ run_a: a.id, run_b: b.id, comparison: "all_pairs" });
    }
  }
  return out;
}
