/**
 * Tables in the three forms a paper needs (CSV, Markdown, LaTeX), and the wide layout of estimate
 * rows.
 * @module
 */
export * from "./format_table.ts";
export * from "./widen_estimates.ts";
export * from "./write_table.ts";
