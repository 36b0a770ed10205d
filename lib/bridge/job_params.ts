/**
 * Parameters of the notebooks that start training and generation runs (`80_training`,
 * `90_benchmark`). Like the report's parameters they come in one environment variable
 * (`WORKBENCH_JOB`, JSON); opened interactively (no variable set) a notebook gets the study's
 * defaults. `device: "cpu"` with a small local model runs the same cells end to end without a GPU
 * (the notebooks' CI test does this with a tiny Qwen3); `"cuda"` refuses to start on a machine
 * without one.
 * @module
 */
import { fromRoot } from "../io/paths.ts";

/** The Qwen3 sizes the study trained, as in `python/configs/qwen3_{size}.json`. */
export type Size = "4b" | "8b" | "14b";

/** Parameters of the training and benchmark notebooks. Paths are absolute once resolved. */
export interface JobParams {
  /** `"cuda"` (a GPU is required) or `"cpu"` (a small local model, for smoke runs). Default: `"cuda"`. */
  device: "cuda" | "cpu";
  /** Sizes to train and benchmark. Default: `["4b", "8b", "14b"]` (training: the first). */
  sizes: Size[];
  /** Model id or local folder per size. Default: `Qwen/Qwen3-4B`, `Qwen/Qwen3-8B`, `Qwen/Qwen3-14B`. */
  models: Record<Size, string>;
  /** Folder with `train.jsonl` and `validation.jsonl`. Default: `data/sample`. */
  data: string;
  /** Training run folders (`{runs}/qwen3-{size}-lora/`). Default: `runs`. */
  runs: string;
  /** Result files of the generation runs. Default: `runs/results` (ignored by git). */
  results: string;
  /** Result file of the CPU retrieval baseline. Default: `runs/baseline`. */
  baseline: string;
  /** Questions per generation run. Default: `500` (the study's sample). */
  n: number;
  /** Questions per RAG run. Default: `200` (the study's RAG ablation). */
  ragN: number;
  /** RAG depths. Default: `[1, 3, 5]`. */
  ragTopK: number[];
  /** Sampling seed. Default: `42`. */
  seed: number;
  /** Extra `--key=value` settings for `python/train.py`. Default: none. */
  trainArgs: string[];
  /** Extra `--key=value` settings for every `python/benchmark.py` run. Default: none. */
  benchmarkArgs: string[];
}

/** The environment variable that carries the parameters into the notebooks. */
export const JOB_ENV = "WORKBENCH_JOB";

/** Defaults, with paths relative to the repository root. */
export const JOB_DEFAULTS: Readonly<JobParams> = Object.freeze({
  device: "cuda",
  sizes: ["4b", "8b", "14b"],
  models: { "4b": "Qwen/Qwen3-4B", "8b": "Qwen/Qwen3-8B", "14b": "Qwen/Qwen3-14B" },
  data: "data/sample",
  runs: "runs",
  results: "runs/results",
  baseline: "runs/baseline",
  n: 500,
  ragN: 200,
  ragTopK: [1, 3, 5],
  seed: 42,
  trainArgs: [],
  benchmarkArgs: [],
}) as Readonly<JobParams>;

/** Parameter counts in billions, as the result files record them (`--size_b`). */
export const SIZE_B: Readonly<Record<Size, number>> = Object.freeze({
  "4b": 4,
  "8b": 8.2,
  "14b": 14.8,
});

const SIZES: Size[] = ["4b", "8b", "14b"];

function fail(where: string, key: string, expected: string, got: unknown): never {
  throw new TypeError(
    `Invalid ${where}: ${key} must be ${expected}, got ${JSON.stringify(got)}`,
  );
}

/**
 * Validates a partial parameter object, fills defaults and resolves paths against the
 * repository root. Unknown keys and wrong types are errors that name the key.
 *
 * @example
 * ```ts
 * import { resolveJobParams } from "./job_params.ts";
 * import assert from "node:assert/strict";
 * const p = resolveJobParams({ device: "cpu", sizes: ["4b"], n: 4 });
 * assert.equal(p.models["4b"], "Qwen/Qwen3-4B");
 * assert.ok(p.runs.endsWith("/runs"));
 * assert.throws(() => resolveJobParams({ size: ["4b"] } as never), /Unknown job parameter "size"/);
 * ```
 */
export function resolveJobParams(partial: Partial<JobParams>, where = "job parameters"): JobParams {
  if (typeof partial !== "object" || partial === null || Array.isArray(partial)) {
    throw new TypeError(`Invalid ${where}: expected an object`);
  }
  for (const key of Object.keys(partial)) {
    if (!(key in JOB_DEFAULTS)) {
      throw new TypeError(
        `Unknown job parameter "${key}" in ${where}; known: ${
          Object.keys(JOB_DEFAULTS).join(", ")
        }`,
      );
    }
  }
  const p = {
    ...JOB_DEFAULTS,
    ...partial,
    models: { ...JOB_DEFAULTS.models, ...(partial.models ?? {}) },
  } as JobParams;
  if (p.device !== "cuda" && p.device !== "cpu") fail(where, "device", '"cuda" or "cpu"', p.device);
  if (!Array.isArray(p.sizes) || !p.sizes.length || p.sizes.some((s) => !SIZES.includes(s))) {
    fail(where, "sizes", `a non-empty list of ${SIZES.join(", ")}`, p.sizes);
  }
  for (const size of SIZES) {
    if (typeof p.models[size] !== "string" || !p.models[size]) {
      fail(where, `models.${size}`, "a model id or folder", p.models[size]);
    }
  }
  for (const key of ["n", "ragN", "seed"] as const) {
    if (!Number.isInteger(p[key]) || p[key] < 0) fail(where, key, "a non-negative integer", p[key]);
  }
  if (!Array.isArray(p.ragTopK) || p.ragTopK.some((k) => !Number.isInteger(k) || k < 1)) {
    fail(where, "ragTopK", "a list of positive integers", p.ragTopK);
  }
  for (const key of ["trainArgs", "benchmarkArgs"] as const) {
    if (
      !Array.isArray(p[key]) || p[key].some((a) => typeof a !== "string" || !a.startsWith("--"))
    ) {
      fail(where, key, 'a list of "--key=value" strings', p[key]);
    }
  }
  for (const key of ["data", "runs", "results", "baseline"] as const) {
    if (typeof p[key] !== "string" || !p[key]) fail(where, key, "a path", p[key]);
    p[key] = fromRoot(p[key]);
  }
  return p;
}

/**
 * The notebook's parameters: the defaults, then the notebook's `parameters` cell, then
 * `$WORKBENCH_JOB` (JSON) when set. Paths are relative to the repository root.
 *
 * @param cell The notebook's parameters cell. Default: none.
 * @throws {TypeError} naming the variable or the cell and what is wrong with it.
 */
export function jobParams(cell: Partial<JobParams> = {}): JobParams {
  const text = Deno.env.get(JOB_ENV);
  if (!text) return resolveJobParams(cell, "the parameters cell");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`${JOB_ENV} is not valid JSON: ${(error as Error).message}`);
  }
  const env = parsed as Partial<JobParams>;
  return resolveJobParams(
    { ...cell, ...env, models: { ...JOB_DEFAULTS.models, ...cell.models, ...env.models } },
    `$${JOB_ENV}`,
  );
}
