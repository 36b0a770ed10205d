/**
 * Loads a results folder and scores every run that has per-sample records, so that every table
 * carries both metric suites side by side: the study's legacy files keep their stored legacy
 * values (reproduced exactly by `deno task rescore --check`) and gain the corrected suite (v2:
 * `*_v2` metrics and `chrf`); files in the project's schema v1, whose producer computes no text
 * metrics (the Python side leaves scoring to TypeScript), get both suites. This is what the
 * report's notebooks read.
 * @module
 */
import { rescoreRun, type RescoreRunOptions } from "../metrics/rescore_run.ts";
import { loadResults, type ResultSet } from "./load_results.ts";

/** Options for {@linkcode loadScoredResults}. */
export interface LoadScoredResultsOptions {
  /** Suite(s) computed for the study's legacy files. Default: `"v2"` (legacy values stay as stored). */
  legacySuite?: RescoreRunOptions["suite"];
  /** Suite(s) computed for schema-v1 files. Default: `"all"`. */
  v1Suite?: RescoreRunOptions["suite"];
}

/**
 * {@linkcode loadResults}, then {@linkcode rescoreRun} on each run with samples. Summary-only runs
 * are returned unchanged.
 */
export async function loadScoredResults(
  dir: string,
  options: LoadScoredResultsOptions = {},
): Promise<ResultSet> {
  const { legacySuite = "v2", v1Suite = "all" } = options;
  const set = await loadResults(dir);
  const suiteOf = (format: string) => (format === "legacy" ? legacySuite : v1Suite);
  return {
    ...set,
    runs: set.runs.map((r) => (r.samples ? rescoreRun(r, { suite: suiteOf(r.source.format) }) : r)),
  };
}
