/**
 * Report parameters: what `deno task report` (or a notebook opened by hand) works on.
 *
 * Three layers, each overriding the one before: the defaults below; the notebook's own
 * `parameters` cell (papermill convention: the first code cell, tagged `parameters`, holding the
 * visible defaults a researcher edits); and `WORKBENCH_PARAMS` (JSON), which `deno task report`
 * sets for every notebook it runs. One rule for paths: every path, in any layer, is relative to
 * the repository root, wherever the kernel runs (`fromRoot()` resolves one in your own code).
 *
 * Opened by hand, a notebook writes to a scratch folder of its own, `runs/interactive/<id>/`
 * (ignored by git), never to the committed `figures/` unless its `out` says so.
 * @module
 */
import { fromRoot } from "../io/paths.ts";
import { MAX_SEED } from "../stats/rng.ts";
import { setupNotebook } from "../notebook/setup_notebook.ts";

// Every notebook imports this module (through lib/report/mod.ts): in Deno's Jupyter kernel this
// gives Observable Plot a DOM and Polars frames a readable display (a no-op anywhere else).
setupNotebook();

let lastOut: string | null = null;

/**
 * The output folder of the notebook running in this kernel: the `out` of the last
 * {@linkcode notebookParams} call, or null before any. `save()` writes there by default.
 */
export function currentNotebookOut(): string | null {
  return lastOut;
}

/** Parameters of one report run. Paths are absolute once resolved. */
export interface ReportParams {
  /** Folder of result JSON files. Default: `data/results` (the study's files). */
  results: string;
  /** Output folder for figures, tables and the report. Default: `figures` (report), `runs/interactive/<id>` (a notebook opened by hand). */
  out: string;
  /** Alpaca JSONL files or folders for the dataset section. Default: the study's validation subset. */
  data: string[];
  /** Continue past malformed dataset lines, counting them. Default: `false`. */
  skipBadLines: boolean;
  /** Filled human-evaluation sheets (CSV or XLSX). Default: the study's filled sheet. */
  humanEval: string[];
  /** Key file mapping sheet labels to runs. Default: `null` (results per label). */
  humanEvalKey: string | null;
  /** Folders (or files) of LLM-judge judgements (`deno task judge --out`). Default: `[]` (the section says how to make them). */
  judgments: string[];
  /** Summary files of the study's published table, compared with the recomputed values. Default: `data/published`; `null`: no comparison. */
  published: string | null;
  /** A folder of training runs (our run folders, Trainer/TRL/Unsloth checkpoints) for the sweep table. Default: `null` (no training section content). */
  runs: string | null;
  /** Bootstrap resamples. Default: `10000`. */
  resamples: number;
  /** Seed of every random choice. Default: `42`. */
  seed: number;
  /** Read and write the scored-results cache (`.cache/scored/`). Default: `true`. */
  cache: boolean;
  /** Where notebooks write their report sections; set by the report runner. Default: `null`. */
  sectionsDir: string | null;
}

/** The environment variable that carries the parameters into notebooks. */
export const PARAMS_ENV = "WORKBENCH_PARAMS";

/** Where a notebook opened by hand writes, under the repository root (`<folder>/<notebook id>`). */
export const INTERACTIVE_OUT = "runs/interactive";

/** Defaults, with paths relative to the repository root. */
export const REPORT_DEFAULTS: Readonly<ReportParams> = Object.freeze({
  results: "data/results",
  out: "figures",
  data: ["data/dataset/validation_subset.jsonl"],
  skipBadLines: false,
  humanEval: ["data/human_eval/eval_sheet_filled.csv"],
  humanEvalKey: null,
  judgments: [],
  published: "data/published",
  runs: null,
  resamples: 10_000,
  seed: 42,
  cache: true,
  sectionsDir: null,
});

const KEYS = Object.keys(REPORT_DEFAULTS) as (keyof ReportParams)[];

/**
 * Validates a partial parameter object, fills defaults and resolves paths against the
 * repository root. Unknown keys and wrong types are errors naming `where`.
 *
 * @example
 * ```ts
 * import { resolveParams } from "./params.ts";
 * import assert from "node:assert/strict";
 * const p = resolveParams({ resamples: 2000 });
 * assert.equal(p.resamples, 2000);
 * assert.ok(p.results.endsWith("data/results"));
 * assert.throws(() => resolveParams({ resample: 1 } as never), /Unknown report parameter "resample"/);
 * ```
 */
export function resolveParams(
  partial: Partial<ReportParams>,
  where = "report parameters",
): ReportParams {
  if (typeof partial !== "object" || partial === null || Array.isArray(partial)) {
    throw new TypeError(`Invalid ${where}: expected an object`);
  }
  for (const key of Object.keys(partial)) {
    if (!KEYS.includes(key as keyof ReportParams)) {
      throw new TypeError(
        `Unknown report parameter "${key}" in ${where}; known: ${KEYS.join(", ")}`,
      );
    }
  }
  const p = { ...REPORT_DEFAULTS, ...partial } as ReportParams;
  const str = (k: "results" | "out") => {
    if (typeof p[k] !== "string" || p[k] === "") {
      throw new TypeError(`Invalid ${where}: ${k} must be a non-empty path`);
    }
  };
  const list = (k: "data" | "humanEval" | "judgments") => {
    if (!Array.isArray(p[k]) || !p[k].every((x) => typeof x === "string" && x !== "")) {
      throw new TypeError(`Invalid ${where}: ${k} must be a list of paths`);
    }
  };
  const pathOrNull = (k: "humanEvalKey" | "published" | "runs") => {
    if (p[k] !== null && (typeof p[k] !== "string" || p[k] === "")) {
      throw new TypeError(`Invalid ${where}: ${k} must be a path or null`);
    }
  };
  str("results");
  str("out");
  list("data");
  list("humanEval");
  list("judgments");
  pathOrNull("humanEvalKey");
  pathOrNull("published");
  pathOrNull("runs");
  for (const k of ["skipBadLines", "cache"] as const) {
    if (typeof p[k] !== "boolean") {
      throw new TypeError(`Invalid ${where}: ${k} must be true or false`);
    }
  }
  if (!Number.isInteger(p.resamples) || p.resamples < 100 || p.resamples > 1_000_000) {
    throw new RangeError(
      `Invalid ${where}: resamples must be an integer in [100, 1000000], got ${p.resamples}`,
    );
  }
  if (!Number.isInteger(p.seed) || p.seed < 0 || p.seed > MAX_SEED) {
    throw new RangeError(
      `Invalid ${where}: seed must be an integer in [0, ${MAX_SEED}], got ${p.seed}`,
    );
  }
  const orNull = (x: string | null) => (x === null ? null : fromRoot(x));
  return {
    ...p,
    results: fromRoot(p.results),
    out: fromRoot(p.out),
    data: p.data.map(fromRoot),
    humanEval: p.humanEval.map(fromRoot),
    judgments: p.judgments.map(fromRoot),
    humanEvalKey: orNull(p.humanEvalKey),
    published: orNull(p.published),
    runs: orNull(p.runs),
    sectionsDir: orNull(p.sectionsDir),
  };
}

/**
 * The parameters a notebook works with: the defaults, then its `parameters` cell, then
 * `WORKBENCH_PARAMS` when set (by `deno task report`, or by you). Without `WORKBENCH_PARAMS` and
 * without an `out` in the cell, the output goes to `runs/interactive/<id>/`.
 *
 * @param id The notebook's id (its file stem, e.g. `20_scaling`).
 * @param cell The notebook's parameters cell. Default: none.
 * @example
 * ```ts
 * import { notebookParams } from "./params.ts";
 * import assert from "node:assert/strict";
 * const env = { get: (_: string) => undefined };
 * const p = notebookParams("20_scaling", { resamples: 2000 }, env);
 * assert.ok(p.out.endsWith("runs/interactive/20_scaling"));
 * const report = { get: (_: string) => JSON.stringify({ out: "/tmp/r", resamples: 1000 }) };
 * assert.equal(notebookParams("20_scaling", { resamples: 2000 }, report).resamples, 1000);
 * ```
 */
export function notebookParams(
  id: string,
  cell: Partial<ReportParams> = {},
  env: { get(key: string): string | undefined } = Deno.env,
): ReportParams {
  const raw = env.get(PARAMS_ENV);
  const fromEnv = raw === undefined || raw === "" ? null : parseEnv(raw);
  const base = fromEnv === null && cell.out === undefined
    ? { out: `${INTERACTIVE_OUT}/${id}` }
    : {};
  const params = resolveParams(
    { ...base, ...cell, ...(fromEnv ?? {}) },
    fromEnv ? PARAMS_ENV : "the parameters cell",
  );
  lastOut = params.out;
  return params;
}

/**
 * The parameters of the current report run, read from `WORKBENCH_PARAMS`; the defaults when it
 * is not set.
 */
export function reportParams(
  env: { get(key: string): string | undefined } = Deno.env,
): ReportParams {
  const raw = env.get(PARAMS_ENV);
  if (raw === undefined || raw === "") return resolveParams({});
  return resolveParams(parseEnv(raw), PARAMS_ENV);
}

function parseEnv(raw: string): Partial<ReportParams> {
  try {
    return JSON.parse(raw);
  } catch {
    throw new SyntaxError(`Invalid ${PARAMS_ENV}: not JSON`);
  }
}
