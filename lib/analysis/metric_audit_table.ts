/**
 * The metric audit: per run and language, the study's (legacy) metrics next to the corrected
 * (v2) ones, and how many references have any citation at all by each extractor — which is what
 * a legacy citation accuracy of 1.0 on Kazakh answers really rests on.
 * @module
 */
import { legacyCitations } from "../metrics/legacy_citations.ts";
import { citationIds } from "../metrics/citations.ts";
import type { RunResult, Sample } from "../results/run_result.ts";

/** Legacy metric → its corrected counterpart, as audited. */
export const AUDITED_PAIRS: readonly (readonly [string, string])[] = [
  ["citation_accuracy", "citation_accuracy_v2"],
  ["hallucination_rate", "hallucination_rate_v2"],
  ["key_info", "key_info_v2"],
  ["rouge1", "rouge1_v2"],
  ["rougeL", "rougeL_v2"],
];

/** Options for {@linkcode metricAuditTable}. */
export interface MetricAuditOptions {
  /** Language group of a sample. Default: the stored label (the study's rule), `"all"` rows added. */
  language?: (s: Sample) => string;
}

function mean(values: readonly (number | null | undefined)[]): { mean: number | null; n: number } {
  let sum = 0, n = 0;
  for (const v of values) {
    if (v !== null && v !== undefined && !Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  return { mean: n ? sum / n : null, n };
}

/**
 * Rows `run, language, n, refs_with_citation_legacy, refs_with_citation_v2`, then for each audited
 * pair `<legacy>`, `<v2>` and `<v2>_n` (the samples the v2 metric is defined for). Runs must carry
 * v2 metrics (see `loadScoredResults`); runs without samples are skipped.
 *
 * @example
 * ```ts
 * import { metricAuditTable } from "./metric_audit_table.ts";
 * import assert from "node:assert/strict";
 * const s = (id: string, language: string, reference: string, ca: number, ca2: number | null) => ({
 *   id, instruction: "", input: "", reference, prediction: "", language, domain: null, latency_s: null,
 *   new_tokens: null, hit_max_new_tokens: null, retrieval: null,
 *   metrics: { citation_accuracy: ca, citation_accuracy_v2: ca2 } });
 * const run = { run: { id: "r" }, samples: [s("0", "kz", "Жауап.", 1, null), s("1", "ru", "Согласно ст. 5 ГК РК", 0, 0)] };
 * const rows = metricAuditTable([run as never]);
 * const kz = rows.find((r) => r.language === "kz")!;
 * assert.equal(kz.refs_with_citation_legacy, 0);
 * assert.equal(kz.citation_accuracy, 1);
 * assert.equal(kz.citation_accuracy_v2, null);
 * assert.equal(kz.citation_accuracy_v2_n, 0);
 * ```
 */
export function metricAuditTable(
  runs: readonly RunResult[],
  options: MetricAuditOptions = {},
): Record<string, string | number | null>[] {
  const { language = (s: Sample) => s.language ?? "unknown" } = options;
  const rows: Record<string, string | number | null>[] = [];
  const refCache = new Map<string, [boolean, boolean]>();
  const hasCitations = (ref: string): [boolean, boolean] => {
    let v = refCache.get(ref);
    if (!v) {
      v = [legacyCitations(ref).size > 0, citationIds(ref).size > 0];
      refCache.set(ref, v);
    }
    return v;
  };
  for (const r of runs) {
    if (!r.samples) continue;
    const groups = new Map<string, Sample[]>([["all", r.samples]]);
    for (const s of r.samples) {
      const g = language(s);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(s);
    }
    const order = ["all", ...[...groups.keys()].filter((g) => g !== "all").sort()];
    for (const g of order) {
      const samples = groups.get(g)!;
      const row: Record<string, string | number | null> = {
        run: r.run.id,
        language: g,
        n: samples.length,
        refs_with_citation_legacy: samples.filter((s) => hasCitations(s.reference)[0]).length,
        refs_with_citation_v2: samples.filter((s) => hasCitations(s.reference)[1]).length,
      };
      for (const [legacy, v2] of AUDITED_PAIRS) {
        row[legacy] = mean(samples.map((s) => s.metrics[legacy])).mean;
        const m = mean(samples.map((s) => s.metrics[v2]));
        row[v2] = m.mean;
        row[`${v2}_n`] = m.n;
      }
      rows.push(row);
    }
  }
  return rows;
}
