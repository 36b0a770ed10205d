/**
 * Test helper: small {@linkcode ScoredResults} built in memory through the real frame builder
 * ({@linkcode scoredFromRuns}), so tests and doc examples of the analysis need no result files.
 * @module
 */
import type { RunResult, Variant } from "../results/run_result.ts";
import { scoredFromRuns, type ScoredResults } from "../scored/load_scored.ts";
import { fakeRun } from "./fake_run.ts";

/** One run of {@linkcode fakeScored}. */
export interface FakeScoredRun {
  id: string;
  /** Default: `"fine-tuned"`. */
  variant?: Variant;
  /** Default: `4`; `null` for an unknown size. */
  size_b?: number | null;
  /** Default: `"qwen3"`. */
  family?: string;
  /** Default: the id. */
  label?: string;
  /** Per-sample values of each metric (all arrays of one run have the same length). */
  values: Record<string, (number | null)[]>;
  /** Per-sample latency in seconds (the `latency_s` column). Default: null. */
  latency_s?: (number | null)[];
  /** Question ids. Default: `"0"`, `"1"`, ... */
  ids?: string[];
  /** Per-sample language labels. Default: null. */
  language?: (string | null)[];
  /** Per-sample domain labels. Default: null. */
  domain?: (string | null)[];
  /** Per-sample questions. Default: `question <id>`. */
  instruction?: string[];
  /** Per-sample inputs (the question where the instruction is generic). Default: `""`. */
  input?: string[];
  /** Per-sample references. Default: `ref <id>`. */
  reference?: string[];
  /** Per-sample predictions. Default: `""`. */
  prediction?: string[];
  /** Retrieval settings. Default: none. */
  rag?: RunResult["run"]["rag"];
}

/** Scored results of the given runs, in the given order. */
export function fakeScored(runs: readonly FakeScoredRun[]): ScoredResults {
  return scoredFromRuns(runs.map((spec) => {
    const n = Math.max(
      0,
      ...Object.values(spec.values).map((v) => v.length),
      spec.latency_s?.length ?? 0,
    );
    const ids = spec.ids ?? Array.from({ length: n }, (_, i) => String(i));
    return fakeRun(
      spec.id,
      ids.map((id, i) => ({
        id,
        reference: spec.reference?.[i] ?? `ref ${id}`,
        instruction: spec.instruction?.[i] ?? `question ${id}`,
        input: spec.input?.[i] ?? "",
        prediction: spec.prediction?.[i] ?? "",
        language: spec.language?.[i] ?? null,
        domain: spec.domain?.[i] ?? null,
        latency_s: spec.latency_s?.[i] ?? null,
        metrics: Object.fromEntries(
          Object.entries(spec.values).map(([m, v]) => [m, v[i] ?? null]),
        ),
      })),
      {
        variant: spec.variant ?? "fine-tuned",
        size_b: spec.size_b === undefined ? 4 : spec.size_b,
        family: spec.family ?? "qwen3",
        label: spec.label ?? spec.id,
        rag: spec.rag ?? null,
      },
    );
  }));
}

/**
 * Two runs, `kept` (chrF 10, 50, 90) and `gone` (chrF 1, 2, 3), each also storing, as the study's
 * files do, its producer's aggregate over all its answers (`summary`: chrF mean 99, n 500): for
 * tests that a subset never falls back to the all-answers values.
 */
export function fakeScoredWithSummary(): ScoredResults {
  const scored = fakeScored([
    { id: "kept", values: { chrf: [10, 50, 90] } },
    { id: "gone", values: { chrf: [1, 2, 3] } },
  ]);
  for (const r of scored.runs) {
    r.summary = { chrf: { mean: 99, lo: 98, hi: 100, n: 500 } } as typeof r.summary;
  }
  return scored;
}
