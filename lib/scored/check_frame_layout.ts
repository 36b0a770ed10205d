/**
 * Whether a run's scored frame has the layout {@linkcode FRAME_COLUMNS} declares: how the
 * scored-results cache tells an entry written by another layout from a current one.
 * @module
 */
import pl from "nodejs-polars";
import { dtypeName, frameColumn, SAMPLE_COLUMNS, TEXT_COLUMNS } from "./frame_columns.ts";

/** Options for {@linkcode checkFrameLayout}. */
export interface CheckFrameLayoutOptions {
  /** Whether the long text columns must be present. Default: `true`. */
  text?: boolean;
}

/**
 * Throws a {@linkcode TypeError} naming the first difference between `frame`, one run's scored
 * samples, and the declared layout: a declared sample column missing (the text columns only when
 * `text`), of another type, or null where declared non-nullable; a run-identity column present;
 * any other column (a metric) not Float64.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * import { checkFrameLayout } from "./check_frame_layout.ts";
 * import { runSamplesFrame } from "./run_samples_frame.ts";
 * import { fakeRun } from "../testing/fake_run.ts";
 * const frame = runSamplesFrame(fakeRun("r", [{ metrics: { chrf: 50 } }]));
 * checkFrameLayout(frame);
 * assert.throws(() => checkFrameLayout(frame.drop("latency_s")), /column latency_s is missing/);
 * assert.throws(
 *   () => checkFrameLayout(frame.withColumn(pl.col("chrf").cast(pl.Utf8))),
 *   /column chrf is String, expected Float64/,
 * );
 * ```
 */
export function checkFrameLayout(
  frame: pl.DataFrame,
  options: CheckFrameLayoutOptions = {},
): void {
  const { text = true } = options;
  const types = new Map<string, pl.DataType>(
    frame.getColumns().map((c) => [c.name, c.dtype]),
  );
  const fail = (why: string): never => {
    throw new TypeError(`The scored frame does not have the declared layout: ${why}`);
  };
  for (const name of SAMPLE_COLUMNS) {
    if (!text && (TEXT_COLUMNS as readonly string[]).includes(name)) continue;
    const declared = frameColumn(name)!;
    const dtype = types.get(name);
    if (dtype === undefined) return fail(`column ${name} is missing`);
    if (!dtype.equals(declared.dtype)) {
      fail(`column ${name} is ${dtypeName(dtype)}, expected ${dtypeName(declared.dtype)}`);
    }
    if (!declared.nullable && frame.getColumn(name).nullCount() > 0) {
      fail(`column ${name} has nulls, but is declared non-nullable`);
    }
  }
  for (const [name, dtype] of types) {
    const declared = frameColumn(name);
    if (declared?.role === "run") fail(`column ${name} is a run-identity column`);
    if (declared === undefined && !dtype.equals(pl.Float64)) {
      fail(`column ${name} is ${dtypeName(dtype)}, expected Float64 (a metric)`);
    }
  }
}
