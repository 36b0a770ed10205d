/**
 * Reads one result file of either shape (the study's legacy files or schema version 1),
 * validates it, and returns a {@linkcode RunResult}.
 * @module
 */
import { basename } from "node:path";
import legacySchema from "./legacy.schema.json" with { type: "json" };
import v1Schema from "./result_v1.schema.json" with { type: "json" };
import { validate } from "./_validate.ts";
import { sha256Hex } from "../io/sha256.ts";
import { inferRunInfo, type RunOverride } from "./run_identity.ts";
import type { Aggregate, RunInfo, RunResult, Sample } from "./run_result.ts";
import { questionLabels } from "../text/question_labels.ts";
import { fromRoot } from "../io/paths.ts";

/**
 * Legacy metric names that the project renames on read. A legacy sample's `gen_time` is read into
 * its `latency_s` field (a column of the scored frame), never into its metrics; a stored mean of
 * it stays a summary aggregate, as `latency_s`.
 */
export const LEGACY_METRIC_RENAMES: Readonly<Record<string, string>> = { gen_time: "latency_s" };

/** Options for {@linkcode loadResultFile}. */
export interface LoadResultFileOptions {
  /** Identity overrides from `runs.json`, keyed by run id. Default: none. */
  overrides?: Map<string, RunOverride>;
}

/** The kind of JSON document, judged by its top-level fields. */
export type ResultFormat = "v1" | "legacy" | "rag-legacy" | "unknown";

/** Tells which reader a parsed JSON document needs. */
export function detectFormat(data: unknown): ResultFormat {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "unknown";
  if ("schema_version" in data) return "v1";
  if ("detailed_results" in data || "avg_metrics" in data) return "legacy";
  if ("top_k_values" in data) return "rag-legacy";
  return "unknown";
}

/** Reads and parses a JSON file, with the file named in any error. */
export async function readJson(
  path: string,
  what = "result file",
): Promise<{ data: unknown; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    path = fromRoot(path); // relative paths: to the repository root
    throw new Error(`Cannot read ${what} "${path}": ${(error as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SyntaxError(`Cannot load ${what} "${path}": it is not valid UTF-8`);
  }
  try {
    return { data: JSON.parse(text), bytes };
  } catch (error) {
    throw new SyntaxError(
      `Cannot load ${what} "${path}": not valid JSON (${(error as Error).message})`,
    );
  }
}

/** Where a parsed result document came from. */
export interface ResultOrigin {
  /** The file's path (named in errors and shown in reports). */
  path: string;
  /** SHA-256 of the file's bytes. */
  sha256: string;
}

/** The run id a result file's name gives: its name without `.json` (any case). */
export function runIdOf(path: string): string {
  return basename(path).replace(/\.json$/i, "");
}

/**
 * Validates a parsed result document (schema v1 or the study's legacy shape) and reads it into a
 * {@linkcode RunResult}: the one place where a result document becomes a run.
 *
 * @throws {TypeError} naming the file and the JSON path of the first problem.
 */
export function parseResultData(
  data: unknown,
  origin: ResultOrigin,
  options: LoadResultFileOptions = {},
): RunResult {
  const { path, sha256 } = origin;
  let result: RunResult;
  switch (detectFormat(data)) {
    case "v1":
      validate(v1Schema, data, path);
      result = fromV1(data as V1File, path, sha256);
      break;
    case "legacy":
      validate(legacySchema, data, path);
      result = fromLegacy(data as LegacyFile, runIdOf(path), path, sha256);
      break;
    case "rag-legacy":
      throw new TypeError(
        `Cannot load result file "${path}": it is a RAG ablation file (aggregates per configuration); load it with loadRagAblation()`,
      );
    default:
      throw new TypeError(
        `Cannot load result file "${path}": (root) must be a result object with "schema_version" (schema v1) or "detailed_results"/"avg_metrics" (the study's legacy shape)`,
      );
  }
  const override = options.overrides?.get(result.run.id);
  if (override) result.run = { ...result.run, ...override };
  return result;
}

/**
 * Loads and validates one result file (legacy or schema v1).
 *
 * @throws {SyntaxError} for unreadable JSON; {@linkcode TypeError} naming the file and the JSON
 *   path of the first problem for a document of the wrong shape.
 */
export async function loadResultFile(
  path: string,
  options: LoadResultFileOptions = {},
): Promise<RunResult> {
  path = fromRoot(path); // relative paths: to the repository root
  const { data, bytes } = await readJson(path);
  return parseResultData(data, { path, sha256: await sha256Hex(bytes) }, options);
}

/** Refuses a file in which two records share a question id, naming both records and the id. */
function checkUniqueIds(samples: readonly Sample[], path: string, array: string): void {
  const first = new Map<string, number>();
  samples.forEach((s, i) => {
    const at = first.get(s.id);
    if (at !== undefined) {
      throw new TypeError(
        `Cannot load result file "${path}": ${array}[${i}].id "${s.id}" repeats the id of ${array}[${at}]`,
      );
    }
    first.set(s.id, i);
  });
}

interface LegacyCi {
  mean: number;
  ci_lower: number;
  ci_upper: number;
}

interface LegacyFile {
  model: string;
  is_baseline: boolean;
  num_samples: number;
  total_time?: number;
  avg_metrics: Record<string, number>;
  confidence_intervals?: Record<string, LegacyCi>;
  gpu?: { name?: string; peak_vram_gb?: number };
  timestamp?: string;
  detailed_results: {
    id: number;
    language?: string;
    domain?: string;
    instruction: string;
    input?: string;
    reference: string;
    prediction: string;
    metrics: Record<string, number>;
  }[];
}

/**
 * A sample's language and domain: as the file stores them, or, where it stores none (`null`,
 * missing or empty), derived from the question by the study's rules (`questionLabels`), with the
 * source of each.
 */
function labels(
  s: {
    instruction: string;
    input?: string | null;
    reference: string;
    language?: string | null;
    domain?: string | null;
  },
): Pick<Sample, "language" | "language_source" | "domain" | "domain_source"> {
  const has = (x: string | null | undefined): x is string => typeof x === "string" && x !== "";
  const derived = has(s.language) && has(s.domain) ? null : questionLabels(s);
  return {
    language: has(s.language) ? s.language : derived!.language,
    language_source: has(s.language) ? "file" : "derived",
    domain: has(s.domain) ? s.domain : derived!.domain,
    domain_source: has(s.domain) ? "file" : "derived",
  };
}

function rename(metric: string): string {
  return LEGACY_METRIC_RENAMES[metric] ?? metric;
}

function fromLegacy(data: LegacyFile, stem: string, path: string, sha256: string): RunResult {
  const run = inferRunInfo(stem, data.model, data.is_baseline);
  const summary: Record<string, Aggregate> = {};
  for (const [metric, mean] of Object.entries(data.avg_metrics)) {
    const ci = data.confidence_intervals?.[metric];
    summary[rename(metric)] = {
      mean,
      lo: ci?.ci_lower ?? null,
      hi: ci?.ci_upper ?? null,
      n: data.num_samples,
    };
  }
  const samples: Sample[] = data.detailed_results.map((r) => {
    const metrics: Record<string, number | null> = {};
    for (const [metric, value] of Object.entries(r.metrics)) {
      if (metric !== "gen_time") metrics[rename(metric)] = value;
    }
    return {
      id: String(r.id),
      instruction: r.instruction,
      input: r.input ?? "",
      reference: r.reference,
      prediction: r.prediction,
      ...labels(r),
      latency_s: r.metrics.gen_time ?? null,
      new_tokens: null,
      hit_max_new_tokens: null,
      retrieval: null,
      metrics,
    };
  });
  checkUniqueIds(samples, path, "detailed_results");
  return {
    run,
    source: { path, sha256, format: "legacy" },
    samples: samples.length > 0 ? samples : null,
    summary,
    metricSignatures: {},
    meta: {
      created_at: data.timestamp ?? null,
      source_note: null,
      gpu_name: data.gpu?.name ?? null,
      peak_gpu_memory_gb: data.gpu?.peak_vram_gb ?? null,
      total_s: data.total_time ?? null,
    },
  };
}

interface V1File {
  run: Partial<RunInfo> & Pick<RunInfo, "id" | "model" | "variant">;
  created_at: string;
  source?: string;
  environment?: { gpu?: { name?: string } | null };
  runtime?: { total_s?: number; peak_gpu_memory_gb?: number | null };
  metric_signatures?: Record<string, string>;
  summary?: Record<
    string,
    { mean: number; lo?: number | null; hi?: number | null; n?: number | null }
  >;
  samples?: (
    & Omit<
      Sample,
      | "language"
      | "language_source"
      | "domain"
      | "domain_source"
      | "latency_s"
      | "new_tokens"
      | "hit_max_new_tokens"
      | "retrieval"
      | "metrics"
    >
    & Partial<Sample>
  )[];
}

function fromV1(data: V1File, path: string, sha256: string): RunResult {
  const inferred = inferRunInfo(data.run.id, data.run.model, data.run.variant === "base");
  const run: RunInfo = {
    ...inferred,
    variant: data.run.variant,
    family: data.run.family ?? inferred.family,
    size_b: data.run.size_b !== undefined ? data.run.size_b : inferred.size_b,
    label: data.run.label ?? inferred.label,
    adapter: data.run.adapter ?? null,
    rag: data.run.rag ?? null,
  };
  const summary: Record<string, Aggregate> = {};
  for (const [metric, a] of Object.entries(data.summary ?? {})) {
    summary[metric] = { mean: a.mean, lo: a.lo ?? null, hi: a.hi ?? null, n: a.n ?? null };
  }
  const samples: Sample[] | null = data.samples && data.samples.length > 0
    ? data.samples.map((s) => {
      const metrics: Record<string, number | null> = { ...(s.metrics ?? {}) };
      return {
        id: s.id,
        instruction: s.instruction,
        input: s.input,
        reference: s.reference,
        prediction: s.prediction,
        ...labels({ ...s, input: s.input }),
        latency_s: s.latency_s ?? null,
        new_tokens: s.new_tokens ?? null,
        hit_max_new_tokens: s.hit_max_new_tokens ?? null,
        retrieval: s.retrieval ?? null,
        metrics,
      };
    })
    : null;
  if (samples) checkUniqueIds(samples, path, "samples");
  return {
    run,
    source: { path, sha256, format: "v1" },
    samples,
    summary,
    metricSignatures: data.metric_signatures ?? {},
    meta: {
      created_at: data.created_at,
      source_note: data.source ?? null,
      gpu_name: data.environment?.gpu?.name ?? null,
      peak_gpu_memory_gb: data.runtime?.peak_gpu_memory_gb ?? null,
      total_s: data.runtime?.total_s ?? null,
    },
  };
}
