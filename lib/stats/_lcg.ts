/**
 * Private: the state of d3-random's linear congruential generator (`randomLcg`), inlined so that
 * the resampling loops draw without a function call per number, plus jump-ahead. The numbers
 * are bit for bit those of {@linkcode seededRandom} with the same seed: state
 * `s ← (0x19660D · s + 0x3C6EF35F) mod 2^32`, uniform `u = (s >>> 0) / 2^32`.
 * @module
 */

/** Multiplier of the generator (Numerical Recipes' `ranqd1`, as d3-random uses). */
export const LCG_MUL = 0x19660d;
/** Increment of the generator. */
export const LCG_INC = 0x3c6ef35f;
/** `2^-32`: turns a 32-bit state into a uniform number in [0, 1). */
export const LCG_EPS = 1 / 0x100000000;

/** The initial state d3-random's `randomLcg(seed)` starts from (a signed 32-bit integer). */
export function lcgState(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
  return (0 <= seed && seed < 1 ? seed / LCG_EPS : Math.abs(seed)) | 0;
}

/**
 * The state `steps` draws after `state`, in O(log steps): the affine map
 * `s ↦ a·s + c (mod 2^32)` composed with itself by repeated squaring.
 */
export function lcgSkip(state: number, steps: number): number {
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`Steps must be a non-negative integer, got ${steps}`);
  }
  let a = LCG_MUL, c = LCG_INC; // the map of 2^j steps
  let accA = 1, accC = 0; // the map of the steps taken so far
  for (let k = steps; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) {
      accA = Math.imul(a, accA);
      accC = (Math.imul(a, accC) + c) | 0;
    }
    c = (Math.imul(a, c) + c) | 0;
    a = Math.imul(a, a);
  }
  return (Math.imul(accA, state) + accC) | 0;
}
