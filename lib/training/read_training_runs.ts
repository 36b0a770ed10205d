/**
 * Finds and reads every training run folder under a directory: `python/train.py` run folders and
 * Hugging Face `output_dir`s (transformers Trainer, TRL, Unsloth), at any depth up to a limit.
 * @module
 */
import { basename, join, relative } from "node:path";
import { readTrainingRun, runLayout, type TrainingRun } from "./read_training_run.ts";
import { fromRoot } from "../io/paths.ts";

/** Options for {@linkcode readTrainingRuns}. */
export interface ReadTrainingRunsOptions {
  /** How many folder levels below `dir` are searched for runs. Default: `4`. */
  maxDepth?: number;
}

/**
 * Reads every run folder under `dir`, sorted by name. A folder is a run when it holds
 * `train_log.jsonl` or `summary.json` (python/train.py), or `trainer_state.json` or
 * `checkpoint-N/trainer_state.json` (a Hugging Face output_dir); a run's own subfolders are not
 * searched further. Hidden folders (`.name`) and `node_modules` are skipped. A run is named by
 * its path under `dir` (`sweep/r16`, `unsloth-qwen3/outputs`); `dir` itself, when it is a run,
 * by its folder name.
 *
 * @param dir The directory to search (or one run folder).
 * @param options See {@linkcode ReadTrainingRunsOptions}.
 * @throws {Error} when `dir` does not exist or holds no run folder.
 * @example
 * ```ts
 * import { readTrainingRuns } from "./read_training_runs.ts";
 * import assert from "node:assert/strict";
 * const runs = await readTrainingRuns(new URL("./fixtures/sweep", import.meta.url).pathname);
 * assert.deepEqual(runs.map((r) => r.name), [
 *   "all-r8-es", "attn-r4", "trainer-attn-gate", "trl-sft-r8", "unsloth-qwen3/outputs",
 * ]);
 * ```
 */
export async function readTrainingRuns(
  dir: string,
  options: ReadTrainingRunsOptions = {},
): Promise<TrainingRun[]> {
  dir = fromRoot(dir); // relative paths: to the repository root
  const { maxDepth = 4 } = options;
  const info = await Deno.stat(dir).catch(() => null);
  if (!info?.isDirectory) {
    throw new Error(`Cannot read training runs "${dir}": it is not a directory`);
  }
  const folders: string[] = [];
  async function visit(folder: string, depth: number): Promise<void> {
    if (await runLayout(folder)) {
      folders.push(folder);
      return;
    }
    if (depth >= maxDepth) return;
    const entries = await Array.fromAsync(Deno.readDir(folder));
    for (const e of entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
      if (e.isDirectory && !e.name.startsWith(".") && e.name !== "node_modules") {
        await visit(join(folder, e.name), depth + 1);
      }
    }
  }
  await visit(dir, 0);
  if (folders.length === 0) {
    throw new Error(
      `Cannot read training runs "${dir}": no run folder within ${maxDepth} levels (expected train_log.jsonl or summary.json from python/train.py, or checkpoint-N/trainer_state.json from a Hugging Face trainer)`,
    );
  }
  const runs = await Promise.all(
    folders.map((f) =>
      readTrainingRun(f, { name: relative(dir, f).split("\\").join("/") || basename(f) })
    ),
  );
  return runs.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
