/**
 * Loads a results folder and re-scores every run that has per-sample records with the corrected
 * metric suite (v2: `*_v2` metrics and `chrf`), keeping the stored values of the study's legacy
 * metrics as stored. This is what the report's notebooks read, so every table carries both suites
 * side by side.
 * @module
 */
import { rescoreRun, type RescoreRunOptions } from "../metrics/rescore_run.ts";
import { loadResults, type ResultSet } from "./load_results.ts";

/** Options for {@linkcode loadScoredResults}. */
export interface LoadScoredResultsOptions {
  /** Suite(s) recomputed from predictions and references. Default: `"v2"`. */
  suite?: RescoreRunOptions["suite"];
}

/**
 * {@linkcode loadResults}, then {@linkcode rescoreRun} on each run with samples. Summary-only runs
 * are returned unchanged.
 */
export async function loadScoredResults(
  dir: string,
  options: LoadScoredResultsOptions = {},
): Promise<ResultSet> {
  const { suite = "v2" } = options;
  const set = await loadResults(dir);
  return { ...set, runs: set.runs.map((r) => (r.samples ? rescoreRun(r, { suite }) : r)) };
}
