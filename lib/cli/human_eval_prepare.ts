/**
 * Prepares blind expert-evaluation sheets from result files.
 *
 *     deno task human-eval-prepare --results DIR --runs a,b,c --n 50 --out DIR
 *
 * Writes `OUT/raters/eval_sheet.csv` (UTF-8 with BOM), `OUT/raters/eval_sheet.xlsx`,
 * `OUT/raters/instructions_ru.txt` (send the `raters/` folder) and `OUT/key.json` (keep it: it maps
 * each question's labels to runs, and is passed back with `deno task report --human-eval-key`).
 * Reasoning traces are removed from the answers (the key records each removal); the seed is drawn
 * at random and written to the key only, unless `--seed N` asks for a reproducible preparation;
 * cues that may still tell runs apart (length, language, cut answers) are printed as warnings and
 * kept in the key.
 * @module
 */
import { parseArgs } from "node:util";
import { usageMessage } from "./usage_message.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { PREPARE_DEFAULTS, prepareHumanEval } from "../human_eval/prepare_human_eval.ts";
import { writeHumanEval } from "../human_eval/write_human_eval.ts";
import { seedValue } from "./option_list.ts";

/** Settings of the command, with their defaults. */
export interface HumanEvalPrepareArgs {
  /** Folder of result JSON files. Default: `data/results`. */
  results: string;
  /** Run ids (result file stems). Default: every run with per-sample records. */
  runs: string[] | null;
  /** Questions. Default: `50`. */
  n: number;
  /** Seed. Default: `null`: drawn at random and written to the key only. */
  seed: number | null;
  /** Keep reasoning traces in the answers. Default: `false` (they are removed). */
  keepTraces: boolean;
  /** Output folder. Required. */
  out: string | null;
  /** Replace existing sheets and key in `out`. Default: `false` (refused, naming the files). */
  force: boolean;
  help: boolean;
}

/** Usage text. */
export const HUMAN_EVAL_PREPARE_USAGE = `Usage: deno task human-eval-prepare --out DIR [options]

Prepares blind expert-evaluation sheets: N questions answered by every chosen run, each
question's answers shuffled and labelled A, B, C...; reasoning traces are removed from the
answers, and cues that may still tell runs apart are reported.

Options:
  --results DIR   result JSON files (default: data/results/)
  --runs a,b,c    run ids (result file stems); default: every run with per-sample records
  --n N           number of questions (default: ${PREPARE_DEFAULTS.n})
  --seed N        seed of the question choice and the shuffles, for a reproducible preparation
                  (default: drawn at random and written to key.json only)
  --keep-traces   leave reasoning traces ("Okay, let's tackle...", <think>) in the answers
  --out DIR       output folder: raters/ (send it) and key.json (keep it)
  --force         replace existing sheets, instructions and key.json in DIR (default: refuse,
                  naming them: a sheet there may be filled)
  -h, --help      show this help`;

function nonNegativeInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new TypeError(`${flag} needs a non-negative integer, got "${v}"`);
  return Number(v);
}

/**
 * Parses the command line (`node:util` `parseArgs`, strict: unknown options and stray arguments
 * are errors).
 *
 * @example
 * ```ts
 * import { parseHumanEvalPrepareArgs } from "./human_eval_prepare.ts";
 * import assert from "node:assert/strict";
 * const a = parseHumanEvalPrepareArgs(["--runs", "x,y", "--n", "10", "--out", "оценка 1"]);
 * assert.deepEqual([a.runs, a.n, a.seed, a.out], [["x", "y"], 10, null, "оценка 1"]);
 * assert.equal(parseHumanEvalPrepareArgs(["--seed=7", "--out", "o"]).seed, 7);
 * assert.throws(() => parseHumanEvalPrepareArgs(["--questions", "5"]), /Unknown option "--questions"/);
 * ```
 */
export function parseHumanEvalPrepareArgs(args: readonly string[]): HumanEvalPrepareArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        results: { type: "string", default: "data/results" },
        runs: { type: "string" },
        n: { type: "string" },
        seed: { type: "string" },
        "keep-traces": { type: "boolean", default: false },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new TypeError(usageMessage(error as Error));
  }
  const v = parsed.values;
  return {
    results: v.results,
    runs: v.runs === undefined
      ? null
      : v.runs.split(",").map((s) => s.trim()).filter((s) => s !== ""),
    n: nonNegativeInt(v.n, "--n") ?? PREPARE_DEFAULTS.n,
    seed: v.seed === undefined ? null : seedValue(v.seed, "seed"),
    keepTraces: v["keep-traces"],
    out: v.out ?? null,
    force: v.force,
    help: v.help,
  };
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
      seed: args.seed ?? undefined,
      stripTraces: !args.keepTraces,
    });
    const written = await writeHumanEval(prepared, fromRoot(args.out!), { overwrite: args.force });
    const stripped = prepared.key.items.filter((it) => it.trace_removed).length;
    console.error(
      `human-eval-prepare: ${prepared.questions.length} questions x ${prepared.labels.length} answers (${
        prepared.key.runs.join(", ")
      }), ${
        args.seed === null
          ? "seed drawn at random (written to the key only)"
          : `seed ${args.seed} (given: anyone with the result files can rebuild the key)`
      }\n` +
        `  reasoning traces removed from ${stripped} of ${prepared.key.items.length} answers` +
        (args.keepTraces ? " (--keep-traces: none removed)" : "") + "\n" +
        prepared.warnings.map((w) => `  warning: ${w}\n`).join("") +
        `  for the raters: ${written.csv}, ${written.xlsx}, ${written.instructions}\n` +
        `  key (keep, do not send): ${written.key}`,
    );
  } catch (error) {
    console.error(`human-eval-prepare: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
