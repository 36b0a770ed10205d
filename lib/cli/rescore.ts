/**
 * Re-scores result files with the metric suites, or checks that the study's stored legacy
 * metrics are reproduced.
 *
 * ```sh
 * deno task rescore --check ../shared/datasets/kz-legal-qa/results
 * deno task rescore --suite all --out runs/rescored ../shared/datasets/kz-legal-qa/results
 * ```
 *
 * Usage: `deno task rescore [--check] [--suite legacy|v2|all] [--chrf-pp] [--out DIR] [--in-place] PATH...`
 *
 * - PATH: result files (legacy or schema v1) or folders (every `*.json` in them, not recursive;
 *   RAG ablation files, which have no samples, are skipped with a note; `runs.json` applies).
 * - `--check`: recompute the legacy suite and compare it with every stored legacy value (tolerance
 *   1e-9). Prints one tab-separated line per mismatch (`file`, `sample id`, `metric`, `stored`,
 *   `recomputed`) and last `N samples, M values checked, K mismatches`; exits 1 when K > 0.
 *   Writes nothing.
 * - Otherwise: write one schema-v1 result file per run (see lib/results/result_v1.schema.json):
 *   run identity, samples with their stored metrics plus the recomputed ones, per-metric
 *   signatures, summary means, the input file and its SHA-256, and the configuration. Files are
 *   written atomically to `--out` (default `runs/rescored`, git-ignored) under the input's file
 *   name. An input is never overwritten unless `--in-place` is given, which writes each v1 file
 *   over its input (mutually exclusive with `--out`).
 * - `--suite` (default `all`), `--chrf-pp` (also compute chrF++ as `chrf_pp`).
 * - Exit codes: 0 success, 1 mismatches found (with `--check`) or a file failed, 2 bad usage.
 * @module
 */
import { basename, join, resolve } from "node:path";
import { detectFormat, loadResultFile, readJson } from "../results/load_result_file.ts";
import { loadResults } from "../results/load_results.ts";
import type { RunResult } from "../results/run_result.ts";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { rescoreRun } from "../metrics/rescore_run.ts";
import { checkLegacy } from "../metrics/check_legacy.ts";
import type { SuiteChoice } from "../metrics/score_sample.ts";
import { validate } from "../results/_validate.ts";
import v1Schema from "../results/result_v1.schema.json" with { type: "json" };

/** The usage text printed on bad usage. */
export const USAGE =
  "Usage: deno task rescore [--check] [--suite legacy|v2|all] [--chrf-pp] [--out DIR] [--in-place] PATH...";

/** Default output folder (relative to the working directory). */
export const DEFAULT_OUT = "runs/rescored";

/** Parsed command line of {@linkcode main}. */
export interface RescoreArgs {
  check: boolean;
  suite: SuiteChoice;
  chrfPlusPlus: boolean;
  out: string | null;
  inPlace: boolean;
  paths: string[];
}

/** Thrown for bad usage; {@linkcode main} turns it into exit code 2. */
export class UsageError extends Error {}

/**
 * Parses the command line.
 *
 * @throws {UsageError} on an unknown flag, a missing value, a bad suite, no path, or `--out` with `--in-place`.
 * @example
 * ```ts
 * import { parseArgs } from "./rescore.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseArgs(["--suite", "v2", "a.json"]), { check: false, suite: "v2", chrfPlusPlus: false, out: null, inPlace: false, paths: ["a.json"] });
 * assert.throws(() => parseArgs(["--frobnicate", "a.json"]), /Unknown option "--frobnicate"/);
 * ```
 */
export function parseArgs(argv: readonly string[]): RescoreArgs {
  const args: RescoreArgs = {
    check: false,
    suite: "all",
    chrfPlusPlus: false,
    out: null,
    inPlace: false,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (flag: string) => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) {
        throw new UsageError(`Option ${flag} needs a value`);
      }
      return v;
    };
    if (a === "--") {
      args.paths.push(...argv.slice(i + 1));
      break;
    } else if (a === "--check") args.check = true;
    else if (a === "--chrf-pp") args.chrfPlusPlus = true;
    else if (a === "--in-place") args.inPlace = true;
    else if (a === "--out" || a.startsWith("--out=")) {
      args.out = a.includes("=") ? a.slice(6) : value("--out");
    } else if (a === "--suite" || a.startsWith("--suite=")) {
      const s = a.includes("=") ? a.slice(8) : value("--suite");
      if (s !== "legacy" && s !== "v2" && s !== "all") {
        throw new UsageError(`Unknown suite "${s}" (expected legacy, v2 or all)`);
      }
      args.suite = s;
    } else if (a.startsWith("-")) throw new UsageError(`Unknown option "${a}"`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError("No PATH given");
  if (args.inPlace && args.out !== null) {
    throw new UsageError("--in-place and --out cannot be used together");
  }
  return args;
}

/** Loads every run named by the paths (files or folders); RAG ablation files are reported and skipped. */
async function loadRuns(
  paths: readonly string[],
  log: (line: string) => void,
): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (const path of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(path);
    } catch (error) {
      throw new Error(`Cannot read "${path}": ${(error as Error).message}`);
    }
    if (info.isDirectory) {
      const set = await loadResults(path);
      for (const a of set.ragAblations) {
        log(`note: skipping RAG ablation file "${a.source.path}" (no per-sample records)`);
      }
      runs.push(...set.runs);
    } else {
      const { data } = await readJson(path);
      if (detectFormat(data) === "rag-legacy") {
        log(`note: skipping RAG ablation file "${path}" (no per-sample records)`);
        continue;
      }
      runs.push(await loadResultFile(path));
    }
  }
  return runs;
}

function dropNulls<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

/** Builds the schema-v1 document of a re-scored run. */
export function toV1(run: RunResult, config: Record<string, unknown>): Record<string, unknown> {
  const r = run.run;
  return {
    schema_version: 1,
    run: dropNulls({
      id: r.id,
      model: r.model,
      family: r.family,
      size_b: r.size_b,
      variant: r.variant,
      label: r.label,
      adapter: r.adapter,
      rag: r.rag,
    }),
    created_at: new Date().toISOString(),
    source:
      `Re-scored by lib/cli/rescore.ts from "${
        basename(run.source.path)
      }" (${run.source.format} format)` +
      (run.meta.source_note ? `; original source: ${run.meta.source_note}` : "") +
      (run.meta.created_at ? `; original created_at: ${run.meta.created_at}` : ""),
    config,
    environment: {
      platform: Deno.build.target,
      packages: { deno: Deno.version.deno },
      gpu: run.meta.gpu_name ? { name: run.meta.gpu_name } : null,
    },
    inputs: {
      results: { path: run.source.path, sha256: run.source.sha256, rows: run.samples?.length ?? 0 },
    },
    runtime: dropNulls({
      total_s: run.meta.total_s,
      peak_gpu_memory_gb: run.meta.peak_gpu_memory_gb,
    }),
    metric_signatures: run.metricSignatures,
    summary: Object.fromEntries(
      Object.entries(run.summary).map((
        [k, a],
      ) => [k, { mean: a.mean, lo: a.lo, hi: a.hi, n: a.n }]),
    ),
    samples: (run.samples ?? []).map((s) => {
      const metrics = { ...s.metrics };
      delete metrics.latency_s; // a top-level field in v1
      return {
        id: s.id,
        instruction: s.instruction,
        input: s.input,
        reference: s.reference,
        prediction: s.prediction,
        ...dropNulls({
          language: s.language,
          domain: s.domain,
          new_tokens: s.new_tokens,
          hit_max_new_tokens: s.hit_max_new_tokens,
          retrieval: s.retrieval,
        }),
        latency_s: s.latency_s,
        metrics,
      };
    }),
  };
}

/**
 * Runs the command. Returns the exit code; `out` and `err` receive lines.
 *
 * @example
 * ```ts
 * import { main } from "./rescore.ts";
 * import assert from "node:assert/strict";
 * const err: string[] = [];
 * assert.equal(await main(["--nope"], { out: () => {}, err: (l) => err.push(l) }), 2);
 * assert.match(err.join("\n"), /Usage: deno task rescore/);
 * ```
 */
export async function main(
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void } = {
    out: console.log,
    err: console.error,
  },
): Promise<number> {
  let args: RescoreArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`rescore: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  let runs: RunResult[];
  try {
    runs = await loadRuns(args.paths, io.err);
  } catch (error) {
    io.err(`rescore: ${(error as Error).message}`);
    return 1;
  }
  if (args.check) {
    let samples = 0;
    let values = 0;
    let mismatches = 0;
    for (const run of runs) {
      const c = checkLegacy(run);
      samples += c.samples;
      values += c.values;
      mismatches += c.mismatches.length;
      for (const m of c.mismatches) {
        io.out([m.file, m.sampleId, m.metric, String(m.stored), String(m.recomputed)].join("\t"));
      }
    }
    io.out(`${samples} samples, ${values} values checked, ${mismatches} mismatches`);
    return mismatches > 0 ? 1 : 0;
  }
  const config = {
    tool: "lib/cli/rescore.ts",
    suite: args.suite,
    chrf_pp: args.chrfPlusPlus,
    argv: [...argv],
  };
  const written = new Set<string>();
  for (const run of runs) {
    if (!run.samples) {
      io.err(`note: skipping "${run.source.path}": summary-only file, nothing to re-score`);
      continue;
    }
    const target = args.inPlace
      ? run.source.path
      : join(args.out ?? DEFAULT_OUT, basename(run.source.path));
    if (!args.inPlace && resolve(target) === resolve(run.source.path)) {
      io.err(
        `rescore: refusing to overwrite the input "${run.source.path}"; pass --in-place to do that`,
      );
      return 1;
    }
    if (written.has(resolve(target))) {
      io.err(
        `rescore: two inputs would both be written to "${target}"; re-score them into different --out folders`,
      );
      return 1;
    }
    written.add(resolve(target));
    const doc = toV1(
      rescoreRun(run, { suite: args.suite, chrfPlusPlus: args.chrfPlusPlus }),
      config,
    );
    validate(v1Schema, doc, target);
    await writeFileAtomic(target, JSON.stringify(doc, null, 2) + "\n");
    io.out(`wrote ${target} (${run.samples.length} samples, suite ${args.suite})`);
  }
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
