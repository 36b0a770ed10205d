/**
 * Benchmark: re-score all 4,000 samples of the study's eight result files with both suites.
 *
 * ```sh
 * deno bench -A lib/metrics/rescore_bench.ts
 * ```
 *
 * Reads ../shared/datasets/kz-legal-qa/results (relative to the repository root); loading is
 * outside the timed part.
 * @module
 */
import { fileURLToPath } from "node:url";
import { loadResults } from "../results/load_results.ts";
import { rescoreRun } from "./rescore_run.ts";

const SHARED = fileURLToPath(
  new URL("../../../shared/datasets/kz-legal-qa/results", import.meta.url),
);
const { runs } = await loadResults(SHARED);

Deno.bench(
  "rescoreRun(): 4,000 samples, legacy + v2 suites",
  { group: "rescore", baseline: true },
  () => {
    for (const run of runs) rescoreRun(run, { suite: "all" });
  },
);

Deno.bench("rescoreRun(): 4,000 samples, legacy suite", { group: "rescore" }, () => {
  for (const run of runs) rescoreRun(run, { suite: "legacy" });
});

Deno.bench("rescoreRun(): 4,000 samples, v2 suite", { group: "rescore" }, () => {
  for (const run of runs) rescoreRun(run, { suite: "v2" });
});
