/**
 * Split helpers shared by the dataset tables.
 * @module
 */
import pl from "nodejs-polars";

/** The name of the pooled pseudo-split in tables. */
export const ALL_SPLITS = "all";

/** Split names in order of first appearance in the frame. */
export function splitOrder(frame: pl.DataFrame): string[] {
  return [...new Set(frame.getColumn("split").unique(true).toArray() as string[])];
}

/** Splits plus `all` when there is more than one split. */
export function splitsWithAll(frame: pl.DataFrame): string[] {
  const splits = splitOrder(frame);
  if (splits.includes(ALL_SPLITS)) {
    throw new TypeError(
      `A dataset split may not be named "${ALL_SPLITS}": the tables use it for the pooled rows`,
    );
  }
  return splits.length > 1 ? [...splits, ALL_SPLITS] : splits;
}

/** The frame's rows of one split (or all rows for `all`). */
export function rowsOf(frame: pl.DataFrame, split: string): pl.DataFrame {
  return split === ALL_SPLITS ? frame : frame.filter(pl.col("split").eq(pl.lit(split)));
}

/**
 * How many times each value occurs in a column, counted by Polars (`valueCounts`) instead of
 * copying the column into a JavaScript array; keys are the column's values (null as `null`).
 */
export function valueCounts(series: pl.Series): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const r of series.valueCounts().toRecords()) counts.set(r[series.name], Number(r.count));
  return counts;
}
