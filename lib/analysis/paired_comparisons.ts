/**
 * Paired comparisons of runs on the same questions: for each comparison and metric, the mean
 * difference `run_a - run_b`, its paired bootstrap interval, a sign-flip p-value and Cohen's d_z.
 *
 * Caveats: the unit of analysis is the question; intervals and p-values say nothing about
 * training-seed or decoding variation. The p-values here are unadjusted: a table of rows gets
 * its family and the p-value adjusted within it (`family`, `p_adj`, `correction`) from
 * {@linkcode planFamilies}, by the analysis plan, and nowhere else. The p-value of each row says
 * how it was computed (`p_method`: exact, Monte Carlo, or the normal approximation of the same
 * statistic where Monte Carlo cannot resolve it; see `signFlipTest`), so it has no floor set by
 * the number of sign flips. Questions are paired only where both runs answered the same question
 * (see {@linkcode pairRuns}); what was left out is reported in `notes`.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { definedCount } from "../scored/run_columns.ts";
import { memo } from "../scored/memo.ts";
import { pairedBootstrapCi } from "../stats/paired_bootstrap.ts";
import { signFlipTest } from "../stats/sign_flip.ts";
import { cohensDz } from "../stats/cohens_dz.ts";
import { pairedDifferences } from "../stats/paired_differences.ts";
import { BOOTSTRAP_DEFAULTS } from "../stats/bootstrap.ts";
import { SIGN_FLIP_DEFAULTS } from "../stats/sign_flip.ts";
import { orderMetrics } from "../metrics/metric_order.ts";
import { describePairing, pairRuns } from "./pair_runs.ts";

/** One comparison: `run_a - run_b`, and the kind of comparison it belongs to. */
export interface Comparison {
  run_a: string;
  run_b: string;
  /** Kind, e.g. `ft_vs_base`, `ft_sizes`, `vs_external`, `rag_vs_none`. */
  comparison: string;
}

/** Options for {@linkcode pairedComparisons}. */
export interface PairedComparisonsOptions {
  /** Metrics, in order. Default: every metric of the frame. */
  metrics?: string[];
  /** Bootstrap resamples. Default: `10_000`. */
  resamples?: number;
  /** Sign-flip permutations. Default: `10_000`. */
  permutations?: number;
  /** Seed of the bootstrap and the sign flips. Default: `42`. */
  seed?: number;
  /** Confidence level. Default: `0.95`. */
  level?: number;
  /** Only these question ids (e.g. one domain's). Default: all paired questions. */
  subset?: ReadonlySet<string>;
}

/** One row of `paired.csv`. Numbers are `null` where undefined (no defined pair, or zero spread). */
export interface PairedRow {
  run_a: string;
  run_b: string;
  metric: string;
  /** Questions where both runs have the metric defined. */
  n: number;
  /** Mean of `run_a - run_b`. */
  diff: number | null;
  lo: number | null;
  hi: number | null;
  /** Two-sided sign-flip p-value, unadjusted, at full precision. */
  p: number | null;
  /** How `p` was computed: `exact`, `monte-carlo` or `normal` (see `signFlipTest`). */
  p_method: string;
  /** Cohen's d_z: mean difference / sd of the differences. */
  effect: number | null;
  comparison: string;
  /** Mean of run_a and run_b over the same `n` questions. */
  mean_a: number | null;
  mean_b: number | null;
  /** Standard deviation (n − 1) of the per-question differences: what power depends on. */
  sd: number | null;
  /** Why there is no interval (too few pairs), or `""`. */
  note: string;
}

/** Rows and what the pairing left out. */
export interface PairedComparisons {
  rows: PairedRow[];
  /** One sentence per comparison whose runs did not pair on every question. */
  notes: string[];
}

const num = (x: number) => (Number.isFinite(x) ? x : null);

function meanOver(x: Float64Array, y: Float64Array): number {
  let s = 0, n = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      s += x[i];
      n++;
    }
  }
  return n ? s / n : NaN;
}

function sdOfDifferences(x: Float64Array, y: Float64Array): number {
  const d = pairedDifferences(x, y);
  if (d.length < 2) return NaN;
  let mean = 0;
  for (const v of d) mean += v;
  mean /= d.length;
  let ss = 0;
  for (const v of d) ss += (v - mean) ** 2;
  return Math.sqrt(ss / (d.length - 1));
}

/**
 * Runs every comparison on every metric both runs have (a metric undefined on all of either
 * run's paired questions, e.g. BLEU for files that store none, gives no row); pairs where either side is
 * undefined are dropped and `n` says how many remain. Rows are in comparison order, then metric
 * order, with unadjusted p-values (a table adjusts them by its families: `planFamilies`).
 *
 * @example
 * ```ts
 * import { pairedComparisons } from "./paired_comparisons.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "a", values: { m: [1, 1, 0, 1, null] } }, { id: "b", values: { m: [0, 1, 0, 0, 1] } }]);
 * const { rows } = pairedComparisons(scored, [{ run_a: "a", run_b: "b", comparison: "demo" }],
 *   { resamples: 1000, permutations: 999 });
 * assert.equal(rows.length, 1);
 * assert.equal(rows[0].n, 4);
 * assert.equal(rows[0].diff, 0.5); // (1 + 0 + 0 + 1) / 4
 * assert.equal(rows[0].mean_a, 0.75);
 * ```
 */
export function pairedComparisons(
  scored: ScoredResults,
  comparisons: readonly Comparison[],
  options: PairedComparisonsOptions = {},
): PairedComparisons {
  return memo(
    scored,
    "paired_comparisons",
    { comparisons, options },
    () => computePairedComparisons(scored, comparisons, options),
  );
}

/** {@linkcode pairedComparisons} without the memo (see `lib/scored/memo.ts`). */
export function computePairedComparisons(
  scored: ScoredResults,
  comparisons: readonly Comparison[],
  options: PairedComparisonsOptions = {},
): PairedComparisons {
  const {
    resamples = BOOTSTRAP_DEFAULTS.resamples,
    permutations = SIGN_FLIP_DEFAULTS.permutations,
    seed = BOOTSTRAP_DEFAULTS.seed,
    level = BOOTSTRAP_DEFAULTS.level,
  } = options;
  const metrics = options.metrics ?? orderMetrics(scored.metrics);
  const rows: PairedRow[] = [];
  const notes: string[] = [];
  for (const c of comparisons) {
    const paired = pairRuns(scored, c.run_a, c.run_b);
    const note = describePairing(paired);
    if (note) notes.push(note);
    const keep = options.subset ? paired.ids.map((id) => options.subset!.has(id)) : null;
    for (const m of metrics) {
      let { a: xa, b: xb } = paired.values(m);
      if (keep) {
        xa = xa.filter((_, i) => keep[i]);
        xb = xb.filter((_, i) => keep[i]);
      }
      if (definedCount(xa) === 0 || definedCount(xb) === 0) continue;
      const ci = pairedBootstrapCi(xa, xb, { resamples, seed, level });
      const test = signFlipTest(xa, xb, { permutations, seed });
      rows.push({
        run_a: c.run_a,
        run_b: c.run_b,
        metric: m,
        n: ci.n,
        diff: num(ci.mean),
        lo: num(ci.lo),
        hi: num(ci.hi),
        p: num(test.p),
        p_method: test.method,
        effect: num(cohensDz(xa, xb)),
        comparison: c.comparison,
        mean_a: num(meanOver(xa, xb)),
        mean_b: num(meanOver(xb, xa)),
        sd: num(sdOfDifferences(xa, xb)),
        note: ci.reason ?? "",
      });
    }
  }
  return { rows, notes };
}
