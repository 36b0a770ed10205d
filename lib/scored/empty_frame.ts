/**
 * The scored frame with no rows: every declared column with its type, for a folder whose runs
 * have no per-sample records.
 * @module
 */
import pl from "nodejs-polars";
import { FRAME_COLUMNS, TEXT_COLUMNS } from "./frame_columns.ts";

/** Options for {@linkcode emptyFrame}. */
export interface EmptyFrameOptions {
  /** Include the long text columns. Default: `true`. */
  text?: boolean;
}

/**
 * A frame with no rows and the columns of a scored frame: {@linkcode FRAME_COLUMNS} (without the
 * text columns when `text` is `false`) with their declared types, then one Float64 column per
 * metric of `metrics`.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import assert from "node:assert/strict";
 * import { emptyFrame } from "./empty_frame.ts";
 * const f = emptyFrame(["chrf"], { text: false });
 * assert.equal(f.height, 0);
 * assert.equal(f.columns.includes("prediction"), false);
 * assert.ok(f.getColumn("chrf").dtype.equals(pl.Float64));
 * assert.ok(f.getColumn("chrf_stats").dtype.equals(pl.List(pl.Float64)));
 * ```
 */
export function emptyFrame(
  metrics: readonly string[],
  options: EmptyFrameOptions = {},
): pl.DataFrame {
  const { text = true } = options;
  const columns = FRAME_COLUMNS.filter((c) =>
    text || !(TEXT_COLUMNS as readonly string[]).includes(c.name)
  );
  return pl.DataFrame([
    ...columns.map((c) => emptySeries(c.name, c.dtype)),
    ...metrics.map((m) => pl.Series(m, [], pl.Float64)),
  ]);
}

function emptySeries(name: string, dtype: pl.DataType): pl.Series {
  // nodejs-polars cannot build an empty list series directly: build one row and drop it.
  return dtype.variant === "List"
    ? pl.Series(name, [[]], dtype).slice(0, 0)
    : pl.Series(name, [], dtype);
}
