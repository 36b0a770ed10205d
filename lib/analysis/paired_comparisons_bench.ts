/**
 * Speed of the default paired family on the study's eight runs (500 questions each), every
 * metric, 10,000 bootstrap resamples and 10,000 sign flips. Target: under 10 s.
 *
 *     deno bench -A lib/analysis/paired_comparisons_bench.ts
 *
 * Reads the study's files shipped in `data/results`.
 */
import { loadScored } from "../scored/load_scored.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { defaultFamily } from "./default_family.ts";
import { pairedComparisons } from "./paired_comparisons.ts";

const scored = await loadScored(STUDY_RESULTS);
const family = defaultFamily(scored.runs);
let seed = 1000;

Deno.bench({
  name:
    "default family, 8 runs × all metrics, 10k resamples + 10k sign flips (cold: new seed each time)",
  n: 3,
  warmup: 0,
  fn() {
    // A new seed every iteration: the resample and sign matrices are drawn afresh, as in a report run.
    const { rows } = pairedComparisons(scored, family, {
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
    pairedComparisons(scored, family, { resamples: 10_000, permutations: 10_000, seed: 42 });
  },
});
