/**
 * Re-scores result files with the metric suites, or checks that the study's stored legacy
 * metrics are reproduced.
 *
 * ```sh
 * deno task rescore --check ../shared/datasets/kz-legal-qa/results
 * deno task rescore --suite all --out runs/rescored ../shared/datasets/kz-legal-qa/results
 * ```
 *
 * Usage: `deno task rescore [--check] [--suite legacy|v2|all] [--out DIR [--force]] [--in-place] PATH...`
 *
 * - PATH: result files (legacy or schema v1) or folders (every `*.json` in them, not recursive;
 *   RAG ablation files, which have no samples, are skipped with a note; `runs.json` applies).
 *   File names may hold spaces and Cyrillic letters.
 * - `--check`: recompute the legacy suite and compare it with every stored legacy value (tolerance
 *   1e-9). Prints one tab-separated line per mismatch (`file`, `sample id`, `metric`, `stored`,
 *   `recomputed`) and last `N samples, M values checked, K mismatches`; exits 1 when K > 0.
 *   Writes nothing.
 * - Otherwise: write one schema-v1 result file per run (see lib/results/result_v1.schema.json).
 *   A legacy input becomes a new v1 document: run identity, samples with their stored metrics
 *   plus the recomputed ones, per-metric signatures, summary means, the input file and its
 *   SHA-256, and the configuration. A v1 input is kept as it is (configuration, decoding,
 *   environment, inputs) except for the recomputed per-sample metrics, their signatures and
 *   summary means, a note appended to `source`, and the input file added to `inputs` as
 *   `rescored_from`.
 * - Files go to `--out` (default `runs/rescored`, git-ignored) as `<run id>.json`. A run id must be
 *   ASCII letters, digits, `.`, `_` and `-` (schema v1); a file named otherwise (`мой файл.json`)
 *   gets an id spelled from its name (`moy_fayl`), with a note.
 * - `--in-place` writes each v1 file over its input (mutually exclusive with `--out`). It is
 *   refused for a legacy file that holds what schema v1 cannot carry (the study's `by_domain`,
 *   `by_language`, `confidence_intervals`, `gpu.vram_gb`, ...): the refusal names those fields,
 *   and nothing is written.
 * - Nothing is written unless every run re-scores and validates; then all files are written as
 *   one step (temporary files, renamed into place when all are written), so a failure never
 *   leaves part of the output.
 * - An existing file in `--out` is replaced only when rescore wrote it (a schema-v1 document whose
 *   `config.tool` or `inputs.rescored_from` says so); any other file there (your own
 *   `benchmark_4b_ft.json`, say) is refused, naming it, and nothing is written, unless `--force`.
 * - `--suite` (default `all`): the registry's computed metrics of that suite (lib/metrics/registry.ts).
 * - Exit codes: 0 success, 1 mismatches found (with `--check`), a refusal, or a file failed,
 *   2 bad usage.
 * @module
 */
import { parseArgs as parseCommandLine } from "node:util";
import { usageMessage } from "./usage_message.ts";
import { basename, join, resolve } from "node:path";
import { detectFormat, loadResultFile, readJson } from "../results/load_result_file.ts";
import { loadResults } from "../results/load_results.ts";
import type { RunResult } from "../results/run_result.ts";
import { type FileToWrite, writeFilesAtomic } from "../io/atomic_write.ts";
import { sha256Hex } from "../io/sha256.ts";
import { rescoreRun } from "../metrics/rescore_run.ts";
import { checkLegacy } from "../metrics/check_legacy.ts";
import { type SuiteChoice, suiteMetricNames } from "../metrics/score_sample.ts";
import { transliterate } from "../text/transliterate.ts";
import { validate } from "../results/_validate.ts";
import v1Schema from "../results/result_v1.schema.json" with { type: "json" };

/** The usage text printed on bad usage. */
export const USAGE =
  "Usage: deno task rescore [--check] [--suite legacy|v2|all] [--out DIR [--force]] [--in-place] PATH...";

/** Default output folder (relative to the working directory). */
export const DEFAULT_OUT = "runs/rescored";

/** Parsed command line of {@linkcode main}. */
export interface RescoreArgs {
  check: boolean;
  suite: SuiteChoice;
  out: string | null;
  inPlace: boolean;
  /** Replace files in `--out` that rescore did not write. Default: `false`. */
  force: boolean;
  help: boolean;
  paths: string[];
}

/** Thrown for bad usage; {@linkcode main} turns it into exit code 2. */
export class UsageError extends Error {}

/** Thrown when the command refuses to write (it has written nothing); exit code 1. */
class Refusal extends Error {}

/**
 * Parses the command line (`node:util` `parseArgs`, strict: unknown options are errors).
 *
 * @throws {UsageError} on an unknown flag, a missing value, a bad suite, no path, or `--out` with `--in-place`.
 * @example
 * ```ts
 * import { parseArgs } from "./rescore.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseArgs(["--suite", "v2", "ответы 14б.json"]), { check: false, suite: "v2", out: null, inPlace: false, force: false, help: false, paths: ["ответы 14б.json"] });
 * assert.throws(() => parseArgs(["--frobnicate", "a.json"]), /Unknown option "--frobnicate"/);
 * ```
 */
export function parseArgs(argv: readonly string[]): RescoreArgs {
  let parsed;
  try {
    parsed = parseCommandLine({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        check: { type: "boolean", default: false },
        suite: { type: "string", default: "all" },
        out: { type: "string" },
        "in-place": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error));
  }
  const v = parsed.values;
  const suite = v.suite;
  if (suite !== "legacy" && suite !== "v2" && suite !== "all") {
    throw new UsageError(`Unknown suite "${suite}" (expected legacy, v2 or all)`);
  }
  const args: RescoreArgs = {
    check: v.check,
    suite,
    out: v.out ?? null,
    inPlace: v["in-place"],
    force: v.force,
    help: v.help,
    paths: parsed.positionals,
  };
  if (args.help) return args;
  if (args.paths.length === 0) throw new UsageError("No PATH given");
  if (args.inPlace && args.out !== null) {
    throw new UsageError("--in-place and --out cannot be used together");
  }
  return args;
}

/**
 * The schema-v1 run id of a run read from a file with this stem: the stem itself when it is a
 * valid id (ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit), else the stem
 * transliterated ({@linkcode transliterate}) with every run of other characters made `_`.
 *
 * @example
 * ```ts
 * import { v1RunId } from "./rescore.ts";
 * import assert from "node:assert/strict";
 * assert.equal(v1RunId("benchmark_4b_ft"), "benchmark_4b_ft");
 * assert.equal(v1RunId("мой файл"), "moy_fayl");
 * assert.equal(v1RunId("Қазақша жауаптар (14B)"), "Qazaqsha_zhauaptar_14B");
 * assert.equal(v1RunId("  "), "run");
 * ```
 */
export function v1RunId(stem: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stem)) return stem;
  const id = transliterate(stem).replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[^A-Za-z0-9]+/, "")
    .replace(/_+$/, "");
  return id === "" ? "run" : id;
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

/** Builds the schema-v1 document of a re-scored run read from a legacy file. */
export function toV1(run: RunResult, config: Record<string, unknown>): Record<string, unknown> {
  const r = run.run;
  return {
    schema_version: 1,
    run: dropNulls({
      id: v1RunId(r.id),
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
    samples: (run.samples ?? []).map((s) => ({
      id: s.id,
      instruction: s.instruction,
      input: s.input,
      reference: s.reference,
      prediction: s.prediction,
      ...dropNulls({
        // Only labels the input file carried; the reader derives missing ones again.
        language: s.language_source === "file" ? s.language : null,
        domain: s.domain_source === "file" ? s.domain : null,
        new_tokens: s.new_tokens,
        hit_max_new_tokens: s.hit_max_new_tokens,
        retrieval: s.retrieval,
      }),
      latency_s: s.latency_s,
      metrics: s.metrics,
    })),
  };
}

/**
 * The re-scored version of a v1 document: the document as it was, with the recomputed metrics of
 * every sample, their signatures and summary means replaced, a note appended to `source` and the
 * input recorded in `inputs.rescored_from`.
 *
 * @param doc The v1 document as read from `source.path`.
 * @param rescored The run re-scored by {@linkcode rescoreRun}.
 * @param metrics Names of the recomputed metrics.
 * @param note What to append to `source`.
 */
export function mergeV1(
  doc: Record<string, unknown>,
  rescored: RunResult,
  metrics: readonly string[],
  note: string,
): Record<string, unknown> {
  const out = structuredClone(doc);
  const samples = (out.samples ?? []) as { id: string; metrics?: Record<string, number | null> }[];
  const fresh = rescored.samples ?? [];
  if (samples.length !== fresh.length) {
    throw new Error(
      `Cannot merge re-scored metrics into "${rescored.source.path}": ${samples.length} samples in the file, ${fresh.length} re-scored`,
    );
  }
  samples.forEach((s, i) => {
    if (s.id !== fresh[i].id) {
      throw new Error(
        `Cannot merge re-scored metrics into "${rescored.source.path}": samples[${i}].id is "${s.id}", re-scored "${
          fresh[i].id
        }"`,
      );
    }
    const m = { ...(s.metrics ?? {}) };
    for (const name of metrics) m[name] = fresh[i].metrics[name] ?? null;
    s.metrics = m;
  });
  const signatures = { ...(out.metric_signatures as Record<string, string> | undefined ?? {}) };
  const summary = { ...(out.summary as Record<string, unknown> | undefined ?? {}) };
  for (const name of metrics) {
    signatures[name] = rescored.metricSignatures[name];
    const a = rescored.summary[name];
    if (a) summary[name] = { mean: a.mean, lo: a.lo, hi: a.hi, n: a.n };
    else delete summary[name];
  }
  out.metric_signatures = signatures;
  out.summary = summary;
  out.source = typeof out.source === "string" && out.source !== ""
    ? `${out.source}; ${note}`
    : note;
  out.inputs = {
    ...(out.inputs as Record<string, unknown> | undefined ?? {}),
    rescored_from: {
      path: rescored.source.path,
      sha256: rescored.source.sha256,
      rows: samples.length,
    },
  };
  return out;
}

/** Fields of the study's legacy shape that schema v1 has a place for (see {@linkcode toV1}). */
const LEGACY_CARRIED = new Set([
  "model",
  "is_baseline",
  "num_samples",
  "total_time",
  "avg_metrics",
  "timestamp",
  "detailed_results",
]);

/**
 * What a legacy document holds that its schema-v1 version cannot: top-level fields other than
 * those v1 carries, `confidence_intervals` (re-scored summaries have no intervals), and `gpu`
 * fields other than `name` and `peak_vram_gb`.
 *
 * @example
 * ```ts
 * import { legacyFieldsLostInV1 } from "./rescore.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(legacyFieldsLostInV1({ model: "m", by_language: {}, gpu: { name: "x", vram_gb: 32 } }), ["by_language", "gpu.vram_gb"]);
 * assert.deepEqual(legacyFieldsLostInV1({ model: "m", detailed_results: [] }), []);
 * ```
 */
export function legacyFieldsLostInV1(doc: Record<string, unknown>): string[] {
  const lost: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (LEGACY_CARRIED.has(k)) continue;
    if (k === "gpu" && typeof v === "object" && v !== null) {
      for (const g of Object.keys(v)) {
        if (g !== "name" && g !== "peak_vram_gb") lost.push(`gpu.${g}`);
      }
      continue;
    }
    lost.push(k);
  }
  return lost;
}

/** The tool named in the `config` of the files rescore writes. */
const TOOL = "lib/cli/rescore.ts";

/**
 * Whether `path` is absent, or holds a result file that rescore wrote (its `config.tool` is
 * rescore, or its `inputs.rescored_from` records a re-scoring), so replacing it loses nothing
 * rescore cannot write again.
 *
 * @example
 * ```ts
 * import { replaceableByRescore } from "./rescore.ts";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile({ suffix: ".json" });
 * await Deno.writeTextFile(path, '{"model": "my own results"}');
 * assert.equal(await replaceableByRescore(path), false);
 * await Deno.writeTextFile(path, '{"schema_version": 1, "config": {"tool": "lib/cli/rescore.ts"}}');
 * assert.equal(await replaceableByRescore(path), true);
 * assert.equal(await replaceableByRescore(path + ".absent"), true);
 * ```
 */
export async function replaceableByRescore(path: string): Promise<boolean> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return true;
    return false; // a folder, an unreadable file: not ours to replace
  }
  try {
    const doc = JSON.parse(text);
    return doc?.schema_version === 1 &&
      (doc?.config?.tool === TOOL ||
        (typeof doc?.inputs?.rescored_from === "object" && doc.inputs.rescored_from !== null));
  } catch {
    return false;
  }
}

/** One planned output file. */
interface Planned {
  run: RunResult;
  target: string;
  doc: Record<string, unknown>;
}

/**
 * Runs the command. Returns the exit code; `out` and `err` receive lines. Every failure is a
 * message naming the file and what went wrong (no stack trace), and nothing is written unless
 * every run re-scores.
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
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await rescore(args, argv, io);
  } catch (error) {
    io.err(`rescore: ${(error as Error).message}`);
    return 1;
  }
}

async function rescore(
  args: RescoreArgs,
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const runs = await loadRuns(args.paths, io.err);
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
    tool: TOOL,
    suite: args.suite,
    argv: [...argv],
  };
  const names = suiteMetricNames(args.suite);
  const now = new Date().toISOString();
  const planned: Planned[] = [];
  const targets = new Map<string, string>();
  // Everything is computed and validated first; nothing is written until all runs succeed.
  for (const run of runs) {
    if (!run.samples) {
      io.err(`note: skipping "${run.source.path}": summary-only file, nothing to re-score`);
      continue;
    }
    const { data, bytes } = await readJson(run.source.path);
    if (await sha256Hex(bytes) !== run.source.sha256) {
      throw new Error(`"${run.source.path}" changed while it was being read; run again`);
    }
    const doc = data as Record<string, unknown>;
    if (args.inPlace && run.source.format === "legacy") {
      const lost = legacyFieldsLostInV1(doc);
      if (lost.length > 0) {
        throw new Refusal(
          `refusing --in-place on "${run.source.path}": it is a legacy result file, and its ` +
            `schema-v1 version could not keep ${lost.join(", ")}. Nothing was written; ` +
            "write the re-scored files elsewhere with --out DIR (the input stays as it is)",
        );
      }
    }
    const id = run.source.format === "v1" ? run.run.id : v1RunId(run.run.id);
    const target = args.inPlace ? run.source.path : join(args.out ?? DEFAULT_OUT, `${id}.json`);
    if (!args.inPlace && resolve(target) === resolve(run.source.path)) {
      throw new Refusal(
        `refusing to overwrite the input "${run.source.path}"; pass --in-place to do that`,
      );
    }
    const other = targets.get(resolve(target));
    if (other !== undefined) {
      throw new Refusal(
        `"${other}" and "${run.source.path}" would both be written to "${target}"; re-score them into different --out folders`,
      );
    }
    targets.set(resolve(target), run.source.path);
    if (!args.inPlace && !args.force && !(await replaceableByRescore(target))) {
      throw new Refusal(
        `refusing to replace "${target}": it exists and rescore did not write it (no config.tool ` +
          `"${TOOL}" or inputs.rescored_from). Nothing was written; choose another --out, move ` +
          "the file away, or pass --force to replace it",
      );
    }
    if (id !== run.run.id) {
      io.err(
        `note: "${run.source.path}" has no valid schema-v1 run id in its name; its run id is "${id}"`,
      );
    }
    const rescored = rescoreRun(run, { suite: args.suite });
    const out = run.source.format === "v1"
      ? mergeV1(
        doc,
        rescored,
        names,
        `metrics ${
          names.join(", ")
        } re-scored by lib/cli/rescore.ts (suite ${args.suite}) at ${now}`,
      )
      : toV1(rescored, config);
    validate(v1Schema, out, target);
    planned.push({ run, target, doc: out });
  }
  const files: FileToWrite[] = planned.map((p) => ({
    path: p.target,
    data: JSON.stringify(p.doc, null, 2) + "\n",
  }));
  await writeFilesAtomic(files);
  for (const p of planned) {
    io.out(`wrote ${p.target} (${p.run.samples!.length} samples, suite ${args.suite})`);
  }
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
