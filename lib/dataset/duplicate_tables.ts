/**
 * Duplicates within and across the splits of a dataset, and the leakage of validation
 * questions into training, as tables.
 * @module
 */
import type pl from "nodejs-polars";
import { type Duplicates, findDuplicates, type FindDuplicatesOptions } from "./find_duplicates.ts";
import { splitOrder } from "./_splits.ts";

/** What is compared: the question (`instruction` + `input`) or the whole pair (question + `output`). */
export type DuplicateKey = "question" | "pair";

/** One row of `tables/dataset_duplicates.csv`. */
export interface DuplicateRow extends Record<string, string | number> {
  key: DuplicateKey;
  /** `exact` (equal after normalisation) or `near` (Jaccard ≥ threshold; includes exact). */
  kind: "exact" | "near";
  /** The split whose rows are counted. */
  split: string;
  /** Where their duplicates are looked for: the same split (within) or another (across). */
  other_split: string;
  /** Rows of `split`. */
  n_rows: number;
  /** Rows of `split` with at least one duplicate of this kind in `other_split` (other than themselves). */
  n_with_duplicate: number;
  /** n_with_duplicate / n_rows. */
  share: number;
}

/** One row of `tables/dataset_leakage.csv`: the sensitivity of across-split overlap to the threshold. */
export interface LeakageRow extends Record<string, string | number> {
  key: DuplicateKey;
  split: string;
  other_split: string;
  /** Jaccard threshold as text (`0.7`, `0.8`, `0.9`), or `exact`. */
  threshold: string;
  n_rows: number;
  n_with_duplicate: number;
  share: number;
}

/** One example pair (`tables/dataset_duplicate_examples.csv`). */
export interface DuplicateExample extends Record<string, string | number> {
  key: DuplicateKey;
  kind: "exact" | "near";
  jaccard: number;
  split_a: string;
  line_a: number;
  split_b: string;
  line_b: number;
  text_a: string;
  text_b: string;
}

/** Options for {@linkcode duplicateTables}. */
export interface DuplicateTablesOptions extends FindDuplicatesOptions {
  /** Example pairs to list per key. Default: `25`. */
  examples?: number;
  /** Characters of each text shown in examples. Default: `90`. */
  excerpt?: number;
  /** Jaccard thresholds of the leakage table (each ≥ `threshold`). Default: `[threshold, 0.8, 0.9]`, those ≥ threshold. */
  leakageThresholds?: number[];
}

/** What {@linkcode duplicateTables} computed. */
export interface DuplicateTables {
  duplicates: DuplicateRow[];
  leakage: LeakageRow[];
  examples: DuplicateExample[];
  /** The raw results per key. */
  found: Record<DuplicateKey, Duplicates>;
  /** Split order used. */
  splits: string[];
}

/** The question text of a row: instruction, and the input on a new line when it is not empty. */
export function questionText(instruction: string, input: string): string {
  return input === "" ? instruction : `${instruction}\n${input}`;
}

/**
 * For each row, whether another row of split `target` is its duplicate: in the same exact group,
 * or (when `minJaccard` is a number) in a group linked to its group by a near pair with Jaccard
 * ≥ `minJaccard`.
 */
export function rowsWithDuplicateIn(
  d: Duplicates,
  split: Int32Array,
  nSplits: number,
  target: number,
  minJaccard: number | null,
): Uint8Array {
  const groups = d.first.length;
  const counts = new Int32Array(groups * nSplits);
  for (let i = 0; i < d.group.length; i++) counts[d.group[i] * nSplits + split[i]]++;
  const hasNear = new Uint8Array(groups);
  if (minJaccard !== null) {
    for (const p of d.nearPairs) {
      if (p.jaccard < minJaccard) continue;
      if (counts[p.b * nSplits + target] > 0) hasNear[p.a] = 1;
      if (counts[p.a * nSplits + target] > 0) hasNear[p.b] = 1;
    }
  }
  const out = new Uint8Array(d.group.length);
  for (let i = 0; i < d.group.length; i++) {
    const g = d.group[i];
    const others = counts[g * nSplits + target] - (split[i] === target ? 1 : 0);
    out[i] = others > 0 || hasNear[g] === 1 ? 1 : 0;
  }
  return out;
}

const excerptOf = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return [...flat].length <= n ? flat : [...flat].slice(0, n - 1).join("") + "…";
};

/**
 * Finds exact and near duplicates of questions and of whole pairs, within each split and across
 * splits, and tabulates them.
 *
 * Definitions (see {@linkcode findDuplicates} for the method): a row *has a duplicate* in split S
 * when some other row of S is its exact duplicate (normalised texts equal) or, for `near`, when
 * the Jaccard similarity of their character-shingle sets is at least `threshold` (default 0.7).
 * `near` includes `exact`. The share of validation rows with a near duplicate question in
 * training bounds how many validation questions a model may have seen, in nearly the same words,
 * while training; the `pair` key (question and answer) bounds how many it could answer from
 * memory. Near-duplicate relations are not chained: a row counts only through a pair that itself
 * passes the threshold.
 *
 * @param frame A frame from {@linkcode loadDataset} with its text columns.
 * @param options See {@linkcode DuplicateTablesOptions}.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { duplicateTables } from "./duplicate_tables.ts";
 * import assert from "node:assert/strict";
 * const frame = pl.DataFrame({
 *   split: ["train", "train", "validation", "validation"], line: [1, 2, 1, 2],
 *   instruction: ["Какая ставка КПН?", "Жер салығы қандай?", "какая ставка кпн", "Что такое сервитут?"],
 *   input: ["", "", "", ""], output: ["20%.", "Әртүрлі.", "20 процентов.", "Право пользования."],
 * });
 * const { duplicates } = duplicateTables(frame);
 * const leak = duplicates.find((r) => r.key === "question" && r.kind === "exact" && r.split === "validation" && r.other_split === "train")!;
 * assert.deepEqual([leak.n_with_duplicate, leak.n_rows, leak.share], [1, 2, 0.5]);
 * ```
 */
export function duplicateTables(
  frame: pl.DataFrame,
  options: DuplicateTablesOptions = {},
): DuplicateTables {
  const { examples: nExamples = 25, excerpt = 90, leakageThresholds, ...findOptions } = options;
  const splits = splitOrder(frame);
  const splitIndex = new Map(splits.map((s, i) => [s, i]));
  const splitNames = frame.getColumn("split").toArray() as string[];
  const split = Int32Array.from(splitNames, (s) => splitIndex.get(s)!);
  const lines = frame.getColumn("line").toArray() as number[];
  const instruction = frame.getColumn("instruction").toArray() as string[];
  const input = frame.getColumn("input").toArray() as string[];
  const output = frame.getColumn("output").toArray() as string[];
  const questions = instruction.map((q, i) => questionText(q, input[i]));
  const found = {
    question: findDuplicates(questions, findOptions),
    pair: findDuplicates(questions.map((q, i) => `${q}\n${output[i]}`), findOptions),
  };
  const threshold = found.question.options.threshold;
  const sizes = splits.map((_, s) => split.filter((x) => x === s).length);

  const duplicates: DuplicateRow[] = [];
  const leakage: LeakageRow[] = [];
  const thresholds = (leakageThresholds ?? [threshold, 0.8, 0.9]).filter((t) => t >= threshold);
  const uniqueThresholds = [...new Set(thresholds)].sort((a, b) => a - b);
  for (const key of ["question", "pair"] as const) {
    const d = found[key];
    for (const kind of ["exact", "near"] as const) {
      for (let s = 0; s < splits.length; s++) {
        for (let t = 0; t < splits.length; t++) {
          const flags = rowsWithDuplicateIn(
            d,
            split,
            splits.length,
            t,
            kind === "exact" ? null : threshold,
          );
          let n = 0;
          for (let i = 0; i < flags.length; i++) if (split[i] === s && flags[i]) n++;
          duplicates.push({
            key,
            kind,
            split: splits[s],
            other_split: splits[t],
            n_rows: sizes[s],
            n_with_duplicate: n,
            share: n / sizes[s],
          });
        }
      }
    }
    for (let s = 0; s < splits.length; s++) {
      for (let t = 0; t < splits.length; t++) {
        if (s === t) continue;
        for (const th of [...uniqueThresholds.map(String), "exact"]) {
          const flags = rowsWithDuplicateIn(
            d,
            split,
            splits.length,
            t,
            th === "exact" ? null : Number(th),
          );
          let n = 0;
          for (let i = 0; i < flags.length; i++) if (split[i] === s && flags[i]) n++;
          leakage.push({
            key,
            split: splits[s],
            other_split: splits[t],
            threshold: th,
            n_rows: sizes[s],
            n_with_duplicate: n,
            share: n / sizes[s],
          });
        }
      }
    }
  }

  // Examples: the question key; every exact group's first row against its other rows, and every near pair.
  const examples: DuplicateExample[] = [];
  for (const key of ["question", "pair"] as const) {
    const d = found[key];
    const text = (
      i: number,
    ) => (key === "question" ? questions[i] : `${questions[i]} → ${output[i]}`);
    const candidates: DuplicateExample[] = [];
    const ex = (
      kind: "exact" | "near",
      jaccard: number,
      a: number,
      b: number,
    ): DuplicateExample => ({
      key,
      kind,
      jaccard,
      split_a: splitNames[a],
      line_a: lines[a],
      split_b: splitNames[b],
      line_b: lines[b],
      text_a: excerptOf(text(a), excerpt),
      text_b: excerptOf(text(b), excerpt),
    });
    for (let i = 0; i < d.group.length; i++) {
      const first = d.first[d.group[i]];
      if (first !== i) candidates.push(ex("exact", 1, first, i));
    }
    for (const p of d.nearPairs) candidates.push(ex("near", p.jaccard, d.first[p.a], d.first[p.b]));
    const across = (e: DuplicateExample) => (e.split_a === e.split_b ? 1 : 0);
    candidates.sort((x, y) =>
      across(x) - across(y) || (x.kind === y.kind ? 0 : x.kind === "exact" ? -1 : 1) ||
      y.jaccard - x.jaccard ||
      x.split_a.localeCompare(y.split_a) || x.line_a - y.line_a ||
      x.split_b.localeCompare(y.split_b) || x.line_b - y.line_b
    );
    examples.push(...candidates.slice(0, nExamples));
  }
  return { duplicates, leakage, examples, found, splits };
}
