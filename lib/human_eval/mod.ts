/**
 * Human (expert) evaluation: prepare blind sheets for raters, read the filled sheets back with
 * every value validated, and turn them into per-run results with intervals, paired comparisons,
 * inter-rater agreement and correlations with the automatic metrics.
 * @module
 */
export * from "./sheet_columns.ts";
export * from "./human_eval_key.ts";
export * from "./prepare_human_eval.ts";
export * from "./instructions.ts";
export * from "./write_human_eval.ts";
export * from "./read_human_eval.ts";
export * from "./read_sheet_answers.ts";
export * from "./human_eval_summary.ts";
export * from "./human_eval_paired.ts";
export * from "./human_eval_agreement.ts";
export * from "./human_eval_correlation.ts";
export * from "./load_human_eval_inputs.ts";
