/**
 * Text classification shared by the metric suites and the dataset analysis: the study's
 * language and domain rules, and better ones.
 * @module
 */
export * from "./language.ts";
export * from "./domain.ts";
export * from "./question_labels.ts";
export * from "./transliterate.ts";
export * from "./terminal_safe.ts";
