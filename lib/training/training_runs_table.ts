/**
 * The sweep table: one row per training run with its best and final losses, steps, runtime,
 * memory and trainable parameters, followed by the settings that differ between the runs.
 * `deno task report --runs DIR` writes it as `tables/training_runs.csv`.
 * @module
 */
import {
  type RunSource,
  type RunValue,
  SETTING_NAMES,
  type TrainingRun,
  type TrainingSettings,
} from "./read_training_run.ts";
import { formatTable, markdownTable } from "../tables/format_table.ts";

/** The result columns, in order; the setting columns follow them. */
export const RESULT_COLUMNS = [
  "run",
  "producer",
  "best_eval_loss",
  "best_step",
  "best_epoch",
  "best_checkpoint",
  "final_eval_loss",
  "final_train_loss",
  "steps",
  "epochs",
  "stopped_early",
  "runtime_s",
  "peak_gpu_memory_gb",
  "trainable_params",
] as const;

/** One row of the sweep table. Setting columns are present only when they are shown. */
export interface TrainingRunRow extends Partial<TrainingSettings> {
  run: string;
  producer: TrainingRun["producer"];
  best_eval_loss: number | null;
  best_step: number | null;
  best_epoch: number | null;
  best_checkpoint: string | null;
  final_eval_loss: number | null;
  final_train_loss: number | null;
  steps: number | null;
  epochs: number | null;
  stopped_early: boolean | null;
  runtime_s: number | null;
  peak_gpu_memory_gb: number | null;
  trainable_params: number | null;
  [column: string]: RunValue | undefined;
}

/** Options for {@linkcode trainingRunsTable}. */
export interface TrainingRunsTableOptions {
  /**
   * Which setting columns: `"differing"`, those with at least two distinct values among the runs
   * (a value a run does not record, `null`, counts as one), or `"all"`. Default: `"differing"`.
   */
  settings?: "differing" | "all";
}

/** The table: its columns in order and its rows, sorted by run name. */
export interface TrainingRunsTable {
  columns: string[];
  /** The setting columns shown (a subset of `columns`). */
  settingColumns: (keyof TrainingSettings)[];
  rows: TrainingRunRow[];
}

/**
 * Builds the sweep table from runs read by {@linkcode readTrainingRuns}.
 *
 * @param runs At least one run.
 * @param options See {@linkcode TrainingRunsTableOptions}.
 * @throws {RangeError} when `runs` is empty or `settings` is unknown.
 * @example
 * ```ts
 * import { readTrainingRuns } from "./read_training_runs.ts";
 * import { trainingRunsTable } from "./training_runs_table.ts";
 * import assert from "node:assert/strict";
 * const runs = await readTrainingRuns(new URL("./fixtures/sweep", import.meta.url).pathname);
 * const table = trainingRunsTable(runs.filter((r) => r.producer === "train.py"));
 * assert.deepEqual(table.rows.map((r) => [r.run, r.best_step, r.r]), [["all-r8-es", 3, 8], ["attn-r4", 8, 4]]);
 * assert.ok(table.settingColumns.includes("learning_rate") && !table.settingColumns.includes("seed"));
 * ```
 */
export function trainingRunsTable(
  runs: readonly TrainingRun[],
  options: TrainingRunsTableOptions = {},
): TrainingRunsTable {
  const { settings = "differing" } = options;
  if (settings !== "differing" && settings !== "all") {
    throw new RangeError(`settings must be "differing" or "all", got "${settings as string}"`);
  }
  if (runs.length === 0) throw new RangeError("Cannot build the training-runs table: no runs");
  const sorted = [...runs].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const settingColumns = SETTING_NAMES.filter((name) =>
    settings === "all" || new Set(sorted.map((r) => JSON.stringify(r.settings[name]))).size > 1
  );
  const rows = sorted.map((r): TrainingRunRow => {
    const row: TrainingRunRow = {
      run: r.name,
      producer: r.producer,
      best_eval_loss: r.best?.evalLoss ?? null,
      best_step: r.best?.step ?? null,
      best_epoch: r.best?.epoch ?? null,
      best_checkpoint: r.best?.checkpoint ?? null,
      final_eval_loss: r.finalEvalLoss,
      final_train_loss: r.finalTrainLoss,
      steps: r.steps,
      epochs: r.epochs,
      stopped_early: r.stoppedEarly,
      runtime_s: r.runtimeS,
      peak_gpu_memory_gb: r.peakGpuMemoryGb,
      trainable_params: r.trainableParams,
    };
    for (const name of settingColumns) (row as Record<string, RunValue>)[name] = r.settings[name];
    return row;
  });
  return { columns: [...RESULT_COLUMNS, ...settingColumns], settingColumns, rows };
}

/** Every file the runs were read from, once each, sorted by path (a report table's sources). */
export function trainingRunSources(runs: readonly TrainingRun[]): RunSource[] {
  const seen = new Map<string, string>();
  for (const r of runs) for (const s of r.sources) seen.set(s.path, s.sha256);
  return [...seen].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([path, sha256]) => ({
    path,
    sha256,
  }));
}

/**
 * The table as Markdown (losses to 4 decimals), displayed by a Deno Jupyter cell when it is the
 * cell's value.
 *
 * @example
 * ```ts
 * import { readTrainingRuns } from "./read_training_runs.ts";
 * import { trainingRunsDisplay, trainingRunsTable } from "./training_runs_table.ts";
 * import assert from "node:assert/strict";
 * const runs = await readTrainingRuns(new URL("./fixtures/sweep/attn-r4", import.meta.url).pathname);
 * const shown = trainingRunsDisplay(trainingRunsTable(runs));
 * assert.match(shown.markdown, /\| attn-r4 \| train\.py \| 5\.9790 \| 8 \|/);
 * ```
 */
export function trainingRunsDisplay(
  table: TrainingRunsTable,
): { markdown: string; [key: symbol]: () => Record<string, string> } {
  const cells = table.rows.map((r) => table.columns.map((c) => r[c]));
  const markdown = markdownTable(formatTable(table.columns, cells, { digits: 4 }));
  return { markdown, [Symbol.for("Jupyter.display")]: () => ({ "text/markdown": markdown }) };
}
