/**
 * Test helpers: small in-memory runs and scored results; study variants with known truths, and
 * checks of what a report says against them.
 * @module
 */
export * from "./fake_run.ts";
export * from "./fake_scored.ts";
export * from "./study_variants.ts";
export * from "./check_findings.ts";
export * from "./report_svgs.ts";
export * from "./injection_payloads.ts";
export * from "./deno_notebook.ts";
