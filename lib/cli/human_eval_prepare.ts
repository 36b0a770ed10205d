/**
 * Prepares blind expert-evaluation sheets from result files.
 *
 *     deno run -A lib/cli/human_eval_prepare.ts --results DIR --runs a,b,c --n 50 --seed 42 --out DIR
 *
 * Writes `OUT/raters/eval_sheet.csv` (UTF-8 with BOM), `OUT/raters/eval_sheet.xlsx`,
 * `OUT/raters/instructions_ru.txt` (send the `raters/` folder) and `OUT/key.json` (keep it: it maps
 * each question's labels to runs, and is passed back with `deno task report --human-eval-key`).
 * @module
 */
import { flagInt, flagValue } from "./_flags.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { PREPARE_DEFAULTS, prepareHumanEval } from "../human_eval/prepare_human_eval.ts";
import { writeHumanEval } from "../human_eval/write_human_eval.ts";

/** Settings of the command, with their defaults. */
export interface HumanEvalPrepareArgs {
  /** Folder of result JSON files. Default: `data/results`. */
  results: string;
  /** Run ids (result file stems). Default: every run with per-sample records. */
  runs: string[] | null;
  /** Questions. Default: `50`. */
  n: number;
  /** Seed. Default: `42`. */
  seed: number;
  /** Output folder. Required. */
  out: string | null;
  /** Replace an existing key in `out`. Default: `false`. */
  force: boolean;
  help: boolean;
}

/** Usage text. */
export const HUMAN_EVAL_PREPARE_USAGE =
  `Usage: deno run -A lib/cli/human_eval_prepare.ts --out DIR [options]

Prepares blind expert-evaluation sheets: N questions answered by every chosen run, each
question's answers shuffled and labelled A, B, C...

Options:
  --results DIR   result JSON files (default: data/results/)
  --runs a,b,c    run ids (result file stems); default: every run with per-sample records
  --n N           number of questions (default: ${PREPARE_DEFAULTS.n})
  --seed N        seed of the question choice and the shuffles (default: ${PREPARE_DEFAULTS.seed})
  --out DIR       output folder: raters/ (send it) and key.json (keep it)
  --force         replace an existing key.json in DIR
  -h, --help      show this help`;

/**
 * Parses the command line; unknown options are errors.
 *
 * @example
 * ```ts
 * import { parseHumanEvalPrepareArgs } from "./human_eval_prepare.ts";
 * import assert from "node:assert/strict";
 * const a = parseHumanEvalPrepareArgs(["--runs", "x,y", "--n", "10", "--out", "o"]);
 * assert.deepEqual([a.runs, a.n, a.seed, a.out], [["x", "y"], 10, 42, "o"]);
 * assert.throws(() => parseHumanEvalPrepareArgs(["--questions", "5"]), /Unknown option "--questions"/);
 * ```
 */
export function parseHumanEvalPrepareArgs(args: readonly string[]): HumanEvalPrepareArgs {
  const out: HumanEvalPrepareArgs = {
    results: "data/results",
    runs: null,
    n: PREPARE_DEFAULTS.n,
    seed: PREPARE_DEFAULTS.seed,
    out: null,
    force: false,
    help: false,
  };
  const value = (i: number, flag: string) => flagValue(args, i, flag);
  const int = flagInt;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case "--results":
        out.results = value(i++, a);
        break;
      case "--runs":
        out.runs = value(i++, a).split(",").map((s) => s.trim()).filter((s) => s !== "");
        break;
      case "--n":
        out.n = int(value(i++, a), a);
        break;
      case "--seed":
        out.seed = int(value(i++, a), a);
        break;
      case "--out":
        out.out = value(i++, a);
        break;
      case "--force":
        out.force = true;
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

if (import.meta.main) {
  let args: HumanEvalPrepareArgs;
  try {
    args = parseHumanEvalPrepareArgs(Deno.args);
    if (!args.help && args.out === null) throw new TypeError("--out is required");
  } catch (error) {
    console.error(`human-eval-prepare: ${(error as Error).message}\n\n${HUMAN_EVAL_PREPARE_USAGE}`);
    Deno.exit(2);
  }
  if (args.help) {
    console.log(HUMAN_EVAL_PREPARE_USAGE);
    Deno.exit(0);
  }
  try {
    const results = await loadResults(fromRoot(args.results));
    const prepared = prepareHumanEval(results.runs, {
      runs: args.runs ?? undefined,
      n: args.n,
      seed: args.seed,
    });
    const written = await writeHumanEval(prepared, fromRoot(args.out!), { overwrite: args.force });
    console.error(
      `human-eval-prepare: ${prepared.questions.length} questions x ${prepared.labels.length} answers (${
        prepared.key.runs.join(", ")
      }), seed ${args.seed}\n` +
        `  for the raters: ${written.csv}, ${written.xlsx}, ${written.instructions}\n` +
        `  key (keep, do not send): ${written.key}`,
    );
  } catch (error) {
    console.error(`human-eval-prepare: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
