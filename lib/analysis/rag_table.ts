/**
 * The RAG ablation table from the study's aggregate files.
 * @module
 */
import type { RagAblation } from "../results/load_rag_ablation.ts";
import { orderMetrics } from "../metrics/metric_order.ts";

/** One configuration × metric of a RAG ablation. */
export interface RagRow {
  /** The model without retrieval (its label, from the result file). */
  scenario: string;
  configuration: string;
  /** Retrieved passages; `0` is the configuration without retrieval. */
  top_k: number;
  n: number;
  metric: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  /** As stored (the ablation files give one `n` per configuration). */
  n_defined: number;
}

/**
 * One row per ablation × configuration × metric (every metric of any configuration; bounds null
 * where the file stores none, e.g. latency). These are the study's stored aggregates: no
 * per-sample records survive, so no paired analysis is possible on them.
 *
 * @example
 * ```ts
 * import { ragTable } from "./rag_table.ts";
 * import assert from "node:assert/strict";
 * const ablation = { run: { label: "FT" }, configurations: [
 *   { name: "FT only", top_k: 0, n: 200, metrics: { key_info: { mean: 0.7, lo: 0.6, hi: 0.8, n: 200 } } }] };
 * assert.deepEqual(ragTable([ablation as never]), [{ scenario: "FT", configuration: "FT only", top_k: 0, n: 200,
 *   metric: "key_info", mean: 0.7, lo: 0.6, hi: 0.8, n_defined: 200 }]);
 * ```
 */
export function ragTable(ablations: readonly RagAblation[]): RagRow[] {
  const metrics = orderMetrics(
    ablations.flatMap((a) => a.configurations.flatMap((c) => Object.keys(c.metrics))),
  );
  return ablations.flatMap((a) =>
    a.configurations.flatMap((c) =>
      metrics.map((metric): RagRow => {
        const g = c.metrics[metric];
        return {
          scenario: a.run.label,
          configuration: c.name,
          top_k: c.top_k,
          n: c.n,
          metric,
          mean: g?.mean ?? null,
          lo: g?.lo ?? null,
          hi: g?.hi ?? null,
          n_defined: c.n,
        };
      })
    )
  );
}

/**
 * The sentence under the RAG ablation table: how many questions each configuration's aggregates
 * rest on (counted from the rows: one number, or the range), and why the configurations cannot be
 * compared question by question.
 *
 * @example
 * ```ts
 * import { describeRagAggregates } from "./rag_table.ts";
 * import assert from "node:assert/strict";
 * assert.match(describeRagAggregates([{ n: 120 }, { n: 200 }] as never), /^These are aggregates of 120–200 questions per configuration; /);
 * ```
 */
export function describeRagAggregates(rows: readonly Pick<RagRow, "n">[]): string {
  const ns = rows.map((r) => r.n);
  const lo = Math.min(...ns), hi = Math.max(...ns);
  const n = lo === hi ? `${lo}` : `${lo}–${hi}`;
  return `These are aggregates of ${n} question${hi === 1 ? "" : "s"} per configuration; no ` +
    "per-sample records survive, so the configurations cannot be compared question by question, " +
    "and overlapping intervals here are not evidence of equal quality.";
}
