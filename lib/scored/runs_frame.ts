/**
 * The runs of scored results as a Polars frame, one row per run: what a notebook shows first.
 * @module
 */
import pl from "nodejs-polars";
import { displayPath } from "../io/paths.ts";
import type { ScoredRun } from "./load_scored.ts";
import { frameColumn, RUN_COLUMN_VALUES, RUN_COLUMNS } from "./frame_columns.ts";

/**
 * `run, label, family, size_b, variant, samples, format, file, sha256` for each run, in display
 * order: the scored frame's run-identity columns (`RUN_COLUMNS`, as declared), then the number of
 * samples (0 for a summary-only file) and the file's format, path and SHA-256.
 *
 * @example
 * ```ts
 * import { runsFrame } from "./runs_frame.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const f = runsFrame(fakeScored([{ id: "ft", values: { chrf: [1, 2] } }]).runs);
 * assert.deepEqual(f.toRecords()[0].samples, 2);
 * ```
 */
export function runsFrame(runs: readonly ScoredRun[]): pl.DataFrame {
  return pl.DataFrame([
    ...RUN_COLUMNS.map((c) =>
      pl.Series(c, runs.map((r) => RUN_COLUMN_VALUES[c](r.run)), frameColumn(c)!.dtype)
    ),
    pl.Series("samples", runs.map((r) => r.samples), pl.Int32),
    pl.Series("format", runs.map((r) => r.source.format), pl.Utf8),
    pl.Series("file", runs.map((r) => displayPath(r.source.path)), pl.Utf8),
    pl.Series("sha256", runs.map((r) => r.source.sha256), pl.Utf8),
  ]);
}
