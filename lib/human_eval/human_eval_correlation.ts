/**
 * Correlation between expert judgements and automatic metrics, answer by answer: Spearman's rho
 * between each item's judgement (averaged over raters) and the same answer's stored per-sample
 * metric, pooled over all runs of the key.
 *
 * Caveats: the answers of one question are not independent of each other, and pooling runs mixes
 * differences between systems with differences between answers; rho here describes whether a
 * metric orders answers as the raters did, not whether it ranks systems the same way.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { metricValues, runRows, textValues } from "../scored/run_columns.ts";
import { orderMetrics } from "../metrics/metric_order.ts";
import type { HumanEvalData } from "./read_human_eval.ts";
import { spearman } from "../stats/spearman.ts";
import { JUDGEMENTS, toItems } from "./_items.ts";
import { JUDGEMENT_COLUMNS } from "./human_eval_summary.ts";

/** One judgement × metric correlation. */
export interface HumanEvalCorrelationRow {
  /** The judgement's column name, e.g. `correctness`. */
  judgement: string;
  metric: string;
  /** Answers with both a judgement and a defined metric. */
  n: number;
  rho: number | null;
}

/** Rows and how many answers could be matched to a stored sample. */
export interface HumanEvalCorrelation {
  rows: HumanEvalCorrelationRow[];
  /** Answers (question, run) in the sheets. */
  items: number;
  /** Of those, answers whose run and sample were found in the results. */
  matched: number;
  /** Runs of the key with no per-sample results loaded. */
  missingRuns: string[];
}

/**
 * Rows `judgement`, `metric`, `n`, `rho`, for every judgement and every per-sample metric of the
 * matched samples, in the project's metric order. Needs a key; items whose run or sample is not
 * among the scored runs are left out and counted.
 *
 * @example
 * ```ts
 * import { humanEvalCorrelation } from "./human_eval_correlation.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const r = (question: string, c: number) => ({
 *   rater: "r1", question, label: "A", run: "ft", correctness: c, completeness: null, relevance: null,
 *   hallucination: null, file: "s.csv", row: 2,
 * });
 * const key = { format: "workbench-human-eval-key" as const, version: 1 as const, seed: 1, runs: ["ft"], sources: [], items: [] };
 * const scored = fakeScored([{ id: "ft", values: { bertscore_f1: [0.7, 0.8, 0.9] } }]);
 * const data = { ratings: [r("0", 2), r("1", 3), r("2", 5)], sheets: [], raters: ["r1"], key };
 * const c = humanEvalCorrelation(data, scored);
 * assert.deepEqual(c.rows[0], { judgement: "correctness", metric: "bertscore_f1", n: 3, rho: 1 });
 * ```
 */
export function humanEvalCorrelation(
  data: HumanEvalData,
  scored: ScoredResults,
): HumanEvalCorrelation {
  if (!data.key) {
    throw new TypeError("humanEvalCorrelation(): matching answers to result files needs a key");
  }
  const items = toItems(data.ratings, "run");
  const withSamples = new Set(scored.runs.filter((r) => r.samples > 0).map((r) => r.run.id));
  const rowsOf = new Map<
    string,
    { index: Map<string, number>; frame: ReturnType<typeof runRows> }
  >();
  for (const run of new Set(items.map((i) => i.group))) {
    if (!withSamples.has(run)) continue;
    const frame = runRows(scored.frame, run);
    rowsOf.set(run, {
      frame,
      index: new Map(textValues(frame, "id").map((id, i) => [id as string, i])),
    });
  }
  const matched = items
    .map((item) => ({ item, at: rowsOf.get(item.group)?.index.get(item.question) }))
    .filter((m) => m.at !== undefined);
  const metrics = orderMetrics(scored.metrics);
  const columns = new Map<string, Map<string, Float64Array>>();
  const value = (run: string, at: number, metric: string) => {
    let perRun = columns.get(run);
    if (!perRun) columns.set(run, perRun = new Map());
    let v = perRun.get(metric);
    if (!v) perRun.set(metric, v = metricValues(rowsOf.get(run)!.frame, metric));
    return Number.isNaN(v[at]) ? null : v[at];
  };
  const rows: HumanEvalCorrelationRow[] = [];
  for (const j of JUDGEMENTS) {
    for (const metric of metrics) {
      const c = spearman(
        matched.map((m) => m.item.values[j]),
        matched.map((m) => value(m.item.group, m.at!, metric)),
      );
      if (c.n === 0) continue;
      rows.push({ judgement: JUDGEMENT_COLUMNS[j], metric, n: c.n, rho: c.rho });
    }
  }
  const samples = withSamples;
  const missingRuns = data.key.runs.filter((r) => !samples.has(r));
  return { rows, items: items.length, matched: matched.length, missingRuns };
}
