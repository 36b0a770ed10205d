/**
 * The in-memory shape of one run's results, whatever file format it came from.
 * @module
 */

/** What kind of system a run is. */
export type Variant = "base" | "fine-tuned" | "external" | "baseline";

/** Display order of variants in tables and figures. */
export const VARIANT_ORDER: readonly Variant[] = ["base", "fine-tuned", "baseline", "external"];

/** Retrieval settings of a RAG run. */
export interface RagSettings {
  retriever: "tfidf" | "bm25" | "dense";
  top_k: number;
  exclude_above?: number;
  corpus?: string;
}

/** Who a run is: explicit identity used by every table and figure. */
export interface RunInfo {
  /** Stable id: the result file's stem unless the file says otherwise. */
  id: string;
  /** Model id or API name as recorded by the producer. */
  model: string;
  /** Model family, e.g. `qwen3`, `gpt-4o`. */
  family: string;
  /** Size in billions of parameters; `null` when unknown (external APIs). */
  size_b: number | null;
  variant: Variant;
  /** Display label. */
  label: string;
  adapter: string | null;
  rag: RagSettings | null;
}

/** One retrieved context of a RAG sample. */
export interface Retrieved {
  id: string;
  score: number;
  rank: number;
}

/** Where a sample's label comes from: the result file, or derived by the reader from the question. */
export type LabelSource = "file" | "derived";

/** One question answered by one run. */
export interface Sample {
  /** Question id, the same across runs that answered the same question. */
  id: string;
  instruction: string;
  input: string;
  reference: string;
  prediction: string;
  /**
   * Language label: the producer's (the study's rule for legacy files), or, where the file has
   * none, derived from the question by the study's rule (`questionLabels` in `lib/text/`).
   */
  language: string | null;
  /** Where `language` comes from: the result file (or the caller, for runs built in memory), or derived by the reader. */
  language_source: LabelSource;
  /** Domain label: the producer's, or, where the file has none, derived like `language`. */
  domain: string | null;
  /** Where `domain` comes from: the result file, or derived by the reader. */
  domain_source: LabelSource;
  /** Generation time of this sample in seconds, if measured. */
  latency_s: number | null;
  new_tokens: number | null;
  hit_max_new_tokens: boolean | null;
  retrieval: Retrieved[] | null;
  /** Stored per-sample metrics (never `latency_s`, a field of its own); `null` where undefined. */
  metrics: Record<string, number | null>;
}

/** A stored aggregate of one metric. */
export interface Aggregate {
  mean: number;
  lo: number | null;
  hi: number | null;
  n: number | null;
}

/** Where a run was read from. */
export interface ResultSource {
  path: string;
  sha256: string;
  format: "legacy" | "v1";
}

/** One run's results. */
export interface RunResult {
  run: RunInfo;
  source: ResultSource;
  /** Per-sample records; `null` for a summary-only file. */
  samples: Sample[] | null;
  /** Aggregates stored in the file (the study's, or a summary-only file's). */
  summary: Record<string, Aggregate>;
  /** Metric signatures stored in the file, by metric name. */
  metricSignatures: Record<string, string>;
  /** Free-form provenance from the file: creation time, source note, environment, GPU. */
  meta: {
    created_at: string | null;
    source_note: string | null;
    gpu_name: string | null;
    peak_gpu_memory_gb: number | null;
    total_s: number | null;
  };
}
