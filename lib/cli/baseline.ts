/**
 * `deno task baseline [--data DIR] [--out DIR] [--n N] [--seed S] [--retriever tfidf|bm25]`:
 * the CPU retrieval baseline. Each sampled validation question is answered with the training
 * answer of its most similar training question (TF-IDF, near-duplicates above cosine 0.95
 * excluded), and a schema-v1 result file is written.
 *
 * Defaults: `--data data/sample` (reads `train.jsonl` and `validation.jsonl` there),
 * `--out runs/baseline` (ignored by git), `--n 500`, `--seed 42` (the study's sample). Runs
 * `python/benchmark.py --system=retrieval` with the project environment's interpreter
 * (`projectPython(["retrieval"])`: `.venv/`, built on first use, or `$WORKBENCH_PYTHON`).
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { usageMessage } from "./usage_message.ts";
import { fromRoot } from "../io/paths.ts";
import { projectPython } from "../pyenv/project_python.ts";
import { PythonRunError, runPython } from "../bridge/run_python.ts";

/** Parsed command line of `deno task baseline`. */
export interface BaselineArgs {
  data: string;
  out: string;
  n: number;
  seed: number;
  retriever: "tfidf" | "bm25";
  /** `--help` / `-h` was given. */
  help?: true;
}

/** The defaults, in one place. */
export const BASELINE_DEFAULTS: Readonly<BaselineArgs> = {
  data: "data/sample",
  out: "runs/baseline",
  n: 500,
  seed: 42,
  retriever: "tfidf",
};

const USAGE =
  "Usage: deno task baseline [--data DIR] [--out DIR] [--n N] [--seed S] [--retriever tfidf|bm25]";

const HELP = `${USAGE}

The CPU retrieval baseline: for each sampled validation question, the answer of the most similar
training question (python/benchmark.py --system=retrieval, in the project's .venv/).

  --data DIR         folder with train.jsonl and validation.jsonl (default: ${BASELINE_DEFAULTS.data})
  --out DIR          where the schema-v1 result file goes (default: ${BASELINE_DEFAULTS.out})
  --n N              validation questions sampled (default: ${BASELINE_DEFAULTS.n}; fewer if the file has fewer)
  --seed S           seed of the sample (default: ${BASELINE_DEFAULTS.seed})
  --retriever NAME   tfidf or bm25 (default: ${BASELINE_DEFAULTS.retriever})

Then: deno task report --results ${BASELINE_DEFAULTS.out}`;

/**
 * Parses the command line (`node:util` `parseArgs`: `--key value` and `--key=value`); unknown
 * options and bad values throw.
 * @example
 * ```ts
 * import { parseBaselineArgs } from "./baseline.ts";
 * import assert from "node:assert/strict";
 * assert.equal(parseBaselineArgs(["--n", "20"]).n, 20);
 * ```
 */
export function parseBaselineArgs(argv: string[]): BaselineArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: "string" },
        out: { type: "string" },
        n: { type: "string" },
        seed: { type: "string" },
        retriever: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new TypeError(`${usageMessage(error as Error)}. ${USAGE}`);
  }
  const args: BaselineArgs = { ...BASELINE_DEFAULTS };
  if (values.help) args.help = true;
  if (values.data !== undefined) args.data = values.data;
  if (values.out !== undefined) args.out = values.out;
  for (const key of ["n", "seed"] as const) {
    const value = values[key];
    if (value === undefined) continue;
    if (!/^\d+$/.test(value)) {
      throw new RangeError(`--${key} must be a non-negative integer, got "${value}"`);
    }
    if (!Number.isSafeInteger(Number(value))) {
      throw new RangeError(`--${key} is too large to be represented exactly, got ${value}`);
    }
    args[key] = Number(value);
  }
  if (values.retriever !== undefined) {
    if (values.retriever !== "tfidf" && values.retriever !== "bm25") {
      throw new RangeError(`--retriever must be tfidf or bm25, got "${values.retriever}"`);
    }
    args.retriever = values.retriever;
  }
  return args;
}

/** The arguments passed to python/benchmark.py (run from the repository root; relative paths resolve there). */
export function benchmarkArgs(args: BaselineArgs): string[] {
  return [
    "--system=retrieval",
    `--train_file=${join(args.data, "train.jsonl")}`,
    `--val_file=${join(args.data, "validation.jsonl")}`,
    `--out=${args.out}`,
    `--n=${args.n}`,
    `--seed=${args.seed}`,
    `--retriever=${args.retriever}`,
  ];
}

if (import.meta.main) {
  let args: BaselineArgs;
  try {
    args = parseBaselineArgs(Deno.args);
  } catch (error) {
    console.error(`baseline: ${(error as Error).message}`);
    Deno.exit(2);
  }
  if (args.help) {
    console.log(HELP);
    Deno.exit(0);
  }
  try {
    for (const name of ["train.jsonl", "validation.jsonl"]) {
      const path = join(fromRoot(args.data), name);
      try {
        await Deno.stat(path);
      } catch {
        throw new Error(
          `Cannot run the baseline: "${path}" does not exist (--data must hold train.jsonl and validation.jsonl)`,
        );
      }
    }
    const python = await projectPython(["retrieval"]);
    await runPython("python/benchmark.py", benchmarkArgs(args), { python, output: "console" });
  } catch (error) {
    console.error(`baseline: ${(error as Error).message}`);
    Deno.exit(error instanceof PythonRunError && error.code ? error.code : 1);
  }
}
