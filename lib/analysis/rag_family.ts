/**
 * Paired comparisons of retrieval-augmented runs against the same model without retrieval.
 * @module
 */
import type { FamilyRun } from "./default_family.ts";
import type { Comparison } from "./paired_comparisons.ts";

/**
 * For each run with per-sample records and `run.rag` set (schema-v1 RAG results), the comparison
 * against the run of the same family, size and variant without retrieval (`run_a` = the RAG run,
 * kind `rag_vs_none`). RAG runs without such a partner are left out.
 *
 * @example
 * ```ts
 * import { ragFamily } from "./rag_family.ts";
 * import assert from "node:assert/strict";
 * const run = (id: string, top_k: number | null) => ({ samples: 5,
 *   run: { id, family: "qwen3", size_b: 4, variant: "fine-tuned", rag: top_k === null ? null : { retriever: "bm25", top_k } } }) as never;
 * assert.deepEqual(ragFamily([run("ft", null), run("ft_k3", 3)]), [{ run_a: "ft_k3", run_b: "ft", comparison: "rag_vs_none" }]);
 * ```
 */
export function ragFamily(runs: readonly FamilyRun[]): Comparison[] {
  const withSamples = runs.filter((r) => r.samples > 0).map((r) => r.run);
  const out: Comparison[] = [];
  for (const r of withSamples) {
    if (r.rag === null) continue;
    const none = withSamples.find((o) =>
      o.rag === null && o.family === r.family && o.size_b === r.size_b && o.variant === r.variant
    );
    if (none) out.push({ run_a: r.id, run_b: none.id, comparison: "rag_vs_none" });
  }
  return out;
}
