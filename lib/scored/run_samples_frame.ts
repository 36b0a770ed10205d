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

/** The per-sample columns before the metric columns, in order. */
export const SAMPLE_COLUMNS = [
  "id",
  "instruction",
  "input",
  "reference",
  "prediction",
  "question_key",
  "language",
  "language_source",
  "domain",
  "domain_source",
  "latency_s",
  "new_tokens",
  "hit_max_new_tokens",
  "retrieval",
  "answer_language",
  "question_language",
  "wrong_language",
  "reasoning_trace",
  "truncated",
  "truncated_estimated",
  "empty",
  "refusal",
  "substantive",
  "chrf_stats",
] as const;

/**
 * The long text columns among {@linkcode SAMPLE_COLUMNS}: most of a scored frame's memory. The
 * cache stores them apart, and `loadScored(dir, { text: false })` leaves them out.
 */
export const TEXT_COLUMNS = ["instruction", "input", "reference", "prediction"] as const;

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

/** The answer-behaviour flags among {@linkcode SAMPLE_COLUMNS} (see `lib/behaviour/`). */
export const BEHAVIOUR_COLUMNS_OF_FRAME = [
  "wrong_language",
  "reasoning_trace",
  "truncated",
  "empty",
  "refusal",
  "substantive",
] as const;

/** Metric names of a run's samples, in display order (`latency_s` is a sample column). */
export function sampleMetricNames(run: RunResult): string[] {
  const names = new Set<string>();
  for (const s of run.samples ?? []) for (const k of Object.keys(s.metrics)) names.add(k);
  names.delete("latency_s");
  return orderMetrics([...names]);
}

/**
 * The samples of `run` as a frame, one row per sample in question order (by `question_key`, then
 * `id`: never the file's order, so that a resampled statistic does not depend on it):
 * {@linkcode SAMPLE_COLUMNS} (texts as Utf8, `question_key` the
 * {@linkcode questionKey} of the sample, `retrieval` as the
 * JSON text of the retrieved records or null; the answer-behaviour flags of `lib/behaviour/`, with
 * truncation calibrated on the run, as Boolean columns and the answer's and question's language
 * as text; `chrf_stats`, each answer's chrF n-gram counts, for corpus chrF), then one Float64
 * column per metric, null where the metric is undefined for the sample
 * (`keyword_coverage` among them when a sample carries keywords). `latency_s` is the sample's
 * latency, or its stored `latency_s` metric (the study's `gen_time`).
 *
 * @throws {TypeError} when the run has no per-sample records.
 */
export function runSamplesFrame(run: RunResult): pl.DataFrame {
  const samples = run.samples;
  if (!samples) {
    throw new TypeError(`Run "${run.run.id}" (${run.source.path}) has no per-sample records`);
  }
  const text = (f: (i: number) => string | null, name: string) =>
    pl.Series(name, samples.map((_, i) => f(i)), pl.Utf8);
  const cols: pl.Series[] = [
    text((i) => samples[i].id, "id"),
    text((i) => samples[i].instruction, "instruction"),
    text((i) => samples[i].input, "input"),
    text((i) => samples[i].reference, "reference"),
    text((i) => samples[i].prediction, "prediction"),
    text((i) => questionKey(samples[i].instruction, samples[i].reference), "question_key"),
    text((i) => samples[i].language, "language"),
    text((i) => samples[i].language_source, "language_source"),
    text((i) => samples[i].domain, "domain"),
    text((i) => samples[i].domain_source, "domain_source"),
    pl.Series(
      "latency_s",
      samples.map((s) => s.latency_s ?? s.metrics.latency_s ?? null),
      pl.Float64,
    ),
    pl.Series("new_tokens", samples.map((s) => s.new_tokens), pl.Float64),
    pl.Series("hit_max_new_tokens", samples.map((s) => s.hit_max_new_tokens), pl.Bool),
    text((i) => (samples[i].retrieval ? JSON.stringify(samples[i].retrieval) : null), "retrieval"),
  ];
  const behaviour = runAnswerBehaviour(run).map((x) => x.behaviour);
  cols.push(
    pl.Series("answer_language", behaviour.map((b) => b.answer_language), pl.Utf8),
    pl.Series("question_language", behaviour.map((b) => b.question_language), pl.Utf8),
  );
  for (const flag of BEHAVIOUR_COLUMNS_OF_FRAME) {
    cols.push(pl.Series(flag, behaviour.map((b) => b[flag]), pl.Bool));
  }
  // Each answer's chrF n-gram statistics (18 counts: hypothesis, reference and matching n-grams
  // of orders 1-6): summed over resampled answers they give corpus chrF and its interval cheaply.
  cols.push(
    pl.Series(
      "chrf_stats",
      chrfCorpusStatistics(samples.map((s) => s.prediction), samples.map((s) => s.reference)),
      pl.List(pl.Float64),
    ),
  );
  cols.splice(
    cols.findIndex((c) => c.name === "empty"),
    0,
    pl.Series(
      "truncated_estimated",
      behaviour.map((b) => b.truncated_basis !== "recorded"),
      pl.Bool,
    ),
  );
  for (const m of sampleMetricNames(run)) {
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
