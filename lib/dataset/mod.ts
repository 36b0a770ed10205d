/**
 * Dataset analysis: read Alpaca JSONL, classify rows by language and legal domain, summarise
 * lengths, find duplicates and train/validation overlap.
 * @module
 */
export * from "./read_alpaca_jsonl.ts";
export * from "./resolve_dataset_files.ts";
export * from "./load_dataset.ts";
export * from "./count_words.ts";
export * from "./normalize_text.ts";
export * from "./language_table.ts";
export * from "./domain_table.ts";
export * from "./length_table.ts";
export * from "./length_histogram.ts";
export * from "./find_duplicates.ts";
export * from "./duplicate_tables.ts";
export * from "./describe_dataset.ts";
