/**
 * The scored-samples frame: the contract between loading and analysis. Every result file of a
 * folder is read, validated and scored once (the study's legacy files keep their stored legacy
 * metrics and gain the corrected v2 suite; schema-v1 files, whose producer writes no text
 * metrics, get both suites), and stacked into one Polars frame with a row per run × sample. Every
 * table, figure and notebook starts from it.
 *
 * Scored runs are cached on disk (`.cache/scored/` at the repository root, ignored by git), keyed
 * by the input's SHA-256, its run id and the {@linkcode scorerKey}; a report scores each input
 * once however many notebooks read it, and a second report scores nothing. `cache: false`
 * bypasses the cache (nothing read, nothing written).
 * @module
 */
import pl from "nodejs-polars";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { sha256File } from "../io/sha256.ts";
import { detectFormat, parseResultData, runIdOf } from "../results/load_result_file.ts";
import { parseRagAblation, type RagAblation } from "../results/load_rag_ablation.ts";
import { finishResultSet, listResultFiles, readRunOverrides } from "../results/load_results.ts";
import type { ResultSource, RunInfo, RunResult } from "../results/run_result.ts";
import { rescoreRun, type RescoreRunOptions } from "../metrics/rescore_run.ts";
import { orderMetrics } from "../metrics/metric_order.ts";
import {
  type CachedHeader,
  entryPaths,
  readEntry,
  warnCacheUnusable,
  writeEntry,
} from "./_cache.ts";
import { runSamplesFrame } from "./run_samples_frame.ts";
import {
  ANALYSED_COLUMNS,
  frameColumn,
  RUN_COLUMN_VALUES,
  RUN_COLUMNS,
  SAMPLE_COLUMNS,
  TEXT_COLUMNS,
} from "./frame_columns.ts";
import { emptyFrame } from "./empty_frame.ts";
import { scorerKey } from "./scorer_key.ts";
import { checkMetricRanges } from "./check_ranges.ts";
import { exists } from "../io/exists.ts";
import { CACHE_DIR_ENV, cacheDir } from "../io/cache_dir.ts";
import { type InputSnapshot, readFolderOf, snapshotFromEnv } from "./input_snapshot.ts";

export { CACHE_DIR_ENV };

/** The default cache folder: `$WORKBENCH_CACHE_DIR/scored`, else `.cache/scored` in the repository. */
export function scoredCacheDir(): string {
  return cacheDir("scored");
}

/** An environment variable naming a file to which every scoring of an input appends its path. */
export const SCORE_LOG_ENV = "WORKBENCH_SCORE_LOG";

/** Options for {@linkcode loadScored}. */
export interface LoadScoredOptions {
  /** Read and write the on-disk cache. Default: `true`. */
  cache?: boolean;
  /** The cache folder. Default: {@linkcode scoredCacheDir}. */
  cacheDir?: string;
  /** Suite(s) computed for the study's legacy files. Default: `"v2"` (legacy values as stored). */
  legacySuite?: RescoreRunOptions["suite"];
  /** Suite(s) computed for schema-v1 files. Default: `"all"`. */
  v1Suite?: RescoreRunOptions["suite"];
  /**
   * Include the long text columns ({@linkcode TEXT_COLUMNS}: `instruction, input, reference,
   * prediction`). Default: `true`. `false` leaves them out of the frame, and a cached run's texts
   * are then never read: most of the frame's memory, for analyses of the metric columns (pairing
   * uses `question_key`).
   */
  text?: boolean;
  /**
   * Copies of result folders to read instead of the folders themselves (files are still named by
   * their real paths); see `input_snapshot.ts`. Default: the snapshot named by
   * `WORKBENCH_INPUT_SNAPSHOT` (a report's), else none.
   */
  snapshot?: InputSnapshot;
}

/** A run as the analysis sees it: identity, provenance, stored aggregates, no samples. */
export interface ScoredRun {
  run: RunInfo;
  source: ResultSource;
  /** Number of per-sample records (0 for a summary-only file). */
  samples: number;
  summary: RunResult["summary"];
  metricSignatures: Record<string, string>;
  meta: RunResult["meta"];
}

/** Everything found in a results folder, scored. */
export interface ScoredResults {
  /** The folder read. */
  dir: string;
  /**
   * One row per run × sample: the columns `FRAME_COLUMNS` declares, in order (the run's
   * identity `run, label, family, size_b, variant`; `id`; the texts `instruction, input,
   * reference, prediction`, left out with `text: false`; `question_key`; the labels; `latency_s`,
   * `new_tokens`, `hit_max_new_tokens`, `retrieval`; the answer-behaviour columns; `chrf_stats`;
   * see `docs/frame.md`), then one Float64 column per metric (null where undefined).
   * Summary-only runs have no rows.
   */
  frame: pl.DataFrame;
  /** Every run (with or without samples), in display order. */
  runs: ScoredRun[];
  /**
   * The columns analysed per metric, in display order: every metric column of `frame`, and the
   * declared columns analysed like metrics (`latency_s`) where some run measured them.
   */
  metrics: string[];
  /** RAG ablation files (aggregates per retrieval depth). */
  ragAblations: RagAblation[];
  /** How many inputs came from the cache and how many were scored now. */
  cache: { hits: number; misses: number };
  /**
   * Identity of these scored results (every input's SHA-256, the runs' identities, the scorer),
   * under which expensive analyses are remembered (see `memo`); `null` for results built in memory.
   */
  key: string | null;
  /** The scored-results cache folder; `null` when the cache is off. */
  cacheDir: string | null;
}

/**
 * Loads, validates and scores every result file of `dir` (see {@linkcode listResultFiles}).
 *
 * @example
 * ```ts ignore
 * const scored = await loadScored("data/results");
 * scored.frame.filter(pl.col("variant").eq(pl.lit("fine-tuned"))).select("run", "id", "chrf");
 * ```
 */
export async function loadScored(
  dir: string,
  options: LoadScoredOptions = {},
): Promise<ScoredResults> {
  dir = fromRoot(dir); // relative paths: to the repository root
  const {
    cache = true,
    cacheDir = scoredCacheDir(),
    legacySuite = "v2",
    v1Suite = "all",
    text = true,
    snapshot = snapshotFromEnv(),
  } = options;
  const key = await scorerKey({ legacy: legacySuite, v1: v1Suite });
  const from = readFolderOf(dir, snapshot);
  const overrides = await readRunOverrides(from).catch((error: Error) => {
    // A snapshot's copy is named by the real file.
    if (from === dir) throw error;
    error.message = error.message.replaceAll(from, dir);
    throw error;
  });
  const headers: CachedHeader[] = [];
  const frames = new Map<string, pl.DataFrame>();
  const ragAblations: RagAblation[] = [];
  let hits = 0, misses = 0;
  const settings = { cache, cacheDir, key, legacySuite, v1Suite, text };
  for (const name of await listResultFiles(from)) {
    const path = join(dir, name);
    const loaded = await loadFile(path, settings, join(from, name));
    if (loaded.kind === "rag") {
      ragAblations.push(loaded.ablation);
      continue;
    }
    if (loaded.hit) hits++;
    else misses++;
    headers.push(loaded.header);
    if (loaded.header.samples > 0) frames.set(path, loaded.frame);
  }
  // Overrides apply after the cache: runs.json may change without the files changing.
  const asRuns = headers.map((h) => {
    const override = overrides.get(h.run.id);
    return { ...h, run: override ? { ...h.run, ...override } : h.run, samples: null };
  }) as RunResult[];
  const set = finishResultSet(dir, asRuns, ragAblations, overrides);
  const byPath = new Map(headers.map((h) => [h.source.path, h]));
  const runs: ScoredRun[] = set.runs.map((r) => ({
    ...r,
    samples: byPath.get(r.source.path)!.samples,
  }));
  const { frame, metrics } = stackRuns(runs, frames, text);
  const identity = createHash("sha256").update(key).update(
    JSON.stringify([
      runs.map((r) => [r.run, r.source.sha256, r.samples]),
      set.ragAblations.map((a) => [a.id, a.source.sha256]),
    ]),
  ).digest("hex");
  return {
    dir,
    frame,
    runs,
    metrics,
    ragAblations: set.ragAblations,
    cache: { hits, misses },
    key: identity,
    cacheDir: cache ? cacheDir : null,
  };
}

interface FileSettings {
  cache: boolean;
  cacheDir: string;
  key: string;
  legacySuite: RescoreRunOptions["suite"];
  v1Suite: RescoreRunOptions["suite"];
  text: boolean;
}

type LoadedFile =
  | { kind: "run"; header: CachedHeader; frame: pl.DataFrame; hit: boolean }
  | { kind: "rag"; ablation: RagAblation };

/**
 * The cache entry of a result file: a hash of its run id, the SHA-256 of its bytes and the scorer
 * key (a fixed 48 characters, however long the file's name).
 */
export function cacheEntryName(path: string, sha256: string, key: string): string {
  return createHash("sha256").update(`${runIdOf(path)}\0${sha256}\0${key}`).digest("hex").slice(
    0,
    48,
  );
}

/**
 * Reads one result file from the cache, or validates, scores and caches it; its bytes are read
 * from `readPath` (a snapshot's copy) and it is named `path`.
 */
async function loadFile(path: string, s: FileSettings, readPath = path): Promise<LoadedFile> {
  const read = <T>(how: (path: string) => Promise<T>): Promise<T> =>
    how(readPath).catch((error) => {
      throw new Error(`Cannot read result file "${path}": ${(error as Error).message}`);
    });
  // Hashed in chunks: a cache hit never holds the file's bytes.
  const sha256 = await read(sha256File);
  const entry = cacheEntryName(path, sha256, s.key);
  const found = s.cache ? await readEntry(s.cacheDir, entry, { text: s.text }) : null;
  if (found && "corrupt" in found) {
    console.error(
      `note: cache entry "${found.corrupt}" of "${path}" fails its checksum; scoring the file again`,
    );
  }
  if (found && "stale" in found) {
    console.error(
      `note: cache entry "${found.stale}" of "${path}" was written in another layout (${found.why}); scoring the file again`,
    );
  }
  const hit = found && "header" in found ? found : null;
  if (hit) {
    const header = { ...hit.header, source: { ...hit.header.source, path } };
    return { kind: "run", header, frame: hit.frame, hit: true };
  }
  const data = parseJson(await read(Deno.readFile), path);
  if (detectFormat(data) === "rag-legacy") {
    return { kind: "rag", ablation: parseRagAblation(data, { path, sha256 }) };
  }
  let run = parseResultData(data, { path, sha256 });
  checkMetricRanges(run);
  if (run.samples) {
    run = rescoreRun(run, { suite: run.source.format === "legacy" ? s.legacySuite : s.v1Suite });
    const log = Deno.env.get(SCORE_LOG_ENV);
    if (log) await Deno.writeTextFile(log, `${path}\n`, { append: true });
  }
  const frame = run.samples ? runSamplesFrame(run) : pl.DataFrame({});
  const { samples, ...rest } = run;
  const header: CachedHeader = { ...rest, samples: samples?.length ?? 0 };
  if (s.cache) {
    // A full, read-only or misplaced cache only costs time: warn once and go on.
    await writeEntry(s.cacheDir, entry, header, frame).catch((e) =>
      warnCacheUnusable(s.cacheDir, e)
    );
  }
  return { kind: "run", header, frame, hit: false };
}

/**
 * Scores the result files `paths` into the cache (those not cached yet), keeping nothing in
 * memory: the work of one process of `warmScoredCache`. A file that cannot be loaded throws, as
 * in {@linkcode loadScored}.
 */
export async function scoreIntoCache(
  paths: readonly string[],
  options: Omit<LoadScoredOptions, "cache" | "text"> = {},
): Promise<void> {
  const { cacheDir = scoredCacheDir(), legacySuite = "v2", v1Suite = "all" } = options;
  const key = await scorerKey({ legacy: legacySuite, v1: v1Suite });
  for (const path of paths) {
    await loadFile(path, { cache: true, cacheDir, key, legacySuite, v1Suite, text: false });
  }
}

/**
 * The result files of `dir` that are not in the cache yet (rag-ablation aggregates count as not
 * cached: they are read, never cached), with the scorer key of the default suites.
 */
export async function uncachedFiles(
  dir: string,
  options: Pick<LoadScoredOptions, "cacheDir" | "legacySuite" | "v1Suite"> = {},
): Promise<string[]> {
  const { cacheDir = scoredCacheDir(), legacySuite = "v2", v1Suite = "all" } = options;
  const key = await scorerKey({ legacy: legacySuite, v1: v1Suite });
  const out: string[] = [];
  for (const name of await listResultFiles(dir)) {
    const path = join(dir, name);
    const sha256 = await sha256File(path).catch(() => null);
    const entry = sha256 === null ? null : cacheEntryName(path, sha256, key);
    if (entry === null || !(await exists(entryPaths(cacheDir, entry).header))) out.push(path);
  }
  return out;
}

/** {@linkcode loadScored}, returning only the scored-samples frame. */
export async function loadScoredFrame(
  dir: string,
  options: LoadScoredOptions = {},
): Promise<pl.DataFrame> {
  return (await loadScored(dir, options)).frame;
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SyntaxError(`Cannot load result file "${path}": it is not valid UTF-8`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(
      `Cannot load result file "${path}": not valid JSON (${(error as Error).message})`,
    );
  }
}

/**
 * Scored results from runs already in memory (their samples scored as they are): the same frame
 * {@linkcode loadScored} builds, for tests and for runs made in a notebook.
 */
export function scoredFromRuns(
  runs: readonly RunResult[],
  options: { dir?: string; ragAblations?: RagAblation[] } = {},
): ScoredResults {
  const frames = new Map<string, pl.DataFrame>();
  const scoredRuns: ScoredRun[] = runs.map((r) => {
    if (r.samples) frames.set(r.source.path, runSamplesFrame(r));
    const { samples, ...rest } = r;
    return { ...rest, samples: samples?.length ?? 0 };
  });
  const { frame, metrics } = stackRuns(scoredRuns, frames);
  return {
    dir: options.dir ?? "",
    frame,
    runs: scoredRuns,
    metrics,
    ragAblations: options.ragAblations ?? [],
    cache: { hits: 0, misses: 0 },
    key: null,
    cacheDir: null,
  };
}

/**
 * Stacks the runs' frames in run order, with identity columns and a common set of metrics; the
 * metrics listed are the metric columns, then the declared columns analysed like metrics
 * (`latency_s`) that some run measured, in display order.
 */
function stackRuns(
  runs: readonly ScoredRun[],
  frames: Map<string, pl.DataFrame>,
  text = true,
): { frame: pl.DataFrame; metrics: string[] } {
  const sampleColumns = SAMPLE_COLUMNS.filter((c) =>
    text || !(TEXT_COLUMNS as readonly string[]).includes(c)
  );
  const found = new Set<string>();
  for (const f of frames.values()) {
    for (const c of f.columns) if (frameColumn(c) === undefined) found.add(c);
  }
  const metrics = orderMetrics([...found]);
  const parts: pl.DataFrame[] = [];
  for (const r of runs) {
    const f = frames.get(r.source.path);
    if (!f) continue;
    const h = f.height;
    const identity = RUN_COLUMNS.map((c) =>
      pl.Series(c, Array(h).fill(RUN_COLUMN_VALUES[c](r.run)), frameColumn(c)!.dtype)
    );
    const metricCols = metrics.map((m) =>
      f.columns.includes(m) ? f.getColumn(m) : pl.Series(m, Array(h).fill(null), pl.Float64)
    );
    parts.push(pl.DataFrame([
      ...identity,
      ...sampleColumns.map((c) => f.getColumn(c)),
      ...metricCols,
    ]));
  }
  if (parts.length === 0) return { frame: emptyFrame(metrics, { text }), metrics };
  // Without rechunking, the stacked frame shares the runs' column buffers instead of copying them.
  const frame = parts.length === 1
    ? parts[0]
    : pl.concat(parts, { how: "vertical", rechunk: false });
  const measured = ANALYSED_COLUMNS.filter((c) => frame.getColumn(c).nullCount() < frame.height);
  return { frame, metrics: orderMetrics([...measured, ...metrics]) };
}
