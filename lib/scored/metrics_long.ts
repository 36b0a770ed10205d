/**
 * The long form of the scored-samples frame, for group-bys over metrics: one row per run ×
 * question × metric.
 * @module
 */
import pl from "nodejs-polars";
import { frameColumn } from "./frame_columns.ts";

/**
 * `run, id, metric, value` (Float64, null where undefined) for the given metrics (default: every
 * metric column of the frame, i.e. every Float64 column not declared in `FRAME_COLUMNS`, so
 * without `latency_s`).
 *
 * @example
 * ```ts
 * import { metricsLong } from "./metrics_long.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "r", values: { chrf: [40, 60], bleu: [0.1, null] } }]);
 * const long = metricsLong(scored.frame, ["chrf", "bleu"]);
 * assert.equal(long.height, 4);
 * assert.deepEqual(long.columns, ["run", "id", "metric", "value"]);
 * ```
 */
export function metricsLong(frame: pl.DataFrame, metrics?: readonly string[]): pl.DataFrame {
  const cols = metrics ??
    frame.columns.filter((c) =>
      frameColumn(c) === undefined && frame.getColumn(c).dtype.equals(pl.Float64)
    );
  return frame.select("run", "id", ...cols).unpivot(["run", "id"], [...cols], {
    variableName: "metric",
    valueName: "value",
  })
    .select("run", "id", "metric", pl.col("value").cast(pl.Float64));
}
