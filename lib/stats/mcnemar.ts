/**
 * McNemar's exact test for paired binary outcomes (a hallucination yes/no, an answer in the
 * wrong language, an exact match), run beside the bootstrap of the difference in proportions.
 *
 * Definition: over the `n` questions where both runs have an outcome, `b01` counts questions
 * where run a is false and run b true, `b10` the reverse; the concordant questions carry no
 * information about the difference. Under the null hypothesis (the two runs are exchangeable on
 * each question) each discordant question is equally likely to go either way, so
 * `b10 ~ Bin(b01 + b10, 1/2)`, and the two-sided exact p-value is
 * `min(1, 2 · P(X ≤ min(b01, b10)))`, `X ~ Bin(b01 + b10, 1/2)`: exactly what statsmodels'
 * `mcnemar(table, exact=True)` computes (p = 1 with no discordant pair). It is the sign test on
 * the discordant pairs, and equals {@linkcode signFlipTest}'s exact p on 0/1 values.
 *
 * Caveats: doubling the smaller tail is conservative for small `b01 + b10` (the test's actual
 * level is below α, and p jumps in large steps: with 5 or fewer discordant pairs no p is below
 * 0.05); questions are the unit, as everywhere.
 * @module
 */
import { binomialHalfCdf } from "./_binomial.ts";

/** A binary outcome, or `null`/`undefined` where it is not defined. */
export type MaybeBoolean = boolean | null | undefined;

/** Result of {@linkcode mcnemarExact}. */
export interface McNemarResult {
  /** Questions where run a is false and run b is true. */
  b01: number;
  /** Questions where run a is true and run b is false. */
  b10: number;
  /** Two-sided exact p-value; `1` when there is no discordant pair, `NaN` when `n = 0`. */
  p: number;
  /** Questions where both outcomes are defined. */
  n: number;
  /** Difference in proportions `(b10 − b01) / n` (share true in a minus share true in b). */
  diff: number;
}

function check(x: MaybeBoolean, side: string, i: number): void {
  if (x !== null && x !== undefined && typeof x !== "boolean") {
    throw new TypeError(
      `mcnemarExact(): ${side}[${i}] must be true, false, null or undefined, got ${
        JSON.stringify(x)
      }`,
    );
  }
}

/**
 * McNemar's exact test of paired binary outcomes `a` and `b` (same question at the same index).
 * Pairs where either side is `null` or `undefined` are dropped.
 *
 * @param a First run's outcomes.
 * @param b Second run's outcomes for the same questions.
 * @returns The discordant counts, the exact two-sided p-value, `n` and the difference.
 *
 * @example
 * ```ts
 * import { mcnemarExact } from "./mcnemar.ts";
 * import assert from "node:assert/strict";
 * // 3 questions only a gets right, 0 only b: p = 2 · P(Bin(3, 1/2) ≤ 0) = 2/8.
 * const r = mcnemarExact([true, true, true, false, true, null], [false, false, false, false, true, true]);
 * assert.deepEqual(r, { b01: 0, b10: 3, p: 0.25, n: 5, diff: 0.6 });
 * ```
 */
export function mcnemarExact(
  a: ArrayLike<MaybeBoolean>,
  b: ArrayLike<MaybeBoolean>,
): McNemarResult {
  if (a.length !== b.length) {
    throw new RangeError(
      `Paired outcomes must have the same length, got ${a.length} and ${b.length}`,
    );
  }
  let b01 = 0, b10 = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    check(x, "a", i);
    check(y, "b", i);
    if (x === null || x === undefined || y === null || y === undefined) continue;
    n++;
    if (x && !y) b10++;
    else if (!x && y) b01++;
  }
  if (n === 0) return { b01, b10, p: NaN, n, diff: NaN };
  const p = Math.min(1, 2 * binomialHalfCdf(Math.min(b01, b10), b01 + b10));
  return { b01, b10, p, n, diff: (b10 - b01) / n };
}
