/**
 * Checks that the legacy metrics stored in a run are what the legacy suite computes.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import { scoreSample, suiteMetricNames } from "./score_sample.ts";

/** One stored value that the legacy suite does not reproduce. */
export interface LegacyMismatch {
  file: string;
  sampleId: string;
  metric: string;
  stored: number | null;
  recomputed: number | null;
}

/** What {@linkcode checkLegacy} found. */
export interface LegacyCheck {
  samples: number;
  values: number;
  mismatches: LegacyMismatch[];
}

/** Options for {@linkcode checkLegacy}. */
export interface CheckLegacyOptions {
  /** Largest absolute difference that still counts as equal. Default: `1e-9`. */
  tolerance?: number;
}

/**
 * Recomputes the legacy suite for every sample of `run` and compares each stored legacy metric
 * (those present in `sample.metrics`; a metric the producer did not store, such as `bleu` in the
 * GPT files, is not checked) with the recomputed value.
 *
 * @example
 * ```ts
 * import { checkLegacy } from "./check_legacy.ts";
 * import type { RunResult } from "../results/run_result.ts";
 * import assert from "node:assert/strict";
 * const sample = { id: "7", instruction: "q", input: "", reference: "a b", prediction: "a b",
 *   language: null, language_source: "file" as const, domain: null, domain_source: "file" as const, latency_s: null, new_tokens: null, hit_max_new_tokens: null,
 *   retrieval: null, metrics: { length_ratio: 1, rouge1: 0.5 } };
 * const run = { run: { id: "r", model: "m", family: "f", size_b: null, variant: "base", label: "r", adapter: null, rag: null },
 *   source: { path: "r.json", sha256: "0".repeat(64), format: "legacy" }, samples: [sample], summary: {},
 *   metricSignatures: {}, meta: { created_at: null, source_note: null, gpu_name: null, peak_gpu_memory_gb: null, total_s: null } } satisfies RunResult;
 * const check = checkLegacy(run);
 * assert.equal(check.values, 2);
 * assert.deepEqual(check.mismatches, [{ file: "r.json", sampleId: "7", metric: "rouge1", stored: 0.5, recomputed: 1 }]);
 * ```
 */
export function checkLegacy(run: RunResult, options: CheckLegacyOptions = {}): LegacyCheck {
  const { tolerance = 1e-9 } = options;
  if (!(tolerance >= 0)) {
    throw new RangeError(`Cannot check legacy metrics: tolerance must be >= 0, got ${tolerance}`);
  }
  const names = suiteMetricNames("legacy");
  const out: LegacyCheck = { samples: 0, values: 0, mismatches: [] };
  for (const s of run.samples ?? []) {
    const stored = names.filter((n) => n in s.metrics);
    out.samples++;
    if (stored.length === 0) continue;
    const got = scoreSample(s, { suite: "legacy" });
    for (const metric of stored) {
      out.values++;
      const a = s.metrics[metric];
      const b = got[metric];
      const same = a === b ||
        (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= tolerance);
      if (!same) {
        out.mismatches.push({
          file: run.source.path,
          sampleId: s.id,
          metric,
          stored: a,
          recomputed: b,
        });
      }
    }
  }
  return out;
}
