/**
 * Seeded randomness. Every random choice in the project goes through these functions so that
 * the same seed gives the same tables and figures on every machine. They wrap d3-random's
 * linear congruential generator (`randomLcg`), which is specified bit for bit.
 * @module
 */
import { randomLcg } from "d3-random";

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Default seed used across the project when none is given (the study used 42). */
export const DEFAULT_SEED = 42;

/**
 * The largest seed that picks its own sequence: d3-random's generator keeps 32 bits of its seed
 * (`seed | 0`), so 2^32 would give the same numbers as 0, and larger integers are not even
 * represented exactly. Options refuse seeds above it rather than wrap or round them.
 */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Returns a seeded uniform generator on [0, 1).
 *
 * @example
 * ```ts
 * import { seededRandom } from "./rng.ts";
 * import assert from "node:assert/strict";
 * const a = seededRandom(7), b = seededRandom(7);
 * assert.equal(a(), b());
 * ```
 */
export function seededRandom(seed: number = DEFAULT_SEED): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
  return randomLcg(seed);
}

/** Uniform integer in [0, n) from `random`. */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/**
 * Fisher–Yates shuffle of a copy of `items` with a seeded generator.
 *
 * @example
 * ```ts
 * import { seededRandom, shuffle } from "./rng.ts";
 * import assert from "node:assert/strict";
 * const s = shuffle([1, 2, 3, 4], seededRandom(1));
 * assert.deepEqual([...s].sort(), [1, 2, 3, 4]);
 * assert.deepEqual(shuffle([1, 2, 3, 4], seededRandom(1)), s);
 * ```
 */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
