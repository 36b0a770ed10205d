/** Test helpers: minimal RunResult objects with per-sample metrics. */
import type { RunResult, Sample, Variant } from "../results/run_result.ts";

export interface FakeSample {
  id?: string;
  language?: string | null;
  domain?: string | null;
  metrics: Record<string, number | null>;
}

/** A run with the given identity and samples (ids default to the index). */
export function fakeRun(
  id: string,
  samples: FakeSample[] | null,
  info: {
    variant?: Variant;
    size_b?: number | null;
    family?: string;
    label?: string;
    rag?: RunResult["run"]["rag"];
  } = {},
): RunResult {
  const full = samples?.map((s, i): Sample => ({
    id: s.id ?? String(i),
    instruction: "",
    input: "",
    reference: "",
    prediction: "",
    language: s.language ?? null,
    domain: s.domain ?? null,
    latency_s: s.metrics.latency_s ?? null,
    new_tokens: null,
    hit_max_new_tokens: null,
    retrieval: null,
    metrics: s.metrics,
  })) ?? null;
  return {
    run: {
      id,
      model: id,
      family: info.family ?? "qwen3",
      size_b: info.size_b === undefined ? 4 : info.size_b,
      variant: info.variant ?? "fine-tuned",
      label: info.label ?? id,
      adapter: null,
      rag: info.rag ?? null,
    },
    source: { path: `${id}.json`, sha256: "0", format: "v1" },
    samples: full,
    summary: {},
    metricSignatures: {},
    meta: {
      created_at: null,
      source_note: null,
      gpu_name: null,
      peak_gpu_memory_gb: null,
      total_s: null,
    },
  };
}
