/**
 * Private engine shared by ROUGE-N, BLEU and chrF: n-gram match statistics of two integer
 * sequences, for orders 1..N, without building n-gram strings.
 *
 * Order-n n-grams are interned level by level: the id of the n-gram starting at i is the
 * dense id of the pair (id of the (n-1)-gram at i, symbol at i+n-1), so every key stays an exact
 * integer below 2^53 and is looked up in an open-addressing table (far faster than a `Map` of
 * strings). Memory is linear in the sequence lengths.
 * @module
 */

/** Per order n (index n-1): n-gram totals of each side and the clipped overlap Σ min(count_a, count_b). */
export interface NgramStats {
  a: number[];
  b: number[];
  match: number[];
}

class PairTable {
  keys = new Float64Array(0);
  vals = new Int32Array(0);
  stamp = new Int32Array(0);
  gen = 0;
  mask = 0;
  size = 0;

  reset(expected: number): void {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    if (cap > this.keys.length) {
      this.keys = new Float64Array(cap);
      this.vals = new Int32Array(cap);
      this.stamp = new Int32Array(cap);
      this.gen = 0;
    }
    this.mask = this.keys.length - 1;
    this.gen++;
    if (this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    this.size = 0;
  }

  /** Dense id of `key`, assigning the next id when it is new. */
  intern(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    let i = h & this.mask;
    const { keys, stamp, gen } = this;
    while (stamp[i] === gen) {
      if (keys[i] === key) return this.vals[i];
      i = (i + 1) & this.mask;
    }
    stamp[i] = gen;
    keys[i] = key;
    this.vals[i] = this.size;
    return this.size++;
  }
}

const table = new PairTable();
let countBuf = new Int32Array(1024);

/**
 * N-gram statistics of `a` and `b` (integer symbols in `[0, alphabet)`) for orders 1..maxOrder.
 * An order longer than a sequence contributes 0 n-grams for that side.
 */
export function ngramStats(a: Int32Array, b: Int32Array, alphabet: number, maxOrder: number): NgramStats {
  const stats: NgramStats = { a: [], b: [], match: [] };
  const la = a.length;
  const lb = b.length;
  let idsA: Int32Array = a;
  let idsB: Int32Array = b;
  let distinct = alphabet;
  for (let n = 1; n <= maxOrder; n++) {
    const na = Math.max(0, la - n + 1);
    const nb = Math.max(0, lb - n + 1);
    if (n > 1) {
      table.reset(na + nb);
      const nextA = new Int32Array(na);
      const nextB = new Int32Array(nb);
      for (let i = 0; i < na; i++) nextA[i] = table.intern(idsA[i] * alphabet + a[i + n - 1]);
      for (let i = 0; i < nb; i++) nextB[i] = table.intern(idsB[i] * alphabet + b[i + n - 1]);
      idsA = nextA;
      idsB = nextB;
      distinct = table.size;
    }
    if (countBuf.length < 2 * distinct) countBuf = new Int32Array(2 * distinct * 2);
    const counts = countBuf;
    counts.fill(0, 0, 2 * distinct);
    for (let i = 0; i < na; i++) counts[2 * idsA[i]]++;
    for (let i = 0; i < nb; i++) counts[2 * idsB[i] + 1]++;
    let match = 0;
    // Visit each distinct id of `a` once: its count slot is zeroed after use.
    for (let i = 0; i < na; i++) {
      const id = 2 * idsA[i];
      const ca = counts[id];
      if (ca === 0) continue;
      const cb = counts[id + 1];
      match += ca < cb ? ca : cb;
      counts[id] = 0;
    }
    stats.a.push(na);
    stats.b.push(nb);
    stats.match.push(match);
    if (na === 0 && nb === 0) {
      for (let m = n + 1; m <= maxOrder; m++) {
        stats.a.push(0);
        stats.b.push(0);
        stats.match.push(0);
      }
      break;
    }
  }
  return stats;
}
