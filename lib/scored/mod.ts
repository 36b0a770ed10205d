/**
 * The scored-samples frame, the contract between loading and analysis: every result file read,
 * validated and scored once (cached on disk), stacked into one Polars frame with a row per run ×
 * sample.
 * @module
 */
export * from "./load_scored.ts";
export * from "./run_columns.ts";
export * from "./run_samples_frame.ts";
export * from "./frame_columns.ts";
export * from "./empty_frame.ts";
export * from "./check_frame_layout.ts";
export * from "./scorer_key.ts";
export * from "./runs_frame.ts";
export * from "./metrics_long.ts";
export * from "./filter_scored.ts";
export * from "./check_ranges.ts";
export * from "./memo.ts";
export * from "./warm_scored_cache.ts";
