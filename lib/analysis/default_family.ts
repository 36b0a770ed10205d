/**
 * The default family of paired comparisons for the study's design.
 * @module
 */
import type { RunInfo } from "../results/run_result.ts";
import type { Comparison } from "./paired_comparisons.ts";

/** A run as the family sees it: identity and whether it has per-sample records. */
export interface FamilyRun {
  run: RunInfo;
  /** Number of per-sample records (0: summary only). */
  samples: number;
}

/**
 * The comparisons reviewers ask for, among runs with per-sample records and without retrieval:
 * - `ft_vs_base`: each fine-tuned run against the base run of the same family and size
 *   (`run_a` = fine-tuned, so a positive difference is a gain from fine-tuning);
 * - `ft_sizes`: fine-tuned runs of one family against each other (`run_a` = the larger model);
 * - `vs_external`: every run against each external reference (`run_a` = the run, `run_b` = the
 *   reference); two external runs are compared once, the later-listed one as `run_a`.
 * Runs are taken in the loader's order (base, fine-tuned, baseline, external; family; size).
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
  const usable = runs.filter((r) => r.samples > 0 && r.run.rag === null).map((r) => r.run);
  const out: Comparison[] = [];
  const ft = usable.filter((r) => r.variant === "fine-tuned");
  for (const f of ft) {
    const base = usable.find((r) =>
      r.variant === "base" && r.family === f.family && r.size_b === f.size_b
    );
    if (base) out.push({ run_a: f.id, run_b: base.id, comparison: "ft_vs_base" });
  }
  for (let i = 0; i < ft.length; i++) {
    for (let j = i + 1; j < ft.length; j++) {
      const [x, y] = [ft[i], ft[j]];
      if (
        x.family !== y.family || x.size_b === null || y.size_b === null || x.size_b === y.size_b
      ) continue;
      const [big, small] = x.size_b > y.size_b ? [x, y] : [y, x];
      out.push({ run_a: big.id, run_b: small.id, comparison: "ft_sizes" });
    }
  }
  const refs = usable.filter((r) => r.variant === "external");
  for (const r of usable) {
    for (const ref of refs) {
      if (r.id === ref.id) continue;
      if (r.variant === "external" && usable.indexOf(r) < usable.indexOf(ref)) continue;
      out.push({ run_a: r.id, run_b: ref.id, comparison: "vs_external" });
    }
  }
  return out;
}
