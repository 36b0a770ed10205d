/**
 * The scaling table: one row per run with each metric's mean and 95% bootstrap interval.
 * @module
 */
import { bootstrapCi, type BootstrapOptions } from "../stats/bootstrap.ts";
import type { RunResult } from "../results/run_result.ts";
import { orderMetrics } from "./metric_order.ts";

/** Options for {@linkcode scalingTable}. */
export interface ScalingTableOptions extends BootstrapOptions {
  /** Metrics to include, in order. Default: every metric found, in the registry's order. */
  metrics?: string[];
}

/** One row of the scaling table. */
export type ScalingRow = Record<string, string | number | null>;

/**
 * Builds `scaling.csv` rows: `run, label, family, size_b, variant, n, source`, then
 * `<metric>_mean, <metric>_lo, <metric>_hi` per metric. Runs with samples get percentile
 * bootstrap intervals computed here (`source = "samples"`); summary-only runs report their stored
 * aggregates (`source = "summary"`), with empty bounds where the file has none. A metric with
 * undefined values on some samples also gets `<metric>_n`, the number of samples it is defined
 * for.
 *
 * @example
 * ```ts
 * import { scalingTable } from "./scaling_table.ts";
 * import { inferRunInfo } from "../results/run_identity.ts";
 * import assert from "node:assert/strict";
 * const sample = (id: string, f1: number) => ({ id, instruction: "", input: "", reference: "", prediction: "",
 *   language: null, domain: null, latency_s: null, new_tokens: null, hit_max_new_tokens: null, retrieval: null,
 *   metrics: { bertscore_f1: f1 } });
 * const run = { run: inferRunInfo("ft", "lora_qwen3_4b", false), source: { path: "x", sha256: "0", format: "legacy" as const },
 *   samples: [sample("0", 0.5), sample("1", 1)], summary: {}, metricSignatures: {},
 *   meta: { created_at: null, source_note: null, gpu_name: null, peak_gpu_memory_gb: null, total_s: null } };
 * const [row] = scalingTable([run], { resamples: 1000 });
 * assert.equal(row.bertscore_f1_mean, 0.75);
 * assert.equal(row.n, 2);
 * ```
 */
export function scalingTable(
  runs: readonly RunResult[],
  options: ScalingTableOptions = {},
): ScalingRow[] {
  const found = new Set<string>();
  for (const r of runs) {
    for (const m of Object.keys(r.summary)) found.add(m);
    for (const s of r.samples ?? []) for (const m of Object.keys(s.metrics)) found.add(m);
  }
  const metrics = options.metrics ?? orderMetrics([...found]);
  const needsN = new Set<string>();
  for (const r of runs) {
    for (const m of metrics) {
      if (r.samples?.some((s) => s.metrics[m] === null)) needsN.add(m);
    }
  }
  return runs.map((r) => {
    const row: ScalingRow = {
      run: r.run.id,
      label: r.run.label,
      family: r.run.family,
      size_b: r.run.size_b,
      variant: r.run.variant,
      n: r.samples
        ? r.samples.length
        : Math.max(0, ...Object.values(r.summary).map((a) => a.n ?? 0)),
      source: r.samples ? "samples" : "summary",
    };
    for (const m of metrics) {
      if (r.samples) {
        const values = r.samples.map((s) => (m in s.metrics ? s.metrics[m] : undefined));
        const defined = values.filter((v) => v !== undefined);
        if (defined.length === 0) {
          Object.assign(row, { [`${m}_mean`]: null, [`${m}_lo`]: null, [`${m}_hi`]: null });
          if (needsN.has(m)) row[`${m}_n`] = 0;
          continue;
        }
        const ci = bootstrapCi(values, options);
        Object.assign(row, {
          [`${m}_mean`]: nan(ci.mean),
          [`${m}_lo`]: nan(ci.lo),
          [`${m}_hi`]: nan(ci.hi),
        });
        if (needsN.has(m)) row[`${m}_n`] = ci.n;
      } else {
        const a = r.summary[m];
        Object.assign(row, {
          [`${m}_mean`]: a?.mean ?? null,
          [`${m}_lo`]: a?.lo ?? null,
          [`${m}_hi`]: a?.hi ?? null,
        });
        if (needsN.has(m)) row[`${m}_n`] = a?.n ?? null;
      }
    }
    return row;
  });
}

function nan(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
