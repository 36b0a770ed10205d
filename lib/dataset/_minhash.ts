/**
 * MinHash internals for near-duplicate detection: character shingles hashed to 32 bits, a
 * seeded family of hash functions, band keys for locality-sensitive hashing, and exact Jaccard
 * similarity of two shingle sets.
 * @module
 */
import { seededRandom } from "../stats/rng.ts";

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers that mixes every bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The distinct character `k`-grams (UTF-16 code units) of `text`, each hashed to 32 bits
 * (FNV-1a then {@linkcode fmix32}), sorted ascending. A text shorter than `k` is one shingle.
 */
export function shingleHashes(text: string, k: number): Uint32Array {
  const n = Math.max(text.length - k + 1, 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(i + k, text.length);
    for (let j = i; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    out[i] = fmix32(h >>> 0);
  }
  out.sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[m - 1]) out[m++] = out[i];
  return out.slice(0, m);
}

/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted distinct hash arrays. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0, j = 0, common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 1 : common / union;
}

/** `count` 32-bit seeds drawn from the project's seeded generator. */
export function hashSeeds(count: number, seed: number): Uint32Array {
  const random = seededRandom(seed);
  const seeds = new Uint32Array(count);
  for (let i = 0; i < count; i++) seeds[i] = Math.floor(random() * 0x1_0000_0000) >>> 0;
  return seeds;
}

/**
 * MinHash signature of a shingle set under the family h_i(x) = fmix32(x XOR seed_i), written
 * into `out` (length = number of seeds).
 */
export function minhashInto(shingles: Uint32Array, seeds: Uint32Array, out: Uint32Array): void {
  out.fill(0xffffffff);
  const k = seeds.length;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s];
    for (let i = 0; i < k; i++) {
      let h = x ^ seeds[i];
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < out[i]) out[i] = h;
    }
  }
}

/** One 32-bit key per band: a hash of the band's `rows` signature values. */
export function bandKeysInto(
  signature: Uint32Array,
  bands: number,
  rows: number,
  out: Uint32Array,
  offset: number,
): void {
  for (let b = 0; b < bands; b++) {
    let h = 0x9e3779b9 ^ b;
    for (let r = 0; r < rows; r++) h = fmix32((h ^ signature[b * rows + r]) >>> 0);
    out[offset + b] = h;
  }
}

/** A 53-bit hash of a string (cyrb53), used as the identity of a normalised text. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
