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
import type { Cell } from "../tables/format_table.ts";
import type { RunResult } from "../results/run_result.ts";
import { orderMetrics } from "../analysis/metric_order.ts";
import type { HumanEvalData } from "./read_human_eval.ts";
import { spearman } from "../stats/spearman.ts";
import { JUDGEMENTS, toItems } from "./_items.ts";
import { JUDGEMENT_COLUMNS } from "./human_eval_summary.ts";

/** Rows and how many answers could be matched to a stored sample. */
export interface HumanEvalCorrelation {
  rows: Record<string, Cell>[];
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
 * among `runs` are left out and counted.
 *
 * @example
 * ```ts
 * import { humanEvalCorrelation } from "./human_eval_correlation.ts";
 * import assert from "node:assert/strict";
 * const r = (question: string, c: number) => ({
 *   rater: "r1", question, label: "A", run: "ft", correctness: c, completeness: null, relevance: null,
 *   hallucination: null, file: "s.csv", row: 2,
 * });
 * const key = { format: "workbench-human-eval-key" as const, version: 1 as const, seed: 1, runs: ["ft"], sources: [], items: [] };
 * const sample = (id: string, m: number) => ({ id, metrics: { bertscore_f1: m } });
 * const runs = [{ run: { id: "ft" }, samples: [sample("0", 0.7), sample("1", 0.8), sample("2", 0.9)] }];
 * const data = { ratings: [r("0", 2), r("1", 3), r("2", 5)], sheets: [], raters: ["r1"], key };
 * const c = humanEvalCorrelation(data, runs as never);
 * assert.deepEqual(c.rows[0], { judgement: "correctness", metric: "bertscore_f1", n: 3, rho: 1 });
 * ```
 */
export function humanEvalCorrelation(
  data: HumanEvalData,
  runs: readonly RunResult[],
): HumanEvalCorrelation {
  if (!data.key) {
    throw new TypeError("humanEvalCorrelation(): matching answers to result files needs a key");
  }
  const items = toItems(data.ratings, "run");
  const samples = new Map(
    runs.filter((r) => r.samples).map((r) => [r.run.id, new Map(r.samples!.map((s) => [s.id, s]))]),
  );
  const matched = items
    .map((i) => ({ item: i, sample: samples.get(i.group)?.get(i.question) }))
    .filter((m) => m.sample !== undefined);
  const metrics = orderMetrics(matched.flatMap((m) => Object.keys(m.sample!.metrics)));
  const rows: Record<string, Cell>[] = [];
  for (const j of JUDGEMENTS) {
    for (const metric of metrics) {
      const c = spearman(
        matched.map((m) => m.item.values[j]),
        matched.map((m) => m.sample!.metrics[metric] ?? null),
      );
      if (c.n === 0) continue;
      rows.push({ judgement: JUDGEMENT_COLUMNS[j], metric, n: c.n, rho: c.rho });
    }
  }
  const missingRuns = data.key.runs.filter((r) => !samples.has(r));
  return { rows, items: items.length, matched: matched.length, missingRuns };
}
