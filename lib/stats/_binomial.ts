/**
 * Private: tails of the symmetric binomial distribution `Bin(N, 1/2)`, shared by McNemar's exact
 * test and the exact sign-flip test (where every difference has the same size they are the
 * same test). The probability of one count comes from Loader's saddle-point form (as R's
 * `dbinom` and Boost compute it), which keeps full relative precision at any `N`; differences of
 * log-gamma values would lose digits (`ln Γ(5001) ≈ 37,600`).
 * @module
 */

const LN_2PI = 1.8378770664093453;

/** `ln(n!)` for n = 0 … 15, from exact factorials. */
const LN_FACTORIAL: number[] = [];
for (let n = 0, f = 1; n <= 15; n++, f *= n) LN_FACTORIAL.push(Math.log(f));

/** Stirling's error `ln(n!) − [(n + 1/2) ln n − n + ln √(2π)]`. */
function stirlingError(n: number): number {
  if (n <= 15) return LN_FACTORIAL[n] - ((n + 0.5) * Math.log(n) - n + 0.5 * LN_2PI);
  const nn = n * n;
  const S0 = 1 / 12, S1 = 1 / 360, S2 = 1 / 1260, S3 = 1 / 1680, S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Loader's deviance term `x ln(x/m) + m − x`, without cancellation when `x ≈ m`. */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** `C(N, k)` for N ≤ 50, exact: every coefficient and every intermediate product is below 2^53. */
function smallBinomial(k: number, N: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) c = (c * (N - j)) / (j + 1);
  return c;
}

/** `P(X = k)` for `X ~ Bin(N, 1/2)`; exact for N ≤ 50. */
export function binomialHalfPmf(k: number, N: number): number {
  if (k < 0 || k > N) return 0;
  if (N <= 50) return smallBinomial(k, N) * Math.pow(2, -N);
  if (k === 0 || k === N) return Math.pow(2, -N);
  const lc = stirlingError(N) - stirlingError(k) - stirlingError(N - k) - deviance(k, N / 2) -
    deviance(N - k, N / 2);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / N);
  return Math.exp(lc - 0.5 * lf);
}

/**
 * `P(X ≤ k)` for `X ~ Bin(N, 1/2)`: exact for N ≤ 50 (integer coefficients); otherwise the
 * largest term from {@linkcode binomialHalfPmf}, the others
 * by the ratio `P(j−1) / P(j) = j / (N − j + 1)`, summed until they no longer count. Values below
 * about 1e-308 underflow to 0.
 */
export function binomialHalfCdf(k: number, N: number): number {
  if (!Number.isInteger(N) || N < 0) {
    throw new RangeError(`N must be a non-negative integer, got ${N}`);
  }
  k = Math.floor(k);
  if (k < 0) return 0;
  if (k >= N) return 1;
  if (2 * k >= N) return 1 - binomialHalfCdf(N - k - 1, N);
  if (N <= 50) {
    let c = 0;
    for (let j = 0; j <= k; j++) c += smallBinomial(j, N); // exact integers below 2^53
    return c * Math.pow(2, -N);
  }
  let term = binomialHalfPmf(k, N);
  let sum = 0;
  for (let j = k; j >= 0; j--) {
    sum += term;
    if (term < sum * 1e-17) break;
    term *= j / (N - j + 1);
  }
  return sum;
}
