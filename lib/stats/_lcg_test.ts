import assert from "node:assert/strict";
import { randomLcg } from "d3-random";
import { LCG_EPS, LCG_INC, LCG_MUL, lcgSkip, lcgState } from "./_lcg.ts";

function draws(seed: number, count: number): number[] {
  const out: number[] = [];
  let s = lcgState(seed);
  for (let i = 0; i < count; i++) {
    s = (Math.imul(LCG_MUL, s) + LCG_INC) | 0;
    out.push(LCG_EPS * (s >>> 0));
  }
  return out;
}

Deno.test("the inlined generator draws bit for bit what d3-random's randomLcg draws", () => {
  for (const seed of [42, 0, 1, 0.25, 0.999, 7, 123456789, -5, 2 ** 40 + 3]) {
    const ref = randomLcg(seed);
    const mine = draws(seed, 5000);
    for (let i = 0; i < mine.length; i++) assert.equal(mine[i], ref(), `seed ${seed}, draw ${i}`);
  }
});

Deno.test("lcgSkip() jumps ahead to the state of the k-th draw", () => {
  let s = lcgState(42);
  const states = [s];
  for (let i = 0; i < 3000; i++) states.push(s = (Math.imul(LCG_MUL, s) + LCG_INC) | 0);
  for (const k of [0, 1, 2, 3, 17, 1024, 2999, 3000]) {
    assert.equal(lcgSkip(states[0], k), states[k], `k = ${k}`);
  }
  // Composition: 5e9 steps (beyond 2^32, the period) equals 2.5e9 twice.
  assert.equal(lcgSkip(lcgSkip(7, 2.5e9), 2.5e9), lcgSkip(7, 5e9));
  // The period of a full-period LCG modulo 2^32 is 2^32.
  assert.equal(lcgSkip(12345, 2 ** 32), 12345);
  assert.throws(() => lcgSkip(1, -1), RangeError);
  assert.throws(() => lcgState(NaN), RangeError);
});
