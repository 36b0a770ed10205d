/**
 * Private engine shared by ROUGE-N, BLEU and chrF: n-gram match statistics of two integer
 * sequences, for orders 1..N, without building n-gram strings.
 *
 * Order-n n-grams are interned level by level: the id of the n-gram starting at i is the dense
 * id of the pair (id of the (n-1)-gram at i, symbol at i+n-1), so every key stays an exact integer
 * below 2^53 and lives in an open-addressing table (far faster than a `Map` of strings). Only
 * n-grams that can still match are interned: a position whose (n-1)-gram does not occur on the
 * other side is dead for every higher order. Memory is linear in the sequence lengths.
 * @module
 */

/** Per order n (index n-1): n-gram totals of each side and the clipped overlap Σ min(count_a, count_b). */
export interface NgramStats {
  a: number[];
  b: number[];
  match: number[];
}

/** Key spaces up to this size are addressed directly (no hashing). */
const DIRECT_MAX = 1 << 22;

class PairTable {
  direct = false;
  dVals = new Int32Array(0);
  dStamp = new Int32Array(0);
  dGen = 0;
  keys = new Float64Array(0);
  vals = new Int32Array(0);
  stamp = new Int32Array(0);
  gen = 0;
  mask = 0;
  size = 0;

  /** Prepares for `expected` keys below `keySpace`. */
  reset(expected: number, keySpace: number): void {
    this.size = 0;
    this.direct = keySpace <= DIRECT_MAX;
    if (this.direct) {
      if (this.dVals.length < keySpace) {
        let cap = 1024;
        while (cap < keySpace) cap *= 2;
        this.dVals = new Int32Array(cap);
        this.dStamp = new Int32Array(cap);
        this.dGen = 0;
      }
      this.dGen++;
      if (this.dGen === 0x7fffffff) {
        this.dStamp.fill(0);
        this.dGen = 1;
      }
      return;
    }
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

  slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.stamp[i] === this.gen && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** Dense id of `key`, assigning the next id when it is new. */
  intern(key: number): number {
    if (this.direct) {
      if (this.dStamp[key] === this.dGen) return this.dVals[key];
      this.dStamp[key] = this.dGen;
      this.dVals[key] = this.size;
      return this.size++;
    }
    const i = this.slot(key);
    if (this.stamp[i] === this.gen) return this.vals[i];
    this.stamp[i] = this.gen;
    this.keys[i] = key;
    this.vals[i] = this.size;
    return this.size++;
  }

  /** Dense id of `key`, or -1 when it was never interned. */
  find(key: number): number {
    if (this.direct) return this.dStamp[key] === this.dGen ? this.dVals[key] : -1;
    const i = this.slot(key);
    return this.stamp[i] === this.gen ? this.vals[i] : -1;
  }
}

const table = new PairTable();
let countA = new Int32Array(1024);
let countB = new Int32Array(1024);

/**
 * N-gram statistics of `a` and `b` (integer symbols in `[0, alphabet)`) for orders 1..maxOrder.
 * An order longer than a sequence contributes 0 n-grams for that side.
 */
export function ngramStats(
  a: Int32Array,
  b: Int32Array,
  alphabet: number,
  maxOrder: number,
): NgramStats {
  const stats: NgramStats = { a: [], b: [], match: [] };
  const la = a.length;
  const lb = b.length;
  let idsA = new Int32Array(a);
  let idsB = new Int32Array(b);
  let distinct = alphabet;
  for (let n = 1; n <= maxOrder; n++) {
    const na = Math.max(0, la - n + 1);
    const nb = Math.max(0, lb - n + 1);
    stats.a.push(na);
    stats.b.push(nb);
    if (n > 1) {
      // Intern the live n-grams of b, then look up those of a (a miss kills the position).
      let liveB = 0;
      for (let i = 0; i < nb; i++) if (idsB[i] >= 0) liveB++;
      table.reset(liveB, distinct * alphabet);
      for (let i = 0; i < nb; i++) {
        const p = idsB[i];
        idsB[i] = p < 0 ? -1 : table.intern(p * alphabet + b[i + n - 1]);
      }
      for (let i = 0; i < na; i++) {
        const p = idsA[i];
        idsA[i] = p < 0 ? -1 : table.find(p * alphabet + a[i + n - 1]);
      }
      distinct = table.size;
    }
    if (countA.length < distinct) {
      countA = new Int32Array(2 * distinct);
      countB = new Int32Array(2 * distinct);
    }
    countA.fill(0, 0, distinct);
    countB.fill(0, 0, distinct);
    for (let i = 0; i < na; i++) if (idsA[i] >= 0) countA[idsA[i]]++;
    for (let i = 0; i < nb; i++) if (idsB[i] >= 0) countB[idsB[i]]++;
    let match = 0;
    for (let id = 0; id < distinct; id++) {
      const ca = countA[id];
      const cb = countB[id];
      match += ca < cb ? ca : cb;
    }
    stats.match.push(match);
    if (n === maxOrder) break;
    // Positions whose n-gram is missing on the other side cannot match at higher orders.
    let alive = 0;
    for (let i = 0; i < na; i++) if (idsA[i] >= 0 && countB[idsA[i]] === 0) idsA[i] = -1;
    for (let i = 0; i < nb; i++) {
      if (idsB[i] >= 0 && countA[idsB[i]] === 0) idsB[i] = -1;
      else if (idsB[i] >= 0) alive++;
    }
    // Shorten to the next order's positions (the last start position drops off).
    idsA = idsA.subarray(0, Math.max(0, na - 1));
    idsB = idsB.subarray(0, Math.max(0, nb - 1));
    if (alive === 0) {
      for (let m = n + 1; m <= maxOrder; m++) {
        stats.a.push(Math.max(0, la - m + 1));
        stats.b.push(Math.max(0, lb - m + 1));
        stats.match.push(0);
      }
      break;
    }
  }
  return stats;
}
