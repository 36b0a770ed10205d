/**
 * Power of the paired comparisons (Card et al. 2020, "With little power comes great
 * responsibility"): for each comparison and metric, the spread of the per-question differences,
 * the number of questions, and the smallest true difference the test set detects with 80% power
 * at two-sided 5% (`mde`, noncentral t; ≈ 2.80 · sd / √n), and at the corrected level of the row's
 * family where that is stricter. A non-significant difference then reads "no difference larger
 * than the MDE was likely to be missed", not "no difference".
 * @module
 */
import { minimumDetectableEffect } from "../stats/paired_power.ts";
import type { PairedRow } from "./paired_comparisons.ts";

/** One comparison × metric of `tables/power.csv`. */
export interface PowerRow {
  run_a: string;
  run_b: string;
  comparison: string;
  metric: string;
  n: number;
  /** Standard deviation of the per-question differences. */
  sd: number | null;
  /** Observed mean difference. */
  diff: number | null;
  /** Minimum detectable difference at 80% power, two-sided α = 0.05. */
  mde: number | null;
  /** The same at the Bonferroni level α / family size (a bound for Holm's first step). */
  mde_family: number | null;
  /** Size of the family the row is corrected in. */
  family_size: number;
}

/**
 * Power rows for paired rows.
 *
 * @param familySize Tests in each row's family (e.g. the primary family's size). Default: 1.
 * @example
 * ```ts
 * import { powerTable } from "./power_table.ts";
 * import assert from "node:assert/strict";
 * const [row] = powerTable([{ run_a: "a", run_b: "b", comparison: "x", metric: "m", n: 500, sd: 0.1, diff: 0 }] as never);
 * assert.ok(Math.abs(row.mde! - 2.8 * 0.1 / Math.sqrt(500)) < 2e-4);
 * ```
 */
export function powerTable(
  rows: readonly PairedRow[],
  familySize: (row: PairedRow) => number = () => 1,
): PowerRow[] {
  return rows.map((r) => {
    const k = familySize(r);
    const ok = r.sd !== null && r.sd > 0 && r.n >= 2;
    return {
      run_a: r.run_a,
      run_b: r.run_b,
      comparison: r.comparison,
      metric: r.metric,
      n: r.n,
      sd: r.sd,
      diff: r.diff,
      mde: ok ? minimumDetectableEffect({ sd: r.sd!, n: r.n }) : null,
      mde_family: ok && k > 1
        ? minimumDetectableEffect({ sd: r.sd!, n: r.n, alpha: 0.05 / k })
        : ok
        ? minimumDetectableEffect({ sd: r.sd!, n: r.n })
        : null,
      family_size: k,
    };
  });
}
