/**
 * Krippendorff's alpha: agreement among any number of raters, with missing ratings, for nominal,
 * ordinal, interval or ratio data (Krippendorff 2011, "Computing Krippendorff's alpha-reliability",
 * https://repository.upenn.edu/asc_papers/43).
 *
 * Definition. Only units rated by at least two raters ("pairable") count. Each such unit u with
 * m_u values adds 1/(m_u − 1) to the coincidence o_ck for every ordered pair of values (c, k) from
 * two different raters; n_c = Σ_k o_ck and n = Σ_c n_c (the number of pairable values). Then
 *
 *   α = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
 *
 * with δ²_ck = [c ≠ k] (nominal), (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the sorted values
 * (ordinal), (c − k)² (interval) or ((c − k)/(c + k))² (ratio). α = 1 is perfect agreement,
 * α = 0 agreement at chance level; α is undefined (`NaN`) when all values are equal.
 *
 * Caveats: α is a property of the data and the raters together; with few pairable units it is
 * unstable, so report it with its unit count and, when asked for, with the bootstrap interval over
 * units computed here (a percentile bootstrap, not Krippendorff's own resampling of coincidences).
 * @module
 */
import { bootstrapIndices, type Interval } from "./bootstrap.ts";
import { quantileSorted } from "./quantile.ts";
import { DEFAULT_SEED } from "./rng.ts";

/** Level of measurement, which picks the difference function δ². */
export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

/** Options for {@linkcode krippendorffAlpha}. */
export interface KrippendorffAlphaOptions {
  /** Level of measurement. Default: `"ordinal"`. */
  level?: AlphaLevel;
  /** Bootstrap resamples of units for an interval; `0` gives no interval (`lo`, `hi` are `NaN`). Default: `0`. */
  resamples?: number;
  /** Seed of the resampling. Default: `42`. */
  seed?: number;
  /** Confidence level of the interval. Default: `0.95`. */
  confidence?: number;
}

/** Alpha with its interval; `n` is the number of pairable units, `values` of pairable values. */
export interface AlphaResult extends Interval {
  alpha: number;
  values: number;
}

function delta2(level: AlphaLevel, vals: readonly number[], marg: Float64Array): Float64Array {
  const K = vals.length;
  const d = new Float64Array(K * K);
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < K; k++) {
      let v: number;
      switch (level) {
        case "nominal":
          v = c === k ? 0 : 1;
          break;
        case "ordinal": {
          const [a, b] = c <= k ? [c, k] : [k, c];
          let s = 0;
          for (let g = a; g <= b; g++) s += marg[g];
          v = (s - (marg[a] + marg[b]) / 2) ** 2;
          break;
        }
        case "interval":
          v = (vals[c] - vals[k]) ** 2;
          break;
        case "ratio":
          v = vals[c] + vals[k] === 0 ? 0 : ((vals[c] - vals[k]) / (vals[c] + vals[k])) ** 2;
          break;
        default:
          throw new TypeError(
            `Unknown level of measurement "${level}"; expected nominal, ordinal, interval or ratio`,
          );
      }
      d[c * K + k] = v;
    }
  }
  return d;
}

function alphaFrom(o: Float64Array, K: number, level: AlphaLevel, vals: readonly number[]): number {
  const marg = new Float64Array(K);
  let n = 0;
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < K; k++) marg[c] += o[c * K + k];
    n += marg[c];
  }
  const d = delta2(level, vals, marg);
  let observed = 0, expected = 0;
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < K; k++) {
      observed += o[c * K + k] * d[c * K + k];
      expected += marg[c] * marg[k] * d[c * K + k];
    }
  }
  return expected === 0 ? NaN : 1 - ((n - 1) * observed) / expected;
}

/**
 * Krippendorff's alpha of `units`: one array per unit (item rated), holding each rater's value or
 * `null` where that rater gave none.
 *
 * @param units Ratings per unit.
 * @param options Level of measurement and optional bootstrap interval.
 * @returns Alpha (also as `mean`), its interval, the pairable units `n` and values.
 *
 * @example
 * ```ts
 * import { krippendorffAlpha } from "./krippendorff_alpha.ts";
 * import assert from "node:assert/strict";
 * // Two raters, three units: (1, 1), (2, 2), (3, 3) agree perfectly.
 * assert.equal(krippendorffAlpha([[1, 1], [2, 2], [3, 3]]).alpha, 1);
 * // A unit rated once is not pairable and does not count.
 * assert.equal(krippendorffAlpha([[1, 1], [2, 2], [3, null]]).n, 2);
 * ```
 */
export function krippendorffAlpha(
  units: readonly (readonly (number | null | undefined)[])[],
  options: KrippendorffAlphaOptions = {},
): AlphaResult {
  const { level = "ordinal", resamples = 0, seed = DEFAULT_SEED, confidence = 0.95 } = options;
  delta2(level, [], new Float64Array(0));
  const pairable = units
    .map((u) => u.filter((v): v is number => v !== null && v !== undefined && !Number.isNaN(v)))
    .filter((u) => u.length >= 2);
  const vals = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const K = vals.length;
  const pos = new Map(vals.map((v, i) => [v, i]));
  const U = pairable.length;
  const perUnit = new Float64Array(U * K * K);
  const total = new Float64Array(K * K);
  pairable.forEach((u, i) => {
    const w = 1 / (u.length - 1);
    for (let a = 0; a < u.length; a++) {
      for (let b = 0; b < u.length; b++) {
        if (a === b) continue;
        const cell = pos.get(u[a])! * K + pos.get(u[b])!;
        perUnit[i * K * K + cell] += w;
        total[cell] += w;
      }
    }
  });
  const values = pairable.reduce((s, u) => s + u.length, 0);
  const alpha = U === 0 ? NaN : alphaFrom(total, K, level, vals);
  let lo = NaN, hi = NaN;
  if (resamples > 0 && U > 0) {
    const idx = bootstrapIndices(U, { resamples, seed });
    const alphas: number[] = [];
    const o = new Float64Array(K * K);
    for (let r = 0; r < resamples; r++) {
      o.fill(0);
      for (let j = 0; j < U; j++) {
        const base = idx[r * U + j] * K * K;
        for (let c = 0; c < K * K; c++) o[c] += perUnit[base + c];
      }
      const a = alphaFrom(o, K, level, vals);
      if (!Number.isNaN(a)) alphas.push(a);
    }
    if (alphas.length > 0) {
      const sorted = Float64Array.from(alphas).sort();
      const tail = (1 - confidence) / 2;
      lo = quantileSorted(sorted, tail);
      hi = quantileSorted(sorted, 1 - tail);
    }
  }
  return { alpha, mean: alpha, lo, hi, n: U, values };
}
