/**
 * Private: length of the longest common subsequence of two integer sequences.
 *
 * Bit-parallel (Allison–Dix / Hyyrö): one bit per position of the longer sequence `a`; for each
 * symbol y of the shorter sequence, V ← (V + (V & M_y)) | (V & ~M_y), where M_y marks the
 * positions of y in `a`; at the end LCS = number of zero bits of V. M_y is never materialised:
 * it is built sparsely from the position list of y, and the update stops once the carry dies
 * above the highest touched word. Memory is linear: the bit vector (|a|/32 words) plus one
 * position list entry per element of `a`. Time is about |a|·|b|/32 word operations at worst.
 * @module
 */

let v = new Uint32Array(64);
let u = new Uint32Array(64);

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Length of the longest common subsequence of `a` and `b` (symbols are non-negative integers). */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length < b.length) [a, b] = [b, a];
  const m = a.length;
  if (b.length === 0) return 0;
  // Position lists of a's symbols, as a linked structure in two typed arrays (head by symbol id).
  let maxSym = 0;
  for (let i = 0; i < m; i++) if (a[i] > maxSym) maxSym = a[i];
  for (let j = 0; j < b.length; j++) if (b[j] > maxSym) maxSym = b[j];
  const head = new Int32Array(maxSym + 1).fill(-1);
  const next = new Int32Array(m);
  for (let i = m - 1; i >= 0; i--) {
    next[i] = head[a[i]];
    head[a[i]] = i; // ascending positions
  }
  const words = (m + 31) >>> 5;
  if (v.length < words) {
    v = new Uint32Array(2 * words);
    u = new Uint32Array(2 * words);
  }
  v.fill(0xffffffff, 0, words);
  for (let j = 0; j < b.length; j++) {
    let p = head[b[j]];
    if (p < 0) continue;
    const lo = p >>> 5;
    let hi = lo;
    for (; p >= 0; p = next[p]) {
      const k = p >>> 5;
      u[k] |= 1 << (p & 31);
      hi = k;
    }
    let carry = 0;
    for (let k = lo; k < words; k++) {
      const vk = v[k];
      const uk = (u[k] & vk) >>> 0;
      u[k] = 0;
      const sum = vk + uk + carry;
      v[k] = ((sum >>> 0) | (vk & ~uk)) >>> 0;
      carry = sum > 0xffffffff ? 1 : 0;
      if (k >= hi && carry === 0) break;
    }
  }
  let ones = 0;
  for (let k = 0; k < words - 1; k++) ones += popcount(v[k]);
  const rest = m - ((words - 1) << 5);
  const last = rest === 32 ? v[words - 1] : v[words - 1] & ((1 << rest) - 1);
  ones += popcount(last >>> 0);
  return m - ones;
}
