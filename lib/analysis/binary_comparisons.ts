/**
 * Paired comparisons of yes/no outcomes per question (an answer in the wrong language, a
 * reasoning trace, a substantive answer, any hallucinated citation) with McNemar's exact test
 * beside the paired bootstrap interval of the difference in proportions.
 *
 * Multiplicity: none of these outcomes is the analysis plan's primary metric, so every row is
 * exploratory, and McNemar's p-values are Benjamini–Hochberg-adjusted over all rows returned
 * together (the `binary_paired` table), like every other exploratory table (`p_adj`, with
 * `family` and `correction` saying so; see `planFamilies`).
 * @module
 */
import pl from "nodejs-polars";
import type { ScoredResults } from "../scored/load_scored.ts";
import { mcnemarExact } from "../stats/mcnemar.ts";
import { pairedBootstrapCi } from "../stats/paired_bootstrap.ts";
import type { BootstrapOptions } from "../stats/bootstrap.ts";
import type { Comparison } from "./paired_comparisons.ts";
import { pairRuns } from "./pair_runs.ts";
import { memo } from "../scored/memo.ts";
import { planFamilies } from "./plan_families.ts";

/** A binary outcome: a name and how to read it from a run's rows (null where undefined). */
export interface BinaryOutcome {
  name: string;
  expr: pl.Expr;
}

/** The default outcomes: behaviour flags, and any hallucinated citation (v2) where defined. */
export const BINARY_OUTCOMES: readonly BinaryOutcome[] = [
  { name: "wrong_language", expr: pl.col("wrong_language") },
  { name: "reasoning_trace", expr: pl.col("reasoning_trace") },
  { name: "substantive", expr: pl.col("substantive") },
  { name: "any_hallucination_v2", expr: pl.col("hallucination_rate_v2").gt(0) },
];

/** One comparison × outcome. */
export interface BinaryRow {
  run_a: string;
  run_b: string;
  comparison: string;
  outcome: string;
  /** Questions where both outcomes are defined. */
  n: number;
  /** Share of yes in run a and in run b over those questions. */
  share_a: number | null;
  share_b: number | null;
  /** `share_a − share_b` with its paired bootstrap interval. */
  diff: number | null;
  lo: number | null;
  hi: number | null;
  /** Questions yes in a only / yes in b only (the discordant pairs). */
  a_only: number;
  b_only: number;
  /** McNemar's exact two-sided p-value. */
  p_mcnemar: number | null;
  /** Always `exploratory`: no yes/no outcome is in the plan's primary family. */
  family: "exploratory";
  /** `p_mcnemar` Benjamini–Hochberg-adjusted over all rows returned together. */
  p_adj: number | null;
  /** `bh`. */
  correction: "bh";
}

const num = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * One row per comparison × outcome whose column exists, with McNemar's p-value BH-adjusted over
 * all of them (`p_adj`).
 *
 * @example
 * ```ts
 * import { binaryComparisons } from "./binary_comparisons.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "ft", values: { h: [0, 0, 0, 1] } }, { id: "base", variant: "base", values: { h: [1, 1, 1, 1] } }]);
 * const [row] = binaryComparisons(scored, [{ run_a: "ft", run_b: "base", comparison: "ft_vs_base" }],
 *   { outcomes: [{ name: "any_h", expr: pl.col("h").gt(0) }], resamples: 200 });
 * assert.deepEqual([row.a_only, row.b_only, row.diff, row.p_mcnemar], [0, 3, -0.75, 0.25]);
 * ```
 */
export function binaryComparisons(
  scored: ScoredResults,
  comparisons: readonly Comparison[],
  options: BootstrapOptions & { outcomes?: readonly BinaryOutcome[] } = {},
): BinaryRow[] {
  const { outcomes = BINARY_OUTCOMES, ...boot } = options;
  return memo(
    scored,
    "binary_comparisons",
    { comparisons, outcomes: outcomes.map((o) => [o.name, o.expr.toString()]), boot },
    () => compute(scored, comparisons, outcomes, boot),
  );
}

function compute(
  scored: ScoredResults,
  comparisons: readonly Comparison[],
  outcomes: readonly BinaryOutcome[],
  boot: BootstrapOptions,
): BinaryRow[] {
  const rows: Omit<BinaryRow, "family" | "p_adj" | "correction">[] = [];
  for (const c of comparisons) {
    const paired = pairRuns(scored, c.run_a, c.run_b);
    for (const o of outcomes) {
      const read = (f: pl.DataFrame): (boolean | null)[] => {
        try {
          return f.select(o.expr.alias("x")).getColumn("x").toArray() as (boolean | null)[];
        } catch {
          return []; // the outcome's column is missing
        }
      };
      const a = read(paired.a), b = read(paired.b);
      if (a.length === 0 || b.length === 0) continue;
      const m = mcnemarExact(a, b);
      const toNum = (x: boolean | null) => (x === null ? null : x ? 1 : 0);
      const ci = pairedBootstrapCi(a.map(toNum), b.map(toNum), boot);
      let ya = 0, yb = 0;
      for (let i = 0; i < a.length; i++) {
        if (a[i] === null || b[i] === null) continue;
        if (a[i]) ya++;
        if (b[i]) yb++;
      }
      rows.push({
        run_a: c.run_a,
        run_b: c.run_b,
        comparison: c.comparison,
        outcome: o.name,
        n: m.n,
        share_a: m.n ? ya / m.n : null,
        share_b: m.n ? yb / m.n : null,
        diff: num(ci.mean),
        lo: num(ci.lo),
        hi: num(ci.hi),
        a_only: m.b10,
        b_only: m.b01,
        p_mcnemar: num(m.p),
      });
    }
  }
  return planFamilies(rows, null, { pValue: (r) => r.p_mcnemar }) as BinaryRow[];
}
