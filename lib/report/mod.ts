/**
 * The report: parameters, sections built by notebooks, the headless runner that assembles
 * report.md.
 * @module
 */
export * from "./params.ts";
export * from "./report_notebooks.ts";
export * from "./report_section.ts";
export * from "./run_report.ts";
export * from "./save.ts";
export * from "./report_manifest.ts";
export * from "./replace_output.ts";
