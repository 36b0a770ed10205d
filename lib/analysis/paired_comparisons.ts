/**
 * Paired comparisons of runs on the same questions: for each comparison and metric, the mean
 * difference `run_a - run_b`, its paired bootstrap interval, a sign-flip p-value, Cohen's d_z,
 * and p-values adjusted for multiplicity over the whole family of rows.
 *
 * Caveats: the unit of analysis is the question; intervals and p-values say nothing about
 * training-seed or decoding variation. The Holm adjustment is over every row returned (all
 * comparisons × all metrics), which controls the chance of any false "difference" in the table;
 * metrics are correlated, which Holm tolerates (it is valid under any dependence) at some cost
 * in power. p-values have the floor `1 / (permutations + 1)`.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import { pairedBootstrapCi } from "../stats/paired_bootstrap.ts";
import { signFlipTest } from "../stats/sign_flip.ts";
import { cohensDz } from "../stats/cohens_dz.ts";
import { holm } from "../stats/holm.ts";
import { benjaminiHochberg } from "../stats/benjamini_hochberg.ts";
import { BOOTSTRAP_DEFAULTS } from "../stats/bootstrap.ts";
import { SIGN_FLIP_DEFAULTS } from "../stats/sign_flip.ts";
import { orderMetrics } from "./metric_order.ts";
import { pairRuns } from "./pair_runs.ts";

/** One comparison: `run_a - run_b`, and the kind of comparison it belongs to. */
export interface Comparison {
  run_a: string;
  run_b: string;
  /** Kind, e.g. `ft_vs_base`, `ft_sizes`, `vs_external`, `rag_vs_none`. */
  comparison: string;
}

/** Options for {@linkcode pairedComparisons}. */
export interface PairedComparisonsOptions {
  /** Metrics, in order. Default: every per-sample metric of either run, in the project's order. */
  metrics?: string[];
  /** Bootstrap resamples. Default: `10_000`. */
  resamples?: number;
  /** Sign-flip permutations. Default: `10_000` (p-value floor 1/10,001). */
  permutations?: number;
  /** Seed of the bootstrap and the sign flips. Default: `42`. */
  seed?: number;
  /** Confidence level. Default: `0.95`. */
  level?: number;
  /** Compare on the common questions of runs whose ids differ instead of refusing. Default: `false`. */
  intersect?: boolean;
  /** Also add Benjamini–Hochberg adjusted p-values (`p_bh`) over the same family. Default: `false`. */
  benjaminiHochberg?: boolean;
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
  /** Two-sided sign-flip p-value, unadjusted. */
  p: number | null;
  /** Holm-adjusted p-value over all rows returned together. */
  p_holm: number | null;
  /** Cohen's d_z: mean difference / sd of the differences. */
  effect: number | null;
  comparison: string;
  /** Mean of run_a and run_b over the same `n` questions. */
  mean_a: number | null;
  mean_b: number | null;
  /** Benjamini–Hochberg adjusted p-value (only with `benjaminiHochberg: true`). */
  p_bh?: number | null;
}

const num = (x: number) => (Number.isFinite(x) ? x : null);

function mean(values: (number | null)[], other: (number | null)[]): number {
  let s = 0, n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i], w = other[i];
    if (v !== null && w !== null && !Number.isNaN(v) && !Number.isNaN(w)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** Adds `p_holm` (and `p_bh`) over all `rows` in place; returns `rows`. */
export function adjustRows<
  T extends { p: number | null; p_holm: number | null; p_bh?: number | null },
>(
  rows: T[],
  bh = false,
): T[] {
  const p = rows.map((r) => r.p ?? NaN);
  const h = holm(p);
  const q = bh ? benjaminiHochberg(p) : [];
  rows.forEach((r, i) => {
    r.p_holm = num(h[i]);
    if (bh) r.p_bh = num(q[i]);
  });
  return rows;
}

/**
 * Runs every comparison on every metric both runs have. A metric missing from either run's
 * samples (e.g. BLEU for the GPT files) gives no row; pairs where either side is `null` are
 * dropped and `n` says how many remain. Rows are in comparison order, then metric order.
 *
 * @param runs Runs by id (they must have per-sample records).
 * @param comparisons What to compare; a run id that is not in `runs` is an error.
 * @param options Metrics, resamples, permutations, seed, level, intersect, BH.
 * @returns One row per comparison × metric, with `p_holm` over all of them.
 *
 * @example
 * ```ts
 * import { pairedComparisons } from "./paired_comparisons.ts";
 * import assert from "node:assert/strict";
 * const run = (id: string, xs: (number | null)[]) => ({ run: { id }, source: { path: `${id}.json` },
 *   samples: xs.map((x, i) => ({ id: String(i), metrics: { m: x } })) }) as never;
 * const rows = pairedComparisons(
 *   [run("a", [1, 1, 0, 1, null]), run("b", [0, 1, 0, 0, 1])],
 *   [{ run_a: "a", run_b: "b", comparison: "demo" }],
 *   { resamples: 1000, permutations: 999 },
 * );
 * assert.equal(rows.length, 1);
 * assert.equal(rows[0].n, 4);
 * assert.equal(rows[0].diff, 0.5); // (1 + 0 + 0 + 1) / 4
 * assert.equal(rows[0].mean_a, 0.75);
 * assert.equal(rows[0].p_holm, rows[0].p); // a family of one
 * ```
 */
export function pairedComparisons(
  runs: readonly RunResult[],
  comparisons: readonly Comparison[],
  options: PairedComparisonsOptions = {},
): PairedRow[] {
  const {
    resamples = BOOTSTRAP_DEFAULTS.resamples,
    permutations = SIGN_FLIP_DEFAULTS.permutations,
    seed = BOOTSTRAP_DEFAULTS.seed,
    level = BOOTSTRAP_DEFAULTS.level,
    intersect = false,
    benjaminiHochberg: bh = false,
  } = options;
  const byId = new Map(runs.map((r) => [r.run.id, r]));
  const get = (id: string) => {
    const r = byId.get(id);
    if (!r) {
      throw new RangeError(
        `Cannot compare: run "${id}" is not among the loaded runs (${[...byId.keys()].join(", ")})`,
      );
    }
    return r;
  };
  const rows: PairedRow[] = [];
  for (const c of comparisons) {
    const a = get(c.run_a), b = get(c.run_b);
    const paired = pairRuns(a, b, { intersect });
    const has = (samples: typeof paired.a, m: string) => samples.some((s) => m in s.metrics);
    const metrics = options.metrics ??
      orderMetrics([...paired.a, ...paired.b].flatMap((s) => Object.keys(s.metrics)));
    for (const m of metrics) {
      if (!has(paired.a, m) || !has(paired.b, m)) continue;
      const xa = paired.a.map((s) => s.metrics[m] ?? null);
      const xb = paired.b.map((s) => s.metrics[m] ?? null);
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
        p_holm: null,
        effect: num(cohensDz(xa, xb)),
        comparison: c.comparison,
        mean_a: num(mean(xa, xb)),
        mean_b: num(mean(xb, xa)),
      });
    }
  }
  return adjustRows(rows, bh);
}
