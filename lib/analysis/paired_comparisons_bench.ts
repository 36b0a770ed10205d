/**
 * Speed of the default paired family on the study's eight runs (500 questions each), every
 * metric, 10,000 bootstrap resamples and 10,000 sign flips. Target: under 10 s.
 *
 *     deno bench -A lib/analysis/paired_comparisons_bench.ts
 *
 * Reads the shared study files at run time (`../shared/datasets/kz-legal-qa/results`); it fails,
 * rather than skipping, when they are missing.
 */
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../paths.ts";
import { defaultFamily } from "./default_family.ts";
import { pairedComparisons } from "./paired_comparisons.ts";

const results = await loadResults(fromRoot("../shared/datasets/kz-legal-qa/results"));
const family = defaultFamily(results.runs);
let seed = 1000;

Deno.bench({
  name:
    "default family, 8 runs × all metrics, 10k resamples + 10k sign flips (cold: new seed each time)",
  n: 3,
  warmup: 0,
  fn() {
    // A new seed every iteration: the resample and sign matrices are drawn afresh, as in a report run.
    const rows = pairedComparisons(results.runs, family, {
      resamples: 10_000,
      permutations: 10_000,
      seed: seed++,
    });
    if (rows.length < 100) throw new Error(`expected the full family, got ${rows.length} rows`);
  },
});

Deno.bench({
  name: "default family, 8 runs × all metrics, 10k resamples + 10k sign flips (matrices cached)",
  n: 3,
  warmup: 1,
  fn() {
    pairedComparisons(results.runs, family, { resamples: 10_000, permutations: 10_000, seed: 42 });
  },
});
