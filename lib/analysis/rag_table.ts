/**
 * The RAG ablation table from the study's aggregate files.
 * @module
 */
import type { RagAblation } from "../results/load_rag_ablation.ts";
import { orderMetrics } from "./metric_order.ts";

/** One row of the RAG table. */
export type RagRow = Record<string, string | number | null>;

/**
 * Rows `scenario, configuration, top_k, n`, then `<metric>_mean, _lo, _hi` for every metric of
 * any configuration (bounds `null` where the file stores none, e.g. latency). `scenario` is the
 * model without retrieval (e.g. "Qwen3 4B FT"); `top_k = 0` is the configuration without
 * retrieval. These are the study's stored aggregates: no per-sample records survive, so no paired
 * analysis is possible on them.
 *
 * @example
 * ```ts
 * import { ragTable } from "./rag_table.ts";
 * import assert from "node:assert/strict";
 * const ablation = { run: { label: "FT" }, configurations: [
 *   { name: "FT only", top_k: 0, n: 200, metrics: { key_info: { mean: 0.7, lo: 0.6, hi: 0.8, n: 200 } } }] };
 * assert.deepEqual(ragTable([ablation as never]), [{ scenario: "FT", configuration: "FT only", top_k: 0, n: 200,
 *   key_info_mean: 0.7, key_info_lo: 0.6, key_info_hi: 0.8 }]);
 * ```
 */
export function ragTable(ablations: readonly RagAblation[]): RagRow[] {
  const metrics = orderMetrics(
    ablations.flatMap((a) => a.configurations.flatMap((c) => Object.keys(c.metrics))),
  );
  return ablations.flatMap((a) =>
    a.configurations.map((c) => {
      const row: RagRow = { scenario: a.run.label, configuration: c.name, top_k: c.top_k, n: c.n };
      for (const m of metrics) {
        const g = c.metrics[m];
        Object.assign(row, {
          [`${m}_mean`]: g?.mean ?? null,
          [`${m}_lo`]: g?.lo ?? null,
          [`${m}_hi`]: g?.hi ?? null,
        });
      }
      return row;
    })
  );
}
