/**
 * The task entry points (`deno task report`, `test`, `setup`, `lab`, `baseline`, `rescore`, `judge`,
 * `judge-export`, `human-eval-prepare`, `strip-notebooks`, `scale-report`): each file runs when executed and exports its command-line parser for
 * tests. Nothing in `lib/` imports from here.
 * @module
 */
export * from "./report_args.ts";
export * from "./baseline.ts";
export * from "./setup.ts";
export * from "./strip_notebooks.ts";
export * from "./option_list.ts";
