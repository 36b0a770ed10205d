/**
 * Reads the study's RAG ablation files (`rag_ablation*.json`): aggregates per configuration
 * (no per-sample records survive).
 * @module
 */
import ragSchema from "./rag_legacy.schema.json" with { type: "json" };
import { validate } from "./_validate.ts";
import { sha256Hex } from "../io/sha256.ts";
import { readJson, type ResultOrigin, runIdOf } from "./load_result_file.ts";
import { inferRunInfo } from "./run_identity.ts";
import type { Aggregate, ResultSource, RunInfo } from "./run_result.ts";
import { fromRoot } from "../io/paths.ts";

/** One configuration of a RAG ablation (e.g. "FT + RAG (top-3)"). */
export interface RagConfiguration {
  name: string;
  top_k: number;
  n: number;
  metrics: Record<string, Aggregate>;
}

/** A RAG ablation: one model, several retrieval depths. */
export interface RagAblation {
  id: string;
  /** Identity of the model without retrieval. */
  run: RunInfo;
  corpus_size: number | null;
  configurations: RagConfiguration[];
  source: ResultSource;
}

/** Loads and validates one legacy RAG ablation file. */
export async function loadRagAblation(path: string): Promise<RagAblation> {
  path = fromRoot(path); // relative paths: to the repository root
  const { data, bytes } = await readJson(path, "RAG ablation file");
  return parseRagAblation(data, { path, sha256: await sha256Hex(bytes) });
}

/** Validates a parsed legacy RAG ablation document and reads it. */
export function parseRagAblation(data: unknown, origin: ResultOrigin): RagAblation {
  const { path, sha256 } = origin;
  validate(ragSchema, data, path, "RAG ablation file");
  // deno-lint-ignore no-explicit-any
  const d = data as any;
  const id = runIdOf(path);
  const configurations: RagConfiguration[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (["model", "corpus_size", "num_samples", "top_k_values", "timestamp"].includes(key)) {
      continue;
    }
    // deno-lint-ignore no-explicit-any
    const c = value as any;
    const metrics: Record<string, Aggregate> = {};
    for (const [metric, mean] of Object.entries(c.avg_metrics as Record<string, number>)) {
      const ci = c.confidence_intervals?.[metric];
      const name = metric === "gen_time" ? "latency_s" : metric;
      metrics[name] = {
        mean,
        lo: ci?.ci_lower ?? null,
        hi: ci?.ci_upper ?? null,
        n: c.num_samples,
      };
    }
    configurations.push({ name: c.config.name, top_k: c.config.top_k, n: c.num_samples, metrics });
  }
  configurations.sort((a, b) => a.top_k - b.top_k);
  return {
    id,
    run: inferRunInfo(id, d.model, !String(d.model).toLowerCase().includes("lora")),
    corpus_size: d.corpus_size ?? null,
    configurations,
    source: { path, sha256, format: "legacy" },
  };
}
