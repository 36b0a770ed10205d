/**
 * Files: atomic writes, CSV, SHA-256, input-file records.
 * @module
 */
export * from "./atomic_write.ts";
export * from "./csv.ts";
export * from "./sha256.ts";
export * from "./source_file.ts";
export * from "./paths.ts";
export * from "./exists.ts";
export * from "./lock_folder.ts";
export * from "./cache_dir.ts";
