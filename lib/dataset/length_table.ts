/**
 * Text lengths in words per field, as in the study's dataset table, with spread.
 * @module
 */
import pl from "nodejs-polars";
import { TEXT_FIELDS } from "./load_dataset.ts";
import { rowsOf, splitsWithAll } from "./_splits.ts";

/** One row of `tables/dataset_lengths.csv`. */
export interface LengthRow extends Record<string, string | number | null> {
  split: string;
  /** `all`, or a letter-share language (`kz`, `ru`, `mixed`, `none`) with `byLanguage`. */
  language: string;
  /** `instruction`, `input` or `output`. */
  field: string;
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Sample standard deviation (n − 1 denominator); null for a single row. */
  std: number | null;
  /** 95th percentile, linear interpolation (numpy's default). */
  p95: number;
}

/** Options for {@linkcode lengthTable}. */
export interface LengthTableOptions {
  /** Also give rows per letter-share language within each split. Default: `false`. */
  byLanguage?: boolean;
}

const LANGUAGE_ORDER = ["kz", "ru", "mixed", "none"];

function stats(rows: pl.DataFrame, split: string, language: string): LengthRow[] {
  const exprs = TEXT_FIELDS.flatMap((f) => {
    const c = pl.col(`words_${f}`).cast(pl.Float64);
    return [
      c.mean().alias(`${f}:mean`),
      c.median().alias(`${f}:median`),
      c.min().alias(`${f}:min`),
      c.max().alias(`${f}:max`),
      c.std().alias(`${f}:std`),
      c.quantile(0.95, "linear").alias(`${f}:p95`),
    ];
  });
  const r = rows.select(...exprs).toRecords()[0] as Record<string, number | null>;
  return TEXT_FIELDS.map((field) => ({
    split,
    language,
    field,
    n: rows.height,
    mean: r[`${field}:mean`] as number,
    median: r[`${field}:median`] as number,
    min: r[`${field}:min`] as number,
    max: r[`${field}:max`] as number,
    std: rows.height > 1 ? r[`${field}:std`] : null,
    p95: r[`${field}:p95`] as number,
  }));
}

/**
 * Word-count statistics of `instruction`, `input` and `output` per split (and `all`), and
 * optionally per language within each split.
 *
 * Definitions: a word is a maximal run of non-whitespace characters (Python's
 * `len(text.split())`, the study's measure); an empty `input` has 0 words and counts, as in the
 * study's table (whose input median is 0). Median and p95 interpolate linearly between order
 * statistics (numpy's default); std uses the n − 1 denominator.
 *
 * @param frame A frame from {@linkcode loadDataset}.
 * @param options See {@linkcode LengthTableOptions}.
 * @returns Rows `split, language, field, n, mean, median, min, max, std, p95`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { lengthTable } from "./length_table.ts";
 * import assert from "node:assert/strict";
 * const frame = pl.DataFrame({ split: ["t", "t", "t", "t"], language: ["ru", "ru", "kz", "kz"],
 *   words_instruction: [2, 4, 6, 8], words_input: [0, 0, 0, 10], words_output: [1, 1, 1, 1] });
 * const ins = lengthTable(frame).find((r) => r.field === "instruction")!;
 * // mean 5, median (4+6)/2, std sqrt(20/3), p95 at rank 0.95*3 = 2.85 -> 6 + 0.85*2
 * assert.deepEqual([ins.mean, ins.median, ins.min, ins.max], [5, 5, 2, 8]);
 * assert.ok(Math.abs(ins.p95 - 7.7) < 1e-12);
 * assert.ok(Math.abs(ins.std! - Math.sqrt(20 / 3)) < 1e-12);
 * ```
 */
export function lengthTable(frame: pl.DataFrame, options: LengthTableOptions = {}): LengthRow[] {
  const { byLanguage = false } = options;
  const out: LengthRow[] = [];
  for (const split of splitsWithAll(frame)) {
    const rows = rowsOf(frame, split);
    out.push(...stats(rows, split, "all"));
    if (!byLanguage) continue;
    const present = new Set(rows.getColumn("language").toArray() as string[]);
    for (const language of LANGUAGE_ORDER.filter((l) => present.has(l))) {
      out.push(...stats(rows.filter(pl.col("language").eq(pl.lit(language))), split, language));
    }
  }
  return out;
}
