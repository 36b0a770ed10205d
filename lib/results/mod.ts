/**
 * Result files: the study's legacy shape and schema v1, validated on read; run identity; RAG
 * ablations.
 * @module
 */
export * from "./load_rag_ablation.ts";
export * from "./load_result_file.ts";
export * from "./load_results.ts";
export * from "./run_identity.ts";
export * from "./run_result.ts";
