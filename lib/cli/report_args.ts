/**
 * The command line of `deno task report`, parsed with `node:util` `parseArgs`. Options that take
 * several paths (`--data`, `--human-eval`, `--judgments`) read every value up to the next option.
 * @module
 */
import { optionList, seedValue } from "./option_list.ts";
import type { ReportParams } from "../report/params.ts";

/** Usage text of `deno task report`. */
export const REPORT_USAGE = `Usage: deno task report [options]

Runs the analysis notebooks headless and writes figures, tables and report.md.

Options:
  --results DIR          result JSON files (default: data/results, the study's files)
  --out DIR              output folder (default: figures/)
  --data PATH...         Alpaca JSONL files, or folders with train.jsonl/validation.jsonl
                         (default: data/dataset/validation_subset.jsonl)
  --skip-bad-lines       count and skip malformed dataset lines instead of stopping
  --human-eval PATH...   filled expert-evaluation sheets, CSV or XLSX
                         (default: data/human_eval/eval_sheet_filled.csv; "none": no sheets)
  --human-eval-key FILE  key mapping sheet labels to runs
  --judgments PATH...    LLM-judge judgement folders from deno task judge (default: none)
  --published DIR        the study's published table as summary files, compared with the
                         recomputed values (default: data/published; "none": no comparison)
  --runs DIR             training run folders (python/train.py runs, Trainer/TRL/Unsloth
                         checkpoints) for the sweep table (default: none)
  --resamples N          bootstrap resamples (default: 10000)
  --seed N               seed of every random choice (default: 42)
  --no-cache             score every result file afresh (do not read or write .cache/scored/)
  --overwrite-edits      replace report files edited by hand since the report wrote them
                         (default: refuse, naming the edited files)
  -h, --help             show this help`;

/** The options that take several values. */
const LISTS = ["data", "human-eval", "judgments"];

function int(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) {
    throw new TypeError(`--${flag} needs a non-negative integer, got "${value}"`);
  }
  if (!Number.isSafeInteger(Number(value))) {
    throw new RangeError(`--${flag} is too large to be represented exactly, got ${value}`);
  }
  return Number(value);
}

/** What {@linkcode parseReportArgs} returns: report parameters, and options of the run itself. */
export type ReportArgs = Partial<ReportParams> & {
  /** `--help` was given. */
  help?: true;
  /** `--overwrite-edits`: replace report files edited by hand (see `runReport`). */
  overwriteEdits?: true;
};

/**
 * Parses `deno task report` options into partial report parameters.
 *
 * @example
 * ```ts
 * import { parseReportArgs } from "./report_args.ts";
 * import assert from "node:assert/strict";
 * const p = parseReportArgs(["--results", "r", "--data", "a.jsonl", "b.jsonl", "--seed", "7", "--no-cache"]);
 * assert.deepEqual(p, { results: "r", data: ["a.jsonl", "b.jsonl"], seed: 7, cache: false });
 * ```
 */
export function parseReportArgs(args: readonly string[]): ReportArgs {
  const options = {
    results: { type: "string" },
    out: { type: "string" },
    data: { type: "string" },
    "skip-bad-lines": { type: "boolean" },
    "human-eval": { type: "string" },
    "human-eval-key": { type: "string" },
    judgments: { type: "string" },
    published: { type: "string" },
    runs: { type: "string" },
    resamples: { type: "string" },
    seed: { type: "string" },
    "no-cache": { type: "boolean" },
    "overwrite-edits": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } as const;
  const out: ReportArgs = {};
  for (const { name, values } of optionList(args, options, LISTS)) {
    const v = values[0];
    switch (name) {
      case "results":
        out.results = v;
        break;
      case "out":
        out.out = v;
        break;
      case "data":
        out.data = values;
        break;
      case "human-eval":
        out.humanEval = values;
        break;
      case "judgments":
        out.judgments = values;
        break;
      case "skip-bad-lines":
        out.skipBadLines = true;
        break;
      case "human-eval-key":
        out.humanEvalKey = v;
        break;
      case "published":
        out.published = v === "none" ? null : v;
        break;
      case "runs":
        out.runs = v;
        break;
      case "resamples":
        out.resamples = int(v, "resamples");
        break;
      case "seed":
        out.seed = seedValue(v, "seed");
        break;
      case "no-cache":
        out.cache = false;
        break;
      case "overwrite-edits":
        out.overwriteEdits = true;
        break;
      case "help":
        out.help = true;
        break;
    }
  }
  if (out.humanEval?.length === 1 && out.humanEval[0] === "none") out.humanEval = [];
  return out;
}
