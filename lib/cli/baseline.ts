/**
 * `deno task baseline [--data DIR] [--out DIR] [--n N] [--seed S] [--retriever tfidf|bm25]`:
 * the CPU retrieval baseline. Each sampled validation question is answered with the training
 * answer of its most similar training question (TF-IDF, near-duplicates above cosine 0.95
 * excluded), and a schema-v1 result file is written.
 *
 * Defaults: `--data data/sample` (reads `train.jsonl` and `validation.jsonl` there),
 * `--out data/baseline`, `--n 500`, `--seed 42` (the study's sample). Runs
 * `python/benchmark.py --system=retrieval` with the first interpreter that imports scikit-learn
 * (`$WORKBENCH_PYTHON`, python3, /usr/bin/python3).
 * @module
 */
import { join } from "node:path";
import { fromRoot } from "../paths.ts";
import { pickPython } from "../bridge/pick_python.ts";
import { PythonRunError, runPython } from "../bridge/run_python.ts";

/** Parsed command line of `deno task baseline`. */
export interface BaselineArgs {
  data: string;
  out: string;
  n: number;
  seed: number;
  retriever: "tfidf" | "bm25";
}

/** The defaults, in one place. */
export const BASELINE_DEFAULTS: Readonly<BaselineArgs> = {
  data: "data/sample",
  out: "data/baseline",
  n: 500,
  seed: 42,
  retriever: "tfidf",
};

const USAGE =
  "Usage: deno task baseline [--data DIR] [--out DIR] [--n N] [--seed S] [--retriever tfidf|bm25]";

/**
 * Parses `--key value` / `--key=value` arguments; unknown keys and bad values throw.
 * @example
 * ```ts
 * import { parseBaselineArgs } from "./baseline.ts";
 * import assert from "node:assert/strict";
 * assert.equal(parseBaselineArgs(["--n", "20"]).n, 20);
 * ```
 */
export function parseBaselineArgs(argv: string[]): BaselineArgs {
  const args: BaselineArgs = { ...BASELINE_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (!raw.startsWith("--")) throw new TypeError(`Unexpected argument "${raw}". ${USAGE}`);
    let [key, value] = raw.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new TypeError(`--${key} needs a value. ${USAGE}`);
    }
    switch (key) {
      case "data":
      case "out":
        args[key] = value;
        break;
      case "n":
      case "seed": {
        const number = Number(value);
        if (!Number.isInteger(number) || number < 0) {
          throw new RangeError(`--${key} must be a non-negative integer, got "${value}"`);
        }
        args[key] = number;
        break;
      }
      case "retriever":
        if (value !== "tfidf" && value !== "bm25") {
          throw new RangeError(`--retriever must be tfidf or bm25, got "${value}"`);
        }
        args.retriever = value;
        break;
      default:
        throw new TypeError(`Unknown option --${key}. ${USAGE}`);
    }
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
  try {
    const args = parseBaselineArgs(Deno.args);
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
    const python = await pickPython(["sklearn"]);
    await runPython("python/benchmark.py", benchmarkArgs(args), { python, output: "console" });
  } catch (error) {
    console.error(`baseline: ${(error as Error).message}`);
    Deno.exit(error instanceof PythonRunError && error.code ? error.code : 1);
  }
}
