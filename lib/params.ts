/**
 * Report parameters: what `deno task report` was asked to do. The CLI parses its flags into
 * {@linkcode ReportParams}, passes them to every notebook through one environment variable
 * (`WORKBENCH_PARAMS`, JSON), and each notebook reads them back with {@linkcode reportParams},
 * which validates them. Opened interactively (no variable set), a notebook gets the defaults.
 * @module
 */
import { fromRoot } from "./paths.ts";
import { flagInt, flagValue } from "./cli/_flags.ts";

/** Parameters of one report run. Paths are absolute once resolved. */
export interface ReportParams {
  /** Folder of result JSON files. Default: `data/results/`. */
  results: string;
  /** Output folder for figures, tables and the report. Default: `figures/`. */
  out: string;
  /** Alpaca JSONL dataset files or folders for the dataset section. Default: `["data/sample"]`. */
  data: string[];
  /** Continue past malformed dataset lines, counting them. Default: `false`. */
  skipBadLines: boolean;
  /** Filled human-evaluation sheets (CSV or XLSX). Default: none. */
  humanEval: string[];
  /** Key file mapping sheet labels to runs. Default: `null` (results per label). */
  humanEvalKey: string | null;
  /** Bootstrap resamples. Default: `10000`. */
  resamples: number;
  /** Seed of every random choice. Default: `42`. */
  seed: number;
  /** Where notebooks write their report sections; set by the report runner. Default: `null`. */
  sectionsDir: string | null;
}

/** The environment variable that carries the parameters into notebooks. */
export const PARAMS_ENV = "WORKBENCH_PARAMS";

/** Defaults, with paths relative to the repository root. */
export const REPORT_DEFAULTS: Readonly<ReportParams> = Object.freeze({
  results: "data/results",
  out: "figures",
  data: ["data/sample"],
  skipBadLines: false,
  humanEval: [],
  humanEvalKey: null,
  resamples: 10_000,
  seed: 42,
  sectionsDir: null,
});

const KEYS = Object.keys(REPORT_DEFAULTS) as (keyof ReportParams)[];

/**
 * Validates a partial parameter object, fills defaults and resolves paths against the
 * repository root. Unknown keys and wrong types are errors.
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
  const str = (k: keyof ReportParams) => {
    if (typeof p[k] !== "string" || p[k] === "") {
      throw new TypeError(`Invalid ${where}: ${k} must be a non-empty path`);
    }
  };
  const list = (k: "data" | "humanEval") => {
    if (!Array.isArray(p[k]) || !p[k].every((x) => typeof x === "string" && x !== "")) {
      throw new TypeError(`Invalid ${where}: ${k} must be a list of paths`);
    }
  };
  str("results");
  str("out");
  list("data");
  list("humanEval");
  if (typeof p.skipBadLines !== "boolean") {
    throw new TypeError(`Invalid ${where}: skipBadLines must be true or false`);
  }
  if (p.humanEvalKey !== null && (typeof p.humanEvalKey !== "string" || p.humanEvalKey === "")) {
    throw new TypeError(`Invalid ${where}: humanEvalKey must be a path or null`);
  }
  if (!Number.isInteger(p.resamples) || p.resamples < 100 || p.resamples > 1_000_000) {
    throw new RangeError(
      `Invalid ${where}: resamples must be an integer in [100, 1000000], got ${p.resamples}`,
    );
  }
  if (!Number.isInteger(p.seed) || p.seed < 0) {
    throw new RangeError(`Invalid ${where}: seed must be a non-negative integer, got ${p.seed}`);
  }
  return {
    ...p,
    results: fromRoot(p.results),
    out: fromRoot(p.out),
    data: p.data.map(fromRoot),
    humanEval: p.humanEval.map(fromRoot),
    humanEvalKey: p.humanEvalKey === null ? null : fromRoot(p.humanEvalKey),
    sectionsDir: p.sectionsDir === null ? null : fromRoot(p.sectionsDir),
  };
}

/**
 * The parameters of the current report run, read from `WORKBENCH_PARAMS`; the defaults when it
 * is not set (a notebook opened interactively).
 */
export function reportParams(
  env: { get(key: string): string | undefined } = Deno.env,
): ReportParams {
  const raw = env.get(PARAMS_ENV);
  if (raw === undefined || raw === "") return resolveParams({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SyntaxError(`Invalid ${PARAMS_ENV}: not JSON`);
  }
  return resolveParams(parsed as Partial<ReportParams>, PARAMS_ENV);
}

/** Usage text of `deno task report`. */
export const REPORT_USAGE = `Usage: deno task report [options]

Runs the analysis notebooks headless and writes figures, tables and report.md.

Options:
  --results DIR          result JSON files (default: data/results/)
  --out DIR              output folder (default: figures/)
  --data PATH...         Alpaca JSONL files, or folders with train.jsonl/validation.jsonl
                         (default: data/sample/)
  --skip-bad-lines       count and skip malformed dataset lines instead of stopping
  --human-eval PATH...   filled expert-evaluation sheets (CSV or XLSX)
  --human-eval-key FILE  key mapping sheet labels to runs
  --resamples N          bootstrap resamples (default: 10000)
  --seed N               seed of every random choice (default: 42)
  -h, --help             show this help`;

/**
 * Parses `deno task report` flags. Flags taking several paths read until the next flag.
 *
 * @example
 * ```ts
 * import { parseReportArgs } from "./params.ts";
 * import assert from "node:assert/strict";
 * const p = parseReportArgs(["--results", "r", "--data", "a.jsonl", "b.jsonl", "--seed", "7"]);
 * assert.deepEqual(p, { results: "r", data: ["a.jsonl", "b.jsonl"], seed: 7 });
 * ```
 */
export function parseReportArgs(args: readonly string[]): Partial<ReportParams> & { help?: true } {
  const out: Partial<ReportParams> & { help?: true } = {};
  const takeMany = (i: number, flag: string): [string[], number] => {
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1].startsWith("--")) values.push(args[++i]);
    if (values.length === 0) throw new TypeError(`${flag} needs at least one path`);
    return [values, i];
  };
  const takeOne = (i: number, flag: string) => flagValue(args, i, flag);
  const int = flagInt;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case "--results":
        out.results = takeOne(i++, a);
        break;
      case "--out":
        out.out = takeOne(i++, a);
        break;
      case "--data":
        [out.data, i] = takeMany(i, a);
        break;
      case "--skip-bad-lines":
        out.skipBadLines = true;
        break;
      case "--human-eval":
        [out.humanEval, i] = takeMany(i, a);
        break;
      case "--human-eval-key":
        out.humanEvalKey = takeOne(i++, a);
        break;
      case "--resamples":
        out.resamples = int(takeOne(i++, a), a);
        break;
      case "--seed":
        out.seed = int(takeOne(i++, a), a);
        break;
      case "-h":
      case "--help":
        out.help = true;
        break;
      default:
        throw new TypeError(`Unknown option "${a}"`);
    }
  }
  return out;
}
