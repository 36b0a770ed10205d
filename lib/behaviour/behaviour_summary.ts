/**
 * Per-run counts and shares of the answer-behaviour flags: the rows of the report's
 * `tables/answer_behaviour.csv`.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import { type AnswerBehaviour, answerBehaviour, type BehaviourSample } from "./answer_behaviour.ts";
import { truncationContext, type TruncationContextOptions } from "./truncated.ts";

/** The flags counted per run, in column order. */
export const BEHAVIOUR_FLAGS = [
  "wrong_language",
  "reasoning_trace",
  "truncated",
  "empty",
  "refusal",
  "substantive",
] as const;

/** One counted flag. */
export type BehaviourFlag = typeof BEHAVIOUR_FLAGS[number];

/** One run's row: `n`, then for each flag its count and its share of `n` (`null` when `n` is 0). */
export interface BehaviourRow {
  run: string;
  /** Samples (answers) of the run. */
  n: number;
  wrong_language: number;
  wrong_language_share: number | null;
  reasoning_trace: number;
  reasoning_trace_share: number | null;
  truncated: number;
  truncated_share: number | null;
  empty: number;
  empty_share: number | null;
  refusal: number;
  refusal_share: number | null;
  substantive: number;
  substantive_share: number | null;
  /** Of the `n` truncation flags, how many are estimates (the sample did not record it). */
  truncated_estimated: number;
  /** Mean keyword coverage over samples with keywords; `null` when none has any. */
  keyword_coverage_mean: number | null;
  /** Samples with keywords. */
  keyword_coverage_n: number;
}

/** Column order of {@linkcode BehaviourRow}, for writing the table. */
export const BEHAVIOUR_COLUMNS: readonly (keyof BehaviourRow)[] = [
  "run",
  "n",
  ...BEHAVIOUR_FLAGS.flatMap((f) => [f, `${f}_share`] as (keyof BehaviourRow)[]),
  "truncated_estimated",
  "keyword_coverage_mean",
  "keyword_coverage_n",
];

/**
 * The flags of every sample of a run, in sample order, with the truncation estimate calibrated on
 * the run itself ({@linkcode truncationContext}). A run without per-sample records gives `[]`.
 *
 * @param run A loaded run.
 * @param options Calibration of the truncation estimate.
 */
export function runAnswerBehaviour(
  run: RunResult,
  options: TruncationContextOptions = {},
): { id: string; behaviour: AnswerBehaviour }[] {
  const samples = run.samples ?? [];
  const truncation = truncationContext(samples, options);
  return samples.map((s) => ({
    id: s.id,
    behaviour: answerBehaviour(s as BehaviourSample, { truncation }),
  }));
}

/**
 * One row per run, in the order given: counts and shares of each flag (see
 * {@linkcode BEHAVIOUR_FLAGS}). A run without per-sample records (a summary-only file) gets a row
 * with `n` 0 and `null` shares, so that it shows in the table rather than vanishing.
 *
 * @param runs Loaded runs.
 * @param options Calibration of the truncation estimate.
 * @example
 * ```ts
 * import { behaviourSummary } from "./behaviour_summary.ts";
 * import { fakeAnsweredRun } from "../testing/fake_run.ts";
 * import assert from "node:assert/strict";
 * const run = fakeAnsweredRun("base", ["Okay, I need to answer this.", "Салық кодексінің 1-бабы.", "", "Салық кодексінің 3-бабы."]);
 * const [row] = behaviourSummary([run]);
 * assert.deepEqual([row.n, row.reasoning_trace, row.wrong_language, row.empty, row.substantive, row.substantive_share], [4, 1, 1, 1, 2, 0.5]);
 * ```
 */
export function behaviourSummary(
  runs: readonly RunResult[],
  options: TruncationContextOptions = {},
): BehaviourRow[] {
  return runs.map((run) => {
    const flags = runAnswerBehaviour(run, options).map((x) => x.behaviour);
    const n = flags.length;
    const count = (f: BehaviourFlag) => flags.filter((b) => b[f]).length;
    const share = (c: number) => (n === 0 ? null : c / n);
    const coverage = flags.map((b) => b.keyword_coverage).filter((x): x is number => x !== null);
    const row = { run: run.run.id, n } as BehaviourRow;
    for (const f of BEHAVIOUR_FLAGS) {
      const c = count(f);
      row[f] = c;
      row[`${f}_share`] = share(c);
    }
    row.truncated_estimated = flags.filter((b) => b.truncated_basis !== "recorded").length;
    row.keyword_coverage_mean = coverage.length === 0
      ? null
      : coverage.reduce((a, b) => a + b, 0) / coverage.length;
    row.keyword_coverage_n = coverage.length;
    // Key order as in BEHAVIOUR_COLUMNS.
    return Object.fromEntries(BEHAVIOUR_COLUMNS.map((c) => [c, row[c]])) as unknown as BehaviourRow;
  });
}
