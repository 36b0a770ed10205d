/**
 * Results as Polars frames: one row per run ({@linkcode runsFrame}), and one row per run × sample
 * with a column per metric ({@linkcode samplesFrame}).
 * @module
 */
import pl from "nodejs-polars";
import { displayPath } from "../paths.ts";
import type { RunResult } from "./run_result.ts";

/**
 * One row per run: `run, label, family, size_b, variant, n, has_samples, format, file, sha256`.
 */
export function runsFrame(runs: readonly RunResult[]): pl.DataFrame {
  return pl.DataFrame({
    run: runs.map((r) => r.run.id),
    label: runs.map((r) => r.run.label),
    family: runs.map((r) => r.run.family),
    size_b: pl.Series("size_b", runs.map((r) => r.run.size_b), pl.Float64),
    variant: runs.map((r) => r.run.variant),
    n: runs.map((r) => r.samples?.length ?? summaryN(r)),
    has_samples: runs.map((r) => r.samples !== null),
    format: runs.map((r) => r.source.format),
    file: runs.map((r) => displayPath(r.source.path)),
    sha256: runs.map((r) => r.source.sha256),
  });
}

function summaryN(r: RunResult): number | null {
  const ns = Object.values(r.summary).map((a) => a.n).filter((n): n is number => n !== null);
  return ns.length > 0 ? Math.max(...ns) : null;
}

/** Metric names present in the per-sample records of any run, sorted. */
export function sampleMetricNames(runs: readonly RunResult[]): string[] {
  const names = new Set<string>();
  for (const r of runs) {
    for (const s of r.samples ?? []) for (const k of Object.keys(s.metrics)) names.add(k);
  }
  return [...names].sort();
}

/** Options for {@linkcode samplesFrame}. */
export interface SamplesFrameOptions {
  /** Include the text columns (instruction, input, reference, prediction). Default: `true`. */
  text?: boolean;
}

/**
 * One row per run × sample: `run, label, variant, size_b, id, language, domain`, the texts, and
 * one Float64 column per metric (null where a run lacks the metric). Summary-only runs have no
 * rows.
 */
export function samplesFrame(
  runs: readonly RunResult[],
  options: SamplesFrameOptions = {},
): pl.DataFrame {
  const { text = true } = options;
  const metrics = sampleMetricNames(runs);
  const withSamples = runs.filter((r) => r.samples !== null);
  const rows = withSamples.flatMap((r) => r.samples!.map((s) => ({ r, s })));
  const cols: Record<string, pl.Series> = {
    run: pl.Series("run", rows.map(({ r }) => r.run.id), pl.Utf8),
    label: pl.Series("label", rows.map(({ r }) => r.run.label), pl.Utf8),
    variant: pl.Series("variant", rows.map(({ r }) => r.run.variant), pl.Utf8),
    size_b: pl.Series("size_b", rows.map(({ r }) => r.run.size_b), pl.Float64),
    id: pl.Series("id", rows.map(({ s }) => s.id), pl.Utf8),
    language: pl.Series("language", rows.map(({ s }) => s.language), pl.Utf8),
    domain: pl.Series("domain", rows.map(({ s }) => s.domain), pl.Utf8),
  };
  if (text) {
    for (const k of ["instruction", "input", "reference", "prediction"] as const) {
      cols[k] = pl.Series(k, rows.map(({ s }) => s[k]), pl.Utf8);
    }
  }
  for (const m of metrics) {
    cols[m] = pl.Series(m, rows.map(({ s }) => s.metrics[m] ?? null), pl.Float64);
  }
  return pl.DataFrame(cols);
}
