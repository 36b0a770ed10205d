/**
 * Every report parameter, declared once: its kind (and so its type and range), default and
 * meaning. The `ReportParams` type, the defaults, the checks of `resolveParams`, the options of
 * `deno task report` and its usage text, the command line at the top of `report.md`, the options
 * table in `docs/report-options.md` and the check of each notebook's parameters cell all derive
 * from {@linkcode REPORT_PARAMS}. Adding a parameter is one entry here (and its use).
 * @module
 */
import { MAX_SEED } from "../stats/rng.ts";
import {
  booleanParam,
  integerParam,
  optionalPathParam,
  type ParamSpec,
  type ParamValue,
  pathListParam,
  pathParam,
} from "./param_kinds.ts";

/** The report parameters, in the order of the usage text and the options table. */
export const REPORT_PARAMS = {
  results: pathParam({
    default: "data/results",
    meta: "DIR",
    doc: "Result JSON files (the study's legacy files or schema v1) and an optional `runs.json`",
  }),
  out: pathParam({
    default: "figures",
    meta: "DIR",
    content: false,
    doc:
      "Output folder, replaced as a whole when the run succeeds (only if a report wrote all of it); opened by hand, a notebook writes to `runs/interactive/<notebook>/`",
  }),
  data: pathListParam({
    default: ["data/dataset/validation_subset.jsonl"],
    doc: "Alpaca JSONL files, or folders with `train.jsonl`/`validation.jsonl`",
  }),
  skipBadLines: booleanParam({
    default: false,
    doc: "Count and skip malformed dataset lines instead of stopping",
  }),
  humanEval: pathListParam({
    default: ["data/human_eval/eval_sheet_filled.csv"],
    doc:
      "Filled expert-evaluation sheets (CSV or XLSX, comma- or semicolon-separated), one per rater",
  }),
  humanEvalKey: optionalPathParam({
    default: null,
    meta: "FILE",
    doc: "Key mapping sheet labels to runs; without it, results are per label",
  }),
  judgments: pathListParam({
    default: [],
    doc: "LLM-judge judgement folders (or files) written by `deno task judge --out`",
  }),
  published: optionalPathParam({
    default: "data/published",
    meta: "DIR",
    doc: "The study's published table as summary files, compared with the recomputed values",
  }),
  plan: pathParam({
    default: "data/analysis_plan.json",
    meta: "FILE",
    doc:
      "The analysis plan: which pairs of runs the paired section compares and which tests form the primary family (docs/families.md)",
  }),
  runs: optionalPathParam({
    default: null,
    meta: "DIR",
    doc:
      "Training run folders (`python/train.py` runs, Trainer/TRL/Unsloth checkpoints) for the sweep table of `70_training_runs`",
  }),
  resamples: integerParam({
    default: 10_000,
    min: 100,
    max: 1_000_000,
    doc:
      "Bootstrap resamples, and as many sign flips (the precision of intervals and p-values only)",
  }),
  seed: integerParam({
    default: 42,
    min: 0,
    max: MAX_SEED,
    doc: "Seed of every random choice (the random generator keeps 32 bits of it)",
  }),
  cache: booleanParam({
    default: true,
    content: false,
    doc:
      "Read and write the caches: scored results (`.cache/scored/`), PNG and PDF figures (`.cache/figures/`)",
    off:
      "Score every result file and render every figure afresh; read and write nothing in `.cache/`",
  }),
  sectionsDir: optionalPathParam({
    default: null,
    cli: false,
    content: false,
    doc: "Where notebooks write their report sections; set by the report runner",
  }),
} as const;

/** The name of a report parameter. */
export type ReportParamName = keyof typeof REPORT_PARAMS;

/**
 * Parameters of one report run, of the types {@linkcode REPORT_PARAMS} declares (see there what
 * each means). Paths are absolute once resolved.
 */
export type ReportParams = {
  -readonly [K in ReportParamName]: ParamValue<(typeof REPORT_PARAMS)[K]>;
};

/** Every parameter's declaration, in declaration order. */
export const REPORT_PARAM_ENTRIES: readonly [ReportParamName, ParamSpec<unknown>][] = Object
  .entries(REPORT_PARAMS) as [ReportParamName, ParamSpec<unknown>][];

/** Defaults, with paths relative to the repository root. */
export const REPORT_DEFAULTS: Readonly<ReportParams> = Object.freeze(
  Object.fromEntries(REPORT_PARAM_ENTRIES.map(([k, s]) => [k, s.default])) as ReportParams,
);

/**
 * Options of `deno task report` that belong to the run, not to the notebooks (see `runReport`).
 */
export const REPORT_RUN_OPTIONS = {
  overwriteEdits: booleanParam({
    default: false,
    content: false,
    doc:
      "Replace report files edited by hand since the report wrote them (without it: refuse, naming them)",
  }),
} as const;
