/**
 * One run's per-sample records as a Polars frame: the unit that is scored, cached and stacked
 * into the scored-samples frame.
 * @module
 */
import pl from "nodejs-polars";
import type { RunResult } from "../results/run_result.ts";
import { orderMetrics } from "../metrics/metric_order.ts";
import { runAnswerBehaviour } from "../behaviour/behaviour_summary.ts";
import { chrfCorpusStatistics } from "../metrics/chrf_corpus.ts";
import { createHash } from "node:crypto";
import { frameColumn, SAMPLE_COLUMNS } from "./frame_columns.ts";

type SampleColumn = (typeof SAMPLE_COLUMNS)[number];

/**
 * The question a sample answers, as a short key: the first 16 hex digits of the SHA-256 of its
 * instruction and reference, each trimmed of surrounding white space, joined by a NUL. Two
 * runs' samples pair only when their ids and keys agree (see `pairRuns`).
 *
 * @example
 * ```ts
 * import { questionKey } from "./run_samples_frame.ts";
 * import assert from "node:assert/strict";
 * assert.equal(questionKey(" Что такое НДС? ", "налог"), questionKey("Что такое НДС?", "налог\n"));
 * assert.notEqual(questionKey("Что такое НДС?", "налог"), questionKey("Что такое НДС?", "салық"));
 * ```
 */
export function questionKey(instruction: string | null, reference: string | null): string {
  return createHash("sha256")
    .update(`${(instruction ?? "").trim()}\u0000${(reference ?? "").trim()}`)
    .digest("hex").slice(0, 16);
}

/** Metric names of a run's samples, in display order. */
export function sampleMetricNames(run: RunResult): string[] {
  const names = new Set<string>();
  for (const s of run.samples ?? []) for (const k of Object.keys(s.metrics)) names.add(k);
  return orderMetrics([...names]);
}

/**
 * The samples of `run` as a frame, one row per sample in question order (by `question_key`, then
 * `id`: never the file's order, so that a resampled statistic does not depend on it): the
 * {@linkcode SAMPLE_COLUMNS} as `FRAME_COLUMNS` declares them (`question_key` the
 * {@linkcode questionKey} of the sample; `retrieval` the JSON text of the retrieved records; the
 * answer-behaviour flags of `lib/behaviour/`, with truncation calibrated on the run; `chrf_stats`,
 * each answer's chrF n-gram counts, for corpus chrF), then one Float64 column per metric, null
 * where the metric is undefined for the sample (`keyword_coverage` among them when a sample
 * carries keywords). `latency_s` is the sample's `latency_s` field: a column, never a metric.
 *
 * @throws {TypeError} when the run has no per-sample records, when a sample's metric is named
 *   like a declared column (e.g. `metrics.latency_s`), or when a column declared non-nullable
 *   gets a null.
 */
export function runSamplesFrame(run: RunResult): pl.DataFrame {
  const samples = run.samples;
  if (!samples) {
    throw new TypeError(`Run "${run.run.id}" (${run.source.path}) has no per-sample records`);
  }
  const metrics = sampleMetricNames(run);
  for (const m of metrics) {
    if (frameColumn(m) === undefined) continue;
    const i = samples.findIndex((s) => m in s.metrics);
    throw new TypeError(
      `Run "${run.run.id}" (${run.source.path}): samples[${i}].metrics.${m} is named like a column of the scored frame; ${m} is the sample's own field, not a metric`,
    );
  }
  const behaviour = runAnswerBehaviour(run).map((x) => x.behaviour);
  const values: Record<SampleColumn, () => unknown[]> = {
    id: () => samples.map((s) => s.id),
    instruction: () => samples.map((s) => s.instruction),
    input: () => samples.map((s) => s.input),
    reference: () => samples.map((s) => s.reference),
    prediction: () => samples.map((s) => s.prediction),
    question_key: () => samples.map((s) => questionKey(s.instruction, s.reference)),
    language: () => samples.map((s) => s.language),
    language_source: () => samples.map((s) => s.language_source),
    domain: () => samples.map((s) => s.domain),
    domain_source: () => samples.map((s) => s.domain_source),
    latency_s: () => samples.map((s) => s.latency_s),
    new_tokens: () => samples.map((s) => s.new_tokens),
    hit_max_new_tokens: () => samples.map((s) => s.hit_max_new_tokens),
    retrieval: () => samples.map((s) => (s.retrieval ? JSON.stringify(s.retrieval) : null)),
    answer_language: () => behaviour.map((b) => b.answer_language),
    question_language: () => behaviour.map((b) => b.question_language),
    wrong_language: () => behaviour.map((b) => b.wrong_language),
    reasoning_trace: () => behaviour.map((b) => b.reasoning_trace),
    truncated: () => behaviour.map((b) => b.truncated),
    truncated_estimated: () => behaviour.map((b) => b.truncated_basis !== "recorded"),
    empty: () => behaviour.map((b) => b.empty),
    refusal: () => behaviour.map((b) => b.refusal),
    substantive: () => behaviour.map((b) => b.substantive),
    // Each answer's chrF n-gram statistics (18 counts: hypothesis, reference and matching n-grams
    // of orders 1-6): summed over resampled answers they give corpus chrF and its interval cheaply.
    chrf_stats: () =>
      chrfCorpusStatistics(samples.map((s) => s.prediction), samples.map((s) => s.reference)),
  };
  const cols: pl.Series[] = SAMPLE_COLUMNS.map((name) => {
    const { dtype, nullable } = frameColumn(name)!;
    const series = pl.Series(name, values[name](), dtype);
    if (!nullable && series.nullCount() > 0) {
      const i = (series.isNull().toArray() as boolean[]).indexOf(true);
      throw new TypeError(
        `Run "${run.run.id}" (${run.source.path}): column ${name} of samples[${i}] is null, but the scored frame declares it non-nullable`,
      );
    }
    return series;
  });
  for (const m of metrics) {
    cols.push(pl.Series(m, samples.map((s) => s.metrics[m] ?? null), pl.Float64));
  }
  if (behaviour.some((b) => b.keyword_coverage !== null)) {
    cols.push(pl.Series("keyword_coverage", behaviour.map((b) => b.keyword_coverage), pl.Float64));
  }
  return inQuestionOrder(pl.DataFrame(cols));
}

/**
 * The rows of one run in an order fixed by the questions, not by the file: by `question_key`, then
 * `id`, `input` and `prediction` (nulls last). Every resampling (bootstrap intervals, sign flips)
 * draws row positions, so this makes intervals independent of the order of the records in a
 * result file.
 */
function inQuestionOrder(frame: pl.DataFrame): pl.DataFrame {
  if (frame.height < 2) return frame;
  return frame.sort({
    by: ["question_key", "id", "input", "prediction"],
    descending: false,
    nullsLast: true,
    maintainOrder: true,
  });
}
