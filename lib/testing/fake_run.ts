/**
 * Test helpers: small in-memory {@linkcode RunResult}s, so that tests of analysis, figures and
 * human evaluation need no result files. {@linkcode fakeRun} builds a run from per-sample metrics;
 * {@linkcode fakeAnsweredRun} is the variant whose samples carry questions and answers.
 * @module
 */
import type { RunResult, Sample, Variant } from "../results/run_result.ts";

/** One sample of {@linkcode fakeRun}; every field but `metrics` is optional. */
export interface FakeSample {
  /** Sample id. Default: its index in the run. */
  id?: string;
  /** Default: `""`. */
  instruction?: string;
  /** Default: `""`. */
  input?: string;
  /** Default: `""`. */
  reference?: string;
  /** Default: `""`. */
  prediction?: string;
  /** Default: `null`. */
  language?: string | null;
  /** Default: `null`. */
  domain?: string | null;
  /** Latency in seconds (a column of the scored frame, not a metric). Default: `null`. */
  latency_s?: number | null;
  /** Per-sample metrics, stored as given (`latency_s` is not one: the frame builder refuses it). */
  metrics: Record<string, number | null>;
}

/** Identity and source of a run built by {@linkcode fakeRun}. */
export interface FakeRunOptions {
  /** Default: `"fine-tuned"`. */
  variant?: Variant;
  /** Parameters in billions; `null` for an unknown size. Default: `4`. */
  size_b?: number | null;
  /** Default: `"qwen3"`. */
  family?: string;
  /** Default: the run id. */
  model?: string;
  /** Default: the run id. */
  label?: string;
  /** Default: `null` (no retrieval). */
  rag?: RunResult["run"]["rag"];
  /** Path of the result file the run claims to come from. Default: `` `${id}.json` ``. */
  path?: string;
  /** SHA-256 of that file. Default: `"0"`. */
  sha256?: string;
}

/**
 * A run with the given identity and samples.
 *
 * @param id Run id.
 * @param samples The samples, or `null` for a run with a summary only.
 * @param options Identity and source; see {@linkcode FakeRunOptions} for the defaults.
 * @returns The run, with an empty summary and no metadata.
 */
export function fakeRun(
  id: string,
  samples: FakeSample[] | null,
  options: FakeRunOptions = {},
): RunResult {
  const full = samples?.map((s, i): Sample => ({
    id: s.id ?? String(i),
    instruction: s.instruction ?? "",
    input: s.input ?? "",
    reference: s.reference ?? "",
    prediction: s.prediction ?? "",
    language: s.language ?? null,
    language_source: "file",
    domain: s.domain ?? null,
    domain_source: "file",
    latency_s: s.latency_s ?? null,
    new_tokens: null,
    hit_max_new_tokens: null,
    retrieval: null,
    metrics: s.metrics,
  })) ?? null;
  return {
    run: {
      id,
      model: options.model ?? id,
      family: options.family ?? "qwen3",
      size_b: options.size_b === undefined ? 4 : options.size_b,
      variant: options.variant ?? "fine-tuned",
      label: options.label ?? id,
      adapter: null,
      rag: options.rag ?? null,
    },
    source: { path: options.path ?? `${id}.json`, sha256: options.sha256 ?? "0", format: "v1" },
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

/** Options of {@linkcode fakeAnsweredRun}. */
export interface FakeAnsweredRunOptions {
  /** Metrics of sample `i`. Default: none (`{}`). */
  metrics?: (i: number) => Record<string, number | null>;
}

/**
 * A run `id` whose sample `i` answers `predictions[i]`: a tax-law question in Russian (even `i`)
 * or Kazakh (odd `i`) with its reference, latency 1 s; model `model-<id>`, label `Model <id>`,
 * source `/tmp/<id>.json` with a well-formed (all-zero) SHA-256.
 *
 * @param id Run id.
 * @param predictions One answer per sample.
 * @param options See {@linkcode FakeAnsweredRunOptions} for the defaults.
 * @returns The run.
 */
export function fakeAnsweredRun(
  id: string,
  predictions: readonly string[],
  options: FakeAnsweredRunOptions = {},
): RunResult {
  const metrics = options.metrics ?? (() => ({}));
  return fakeRun(
    id,
    predictions.map((prediction, i) => ({
      instruction: "Ответь на вопрос по казахстанскому законодательству.",
      input: i % 2
        ? `Салық кодексінің ${i}-бабы нені реттейді?`
        : `Что регулирует статья ${i} Налогового кодекса?`,
      reference: `Статья ${i} НК РК`,
      prediction,
      language: i % 2 ? "kz" : "ru",
      domain: "tax",
      latency_s: 1,
      metrics: metrics(i),
    })),
    {
      model: `model-${id}`,
      label: `Model ${id}`,
      path: `/tmp/${id}.json`,
      sha256: "0".repeat(64),
    },
  );
}
