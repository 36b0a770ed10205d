/**
 * Impossible numbers are refused, not averaged: every stored metric must be one the metric
 * registry declares (a misspelt `rougeL_V2` or a producer's new metric would otherwise be
 * averaged, ordered and labelled by guesswork), every stored value must lie in the range the
 * registry gives it (a BERTScore of 7, a ROUGE of −1, a negative latency), and every stored number
 * must be finite (`1e400` parses as Infinity). Values within
 * {@linkcode RANGE_TOLERANCE} of a bound pass: scores computed in single precision can end a
 * rounding step beyond it (the study stores a BERTScore F1 of 1.0000001192092896). The error
 * names the file and the JSON path of the first offending value.
 * @module
 */
import { METRICS } from "../metrics/registry.ts";
import { LEGACY_METRIC_RENAMES } from "../results/load_result_file.ts";
import type { RunResult } from "../results/run_result.ts";

const STORED_NAME: Record<string, string> = Object.fromEntries(
  Object.entries(LEGACY_METRIC_RENAMES).map(([stored, name]) => [name, stored]),
);

/** Slack at a range's bounds, for single-precision rounding (float32 machine epsilon is 1.2e-7). */
export const RANGE_TOLERANCE = 1e-6;

function unknown(metric: string): string | null {
  return Object.hasOwn(METRICS, metric)
    ? null
    : `is not a metric the registry declares (lib/metrics/registry.ts; known: ${
      Object.keys(METRICS).join(", ")
    })`;
}

function problem(metric: string, value: number): string | null {
  const unknownName = unknown(metric);
  if (unknownName) return unknownName;
  if (!Number.isFinite(value)) return `is ${value}, not a finite number`;
  const info = METRICS[metric];
  const [lo, hi] = info.range;
  if (value < lo - RANGE_TOLERANCE || (hi !== null && value > hi + RANGE_TOLERANCE)) {
    return `is ${value}, outside the range of ${metric} [${lo}, ${hi ?? "∞"}${
      hi === null ? ")" : "]"
    }`;
  }
  return null;
}

/**
 * Throws a {@linkcode RangeError} naming the file and JSON path of the first stored value of
 * `run` whose metric the registry does not declare, or that is not finite or lies outside its
 * metric's range; per-sample metrics (null values included in the name check), per-sample
 * latency and stored aggregates are checked.
 *
 * @example
 * ```ts
 * import { checkMetricRanges } from "./check_ranges.ts";
 * import { fakeRun } from "../testing/fake_run.ts";
 * import assert from "node:assert/strict";
 * const run = fakeRun("r", [{ metrics: { bertscore_f1: 0.9 } }, { metrics: { bertscore_f1: 7 } }]);
 * assert.throws(() => checkMetricRanges(run),
 *   /"r\.json": samples\[1\]\.metrics\.bertscore_f1 is 7, outside the range of bertscore_f1 \[0, 1\]/);
 * assert.throws(() => checkMetricRanges(fakeRun("r", [{ metrics: { rougeL_V2: 0.5 } }])),
 *   /"r\.json": samples\[0\]\.metrics\.rougeL_V2 is not a metric the registry declares/);
 * ```
 */
export function checkMetricRanges(run: RunResult): void {
  const legacy = run.source.format === "legacy";
  const fail = (path: string, why: string): never => {
    throw new RangeError(`Cannot load result file "${run.source.path}": ${path} ${why}`);
  };
  (run.samples ?? []).forEach((s, i) => {
    const base = legacy ? `detailed_results[${i}]` : `samples[${i}]`;
    for (const [metric, value] of Object.entries(s.metrics)) {
      const why = value === null ? unknown(metric) : problem(metric, value);
      if (why) fail(`${base}.metrics.${legacy ? STORED_NAME[metric] ?? metric : metric}`, why);
    }
    if (s.latency_s !== null) {
      const why = problem("latency_s", s.latency_s);
      if (why) fail(legacy ? `${base}.metrics.${STORED_NAME.latency_s}` : `${base}.latency_s`, why);
    }
  });
  for (const [metric, a] of Object.entries(run.summary)) {
    const where = legacy
      ? `avg_metrics.${STORED_NAME[metric] ?? metric}`
      : `summary.${metric}.mean`;
    const why = problem(metric, a.mean);
    if (why) fail(where, why);
    for (const [bound, v] of [["lo", a.lo], ["hi", a.hi]] as const) {
      if (v === null) continue;
      const bad = problem(metric, v);
      if (bad) {
        fail(
          legacy
            ? `confidence_intervals.${STORED_NAME[metric] ?? metric}.ci_${
              bound === "lo" ? "lower" : "upper"
            }`
            : `summary.${metric}.${bound}`,
          bad,
        );
      }
    }
  }
}
