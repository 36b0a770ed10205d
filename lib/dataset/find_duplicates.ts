/**
 * Exact and near duplicates among texts: exact after {@linkcode normalizeText}, near by Jaccard
 * similarity of character shingles, found with MinHash locality-sensitive hashing and then
 * confirmed by computing the exact Jaccard similarity of each candidate pair.
 * @module
 */
import { normalizeText } from "./normalize_text.ts";
import {
  bandKeysInto,
  hash53,
  hashSeeds,
  jaccardSorted,
  minhashInto,
  shingleHashes,
} from "./_minhash.ts";

/** Options for {@linkcode findDuplicates}. */
export interface FindDuplicatesOptions {
  /** Jaccard similarity of shingle sets at or above which two texts are near duplicates. Default: `0.7`. */
  threshold?: number;
  /** Shingle length in characters of the normalised text. Default: `5`. */
  shingle?: number;
  /** LSH bands. Default: `16`. */
  bands?: number;
  /** MinHash values per band (signature length = bands × rows). Default: `4`. */
  rows?: number;
  /** Seed of the MinHash hash family. Default: `42`. */
  seed?: number;
  /** Buckets larger than this compare each member with the first `maxBucket` members only. Default: `256`. */
  maxBucket?: number;
  /** Find near duplicates (false: exact only). Default: `true`. */
  near?: boolean;
}

/** Defaults of {@linkcode FindDuplicatesOptions}. */
export const FIND_DUPLICATES_DEFAULTS: Readonly<Required<FindDuplicatesOptions>> = Object.freeze({
  threshold: 0.7,
  shingle: 5,
  bands: 16,
  rows: 4,
  seed: 42,
  maxBucket: 256,
  near: true,
});

/** A near-duplicate pair of exact-duplicate groups. */
export interface NearPair {
  /** Group ids, `a < b`. */
  a: number;
  b: number;
  /** Exact Jaccard similarity of the two groups' shingle sets (below 1: exact duplicates share a group). */
  jaccard: number;
}

/** What {@linkcode findDuplicates} found. */
export interface Duplicates {
  /** The options used, defaults filled. */
  options: Readonly<Required<FindDuplicatesOptions>>;
  /** Exact-duplicate group of each text (0-based, numbered by first occurrence); equal groups = equal normalised texts. */
  group: Int32Array;
  /** First text (index) of each group. */
  first: Int32Array;
  /** Texts in each group. */
  size: Int32Array;
  /** Near-duplicate pairs of groups with Jaccard ≥ threshold, sorted by `a`, then `b`. */
  nearPairs: NearPair[];
  /** Candidate pairs that LSH proposed and that were checked exactly. */
  candidates: number;
}

/**
 * Finds exact and near duplicates among `texts`.
 *
 * Definitions. Two texts are *exact duplicates* when their normalised forms are equal
 * ({@linkcode normalizeText}: NFKC, lower case, ё→е, punctuation and symbols dropped, spaces
 * collapsed); equality is decided on a 53-bit hash of the normalised text (a false match among a
 * million texts has probability about 3·10⁻⁵). Two texts are *near duplicates* when the Jaccard
 * similarity of their sets of character `shingle`-grams (of the normalised text) is at least
 * `threshold`. Character shingles suit short questions and Kazakh's long inflected words: one
 * changed word in a ten-word question leaves a similarity near 0.8, while word shingles would
 * fall below 0.5.
 *
 * Method. Each distinct normalised text gets a MinHash signature of `bands × rows` values from the
 * seeded family h_i(x) = fmix32(x XOR seed_i); texts whose signatures agree on all values of any
 * band become candidates (the S-curve 1 − (1 − J^rows)^bands: with the defaults, a pair at
 * J = 0.7 is a candidate with probability 0.988, at J = 0.9 with probability > 0.9999), and each
 * candidate's exact Jaccard similarity decides. So no reported pair is a false positive; a true
 * pair can be missed with the small probability above, or when a bucket exceeds `maxBucket`.
 *
 * @param texts The texts to compare.
 * @param options See {@linkcode FindDuplicatesOptions}.
 * @returns Groups of exact duplicates and near pairs between groups.
 * @example
 * ```ts
 * import { findDuplicates } from "./find_duplicates.ts";
 * import assert from "node:assert/strict";
 * const d = findDuplicates([
 *   "Какая ставка ИПН для наемных работников?",
 *   "какая ставка ипн для наемных работников",          // exact after normalisation
 *   "Какая ставка ИПН для наемных работников в 2024?",  // near
 *   "Жер учаскесін қалай алуға болады?",
 * ]);
 * assert.deepEqual([...d.group], [0, 0, 1, 2]);
 * assert.equal(d.nearPairs.length, 1);
 * assert.deepEqual([d.nearPairs[0].a, d.nearPairs[0].b], [0, 1]);
 * ```
 */
export function findDuplicates(
  texts: readonly string[],
  options: FindDuplicatesOptions = {},
): Duplicates {
  const o = { ...FIND_DUPLICATES_DEFAULTS, ...options };
  if (!(o.threshold > 0 && o.threshold <= 1)) {
    throw new RangeError(`threshold must be in (0, 1], got ${o.threshold}`);
  }
  for (const k of ["shingle", "bands", "rows", "maxBucket"] as const) {
    if (!(Number.isInteger(o[k]) && o[k] >= 1)) {
      throw new RangeError(`${k} must be a positive integer, got ${o[k]}`);
    }
  }
  const n = texts.length;
  const group = new Int32Array(n);
  const ids = new Map<number, number>();
  const firstList: number[] = [];
  const normalised: string[] = [];
  for (let i = 0; i < n; i++) {
    const norm = normalizeText(texts[i]);
    const h = hash53(norm);
    let g = ids.get(h);
    if (g === undefined) {
      g = firstList.length;
      ids.set(h, g);
      firstList.push(i);
      if (o.near) normalised.push(norm);
    }
    group[i] = g;
  }
  const groups = firstList.length;
  const size = new Int32Array(groups);
  for (let i = 0; i < n; i++) size[group[i]]++;
  const result: Duplicates = {
    options: o,
    group,
    first: Int32Array.from(firstList),
    size,
    nearPairs: [],
    candidates: 0,
  };
  if (!o.near || groups < 2) return result;

  if (groups >= 0x200000) {
    throw new RangeError(
      `findDuplicates() handles at most ${0x200000 - 1} distinct texts, got ${groups}`,
    );
  }
  // Band keys of every group's signature.
  const seeds = hashSeeds(o.bands * o.rows, o.seed);
  const signature = new Uint32Array(seeds.length);
  const keys = new Uint32Array(groups * o.bands);
  for (let g = 0; g < groups; g++) {
    minhashInto(shingleHashes(normalised[g], o.shingle), seeds, signature);
    bandKeysInto(signature, o.bands, o.rows, keys, g * o.bands);
  }

  // Candidate pairs: groups sharing a band key. Sort (key, group) packed into one double.
  const seen = new Set<number>();
  const candidates: number[] = [];
  const packed = new Float64Array(groups);
  for (let b = 0; b < o.bands; b++) {
    for (let g = 0; g < groups; g++) packed[g] = keys[g * o.bands + b] * 0x200000 + g;
    packed.sort();
    let start = 0;
    for (let i = 1; i <= groups; i++) {
      if (i < groups && Math.floor(packed[i] / 0x200000) === Math.floor(packed[start] / 0x200000)) {
        continue;
      }
      const head = Math.min(i, start + o.maxBucket);
      for (let x = start; x < head; x++) {
        const gx = packed[x] % 0x200000;
        for (let y = x + 1; y < i; y++) {
          const gy = packed[y] % 0x200000;
          const pair = gx < gy ? gx * groups + gy : gy * groups + gx;
          if (!seen.has(pair)) {
            seen.add(pair);
            candidates.push(pair);
          }
        }
      }
      start = i;
    }
  }
  result.candidates = candidates.length;

  // Confirm candidates exactly.
  candidates.sort((x, y) => x - y);
  const cache = new Map<number, Uint32Array>();
  const shingles = (g: number) => {
    let s = cache.get(g);
    if (s === undefined) {
      s = shingleHashes(normalised[g], o.shingle);
      if (cache.size > 100_000) cache.clear();
      cache.set(g, s);
    }
    return s;
  };
  for (const pair of candidates) {
    const a = Math.floor(pair / groups), b = pair % groups;
    const j = jaccardSorted(shingles(a), shingles(b));
    if (j >= o.threshold) result.nearPairs.push({ a, b, jaccard: j });
  }
  return result;
}
