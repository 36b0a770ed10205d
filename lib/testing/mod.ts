/**
 * Test helpers: small in-memory runs and scored results.
 * @module
 */
export * from "./fake_run.ts";
export * from "./fake_scored.ts";
export * from "./injection_payloads.ts";
