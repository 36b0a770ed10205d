/**
 * Typed access to the scored-samples frame: one run's rows, a metric column as a `Float64Array`
 * (NaN where the metric is undefined), whether a run has a metric at all. Statistics loops run on
 * these arrays, never on the frame's rows as objects.
 * @module
 */
import pl from "nodejs-polars";

/** Where each run's rows lie in a frame whose runs are contiguous (`null` when they are not). */
const runSpans = new WeakMap<pl.DataFrame, Map<string, [number, number]> | null>();

function spansOf(frame: pl.DataFrame): Map<string, [number, number]> | null {
  if (runSpans.has(frame)) return runSpans.get(frame)!;
  const runs = frame.getColumn("run").toArray() as (string | null)[];
  let spans: Map<string, [number, number]> | null = new Map();
  for (let i = 0; i < runs.length;) {
    const run = runs[i];
    let j = i + 1;
    while (j < runs.length && runs[j] === run) j++;
    if (run === null || spans.has(run)) {
      spans = null; // a run in two places (or no run): filter instead
      break;
    }
    spans.set(run, [i, j - i]);
    i = j;
  }
  runSpans.set(frame, spans);
  return spans;
}

/**
 * The rows of run `run` (in stored order). On a frame whose runs are contiguous, as
 * `loadScored` stacks them, this is a slice that shares the frame's memory (no copy, however
 * often it is called); otherwise a filter.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * import { runRows } from "./run_columns.ts";
 * const f = pl.DataFrame({ run: ["a", "a", "b", "a"], x: [1, 2, 3, 4] });
 * assert.deepEqual(runRows(f, "a").getColumn("x").toArray(), [1, 2, 4]);
 * assert.deepEqual(runRows(f.head(3), "b").getColumn("x").toArray(), [3]);
 * assert.equal(runRows(f, "c").height, 0);
 * ```
 */
export function runRows(frame: pl.DataFrame, run: string): pl.DataFrame {
  const spans = spansOf(frame);
  if (spans === null) return frame.filter(pl.col("run").eq(pl.lit(run)));
  const span = spans.get(run);
  return span ? frame.slice(span[0], span[1]) : frame.head(0);
}

/**
 * A numeric column as a `Float64Array`, NaN where the value is null.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * import { metricValues } from "./run_columns.ts";
 * const f = pl.DataFrame([pl.Series("m", [1, null, 0.5], pl.Float64)]);
 * assert.deepEqual([...metricValues(f, "m")], [1, NaN, 0.5]);
 * ```
 */
export function metricValues(frame: pl.DataFrame, metric: string): Float64Array {
  if (frame.height === 0) return new Float64Array(0);
  const column = frame.select(pl.col(metric).cast(pl.Float64).fillNull(NaN)).getColumn(metric);
  return Float64Array.from(column.toTypedArray() as Float64Array);
}

/** A text column as strings (null where missing). */
export function textValues(frame: pl.DataFrame, column: string): (string | null)[] {
  return frame.getColumn(column).toArray() as (string | null)[];
}

/** Number of values that are not NaN. */
export function definedCount(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  return n;
}

/** Whether `run`'s rows have `metric` defined on at least one sample. */
export function runHasMetric(frame: pl.DataFrame, metric: string): boolean {
  return frame.columns.includes(metric) && frame.getColumn(metric).nullCount() < frame.height;
}
