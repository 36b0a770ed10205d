/**
 * The workbench's public surface, one import for a notebook or a script:
 *
 * ```ts
 * import { loadScored, scalingTable, ReportSection } from "../lib/mod.ts";
 * ```
 *
 * Each folder of `lib/` has its own `mod.ts`; importing one of those instead loads less.
 * @module
 */
export * from "./io/mod.ts";
export * from "./process/mod.ts";
export * from "./stats/mod.ts";
export * from "./text/mod.ts";
export * from "./escape/mod.ts";
export * from "./results/mod.ts";
export * from "./metrics/mod.ts";
export * from "./scored/mod.ts";
export * from "./analysis/mod.ts";
export * from "./dataset/mod.ts";
export * from "./human_eval/mod.ts";
export * from "./behaviour/mod.ts";
export * from "./judge/mod.ts";
export * from "./training/mod.ts";
export * from "./retrieval/mod.ts";
export * from "./tables/mod.ts";
export * from "./figures/mod.ts";
export * from "./report/mod.ts";
export * from "./notebook/mod.ts";
export * from "./bridge/mod.ts";
export * from "./pyenv/mod.ts";
