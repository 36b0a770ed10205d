/**
 * Test helper: small in-memory runs with chosen predictions.
 * @module
 */
import type { RunResult, Sample } from "../results/run_result.ts";

/** A run `id` whose sample `i` answers `predictions[i]`; questions and references in Russian and Kazakh. */
export function fakeRun(
  id: string,
  predictions: readonly string[],
  metrics: (i: number) => Record<string, number | null> = () => ({}),
): RunResult {
  const samples: Sample[] = predictions.map((prediction, i) => ({
    id: String(i),
    instruction: "Ответь на вопрос по казахстанскому законодательству.",
    input: i % 2
      ? `Салық кодексінің ${i}-бабы нені реттейді?`
      : `Что регулирует статья ${i} Налогового кодекса?`,
    reference: `Статья ${i} НК РК`,
    prediction,
    language: i % 2 ? "kz" : "ru",
    domain: "tax",
    latency_s: 1,
    new_tokens: null,
    hit_max_new_tokens: null,
    retrieval: null,
    metrics: metrics(i),
  }));
  return {
    run: {
      id,
      model: `model-${id}`,
      family: "qwen3",
      size_b: 4,
      variant: "fine-tuned",
      label: `Model ${id}`,
      adapter: null,
      rag: null,
    },
    source: { path: `/tmp/${id}.json`, sha256: "0".repeat(64), format: "v1" },
    samples,
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
