/**
 * Re-scores every sample of a run with the legacy and/or v2 suites.
 * @module
 */
import type { Aggregate, RunResult } from "../results/run_result.ts";
import { scoreSample, type SuiteChoice, suiteMetricNames } from "./score_sample.ts";
import { metricInfo } from "./registry.ts";

/** Options for {@linkcode rescoreRun}. */
export interface RescoreRunOptions {
  /** Suite(s) to compute. Default: `"all"`. */
  suite?: SuiteChoice;
}

/**
 * Returns a copy of `run` whose samples carry freshly computed metrics of the chosen suite(s).
 *
 * - A recomputed metric replaces a stored value of the same name; stored metrics that cannot be
 *   recomputed (`bertscore_f1`) are kept as they are.
 * - `metricSignatures` gains the signature of every recomputed metric (see
 *   {@linkcode metricInfo}).
 * - `summary` gets, for every recomputed metric, the mean over samples where it is not null with
 *   `n` = that count; `lo`/`hi` are `null` because confidence intervals belong to the statistics
 *   code, not here. Summaries of other metrics are kept.
 *
 * @throws {TypeError} when the run has no per-sample records (a summary-only file).
 * @example
 * ```ts
 * import { rescoreRun } from "./rescore_run.ts";
 * import type { RunResult } from "../results/run_result.ts";
 * import assert from "node:assert/strict";
 * const sample = { id: "0", instruction: "q", input: "", reference: "статья 5", prediction: "статья 5",
 *   language: null, language_source: "file" as const, domain: null, domain_source: "file" as const, latency_s: 1.5, new_tokens: null, hit_max_new_tokens: null,
 *   retrieval: null, metrics: { bertscore_f1: 0.9 } };
 * const run = { run: { id: "r", model: "m", family: "f", size_b: null, variant: "base", label: "r", adapter: null, rag: null },
 *   source: { path: "r.json", sha256: "0".repeat(64), format: "v1" }, samples: [sample], summary: {},
 *   metricSignatures: {}, meta: { created_at: null, source_note: null, gpu_name: null, peak_gpu_memory_gb: null, total_s: null } } satisfies RunResult;
 * const out = rescoreRun(run, { suite: "v2" });
 * assert.equal(out.samples![0].metrics.citation_accuracy_v2, 1);
 * assert.equal(out.samples![0].metrics.bertscore_f1, 0.9); // kept
 * assert.equal(out.summary.chrf.mean, 100);
 * assert.match(out.metricSignatures.chrf, /^chrf\|suite:v2\|/);
 * ```
 */
export function rescoreRun(run: RunResult, options: RescoreRunOptions = {}): RunResult {
  const { suite = "all" } = options;
  const names = suiteMetricNames(suite);
  if (!run.samples) {
    throw new TypeError(
      `Cannot rescore run "${run.run.id}" (${run.source.path}): it has no per-sample records`,
    );
  }
  const samples = run.samples.map((s) => ({
    ...s,
    metrics: { ...s.metrics, ...scoreSample(s, { suite }) },
  }));
  const summary: Record<string, Aggregate> = { ...run.summary };
  const metricSignatures = { ...run.metricSignatures };
  for (const name of names) {
    let sum = 0;
    let n = 0;
    for (const s of samples) {
      const v = s.metrics[name];
      if (v !== null && v !== undefined) {
        sum += v;
        n++;
      }
    }
    if (n > 0) summary[name] = { mean: sum / n, lo: null, hi: null, n };
    else delete summary[name];
    metricSignatures[name] = metricInfo(name).signature;
  }
  return { ...run, samples, summary, metricSignatures };
}
