/**
 * Reads one training run folder into what a sweep table compares: best and final losses, steps,
 * runtime, memory, trainable parameters and the run's settings. Two layouts are understood:
 *
 * - a `python/train.py` run folder: `config.json`, `train_log.jsonl`, `summary.json`,
 *   `checkpoints/checkpoint-N/`, `adapter/`;
 * - a Hugging Face `output_dir` written by the transformers Trainer, TRL's SFTTrainer or Unsloth:
 *   `checkpoint-N/trainer_state.json` (`log_history`), `checkpoint-N/adapter_config.json`, and
 *   after `save_model()`/`save_state()` the same files at the top.
 * @module
 */
import { basename, join, relative } from "node:path";
import { sha256File } from "../io/sha256.ts";
import {
  parseJsonlLog,
  parseTrainerState,
  type TrainingCurve,
  type TrainingPoint,
} from "./read_training_curve.ts";
import { safetensorsParameterCount } from "./_safetensors_header.ts";
import { fromRoot } from "../io/paths.ts";

/**
 * What wrote a run. `trl` and `unsloth` are inferred from traces they leave (TRL logs
 * `mean_token_accuracy`/`num_tokens` and tags its model card `trl`; Unsloth adapters name an
 * `unsloth/` base model or carry an `unsloth` tag); anything else with a trainer state is
 * `transformers`.
 */
export type RunProducer = "train.py" | "transformers" | "trl" | "unsloth";

/** A value of a setting or result column. */
export type RunValue = string | number | boolean | null;

/**
 * The settings a sweep varies, where the run records them (`null` where it does not: a Trainer
 * folder keeps its TrainingArguments only in the binary `training_args.bin`).
 */
export interface TrainingSettings {
  /** Base model id or folder (`model_name`, or the adapter's `base_model_name_or_path`). */
  base_model: string | null;
  r: number | null;
  lora_alpha: number | null;
  lora_dropout: number | null;
  /** Target module names, sorted and joined with `,` (a preset is shown as its modules). */
  target_modules: string | null;
  learning_rate: number | null;
  lr_scheduler: string | null;
  /** Per-device batch size. */
  batch_size: number | null;
  grad_accum: number | null;
  /** Optimizer steps the run was set up for (the trainer state's `max_steps`). */
  planned_steps: number | null;
  /** Training file, with `(first N)` when `max_train_samples` cut it. */
  data: string | null;
  /** A first-stage adapter merged into the base before this run (`merge_adapter`). */
  first_stage: string | null;
  early_stopping_patience: number | null;
  seed: number | null;
}

/** The setting names, in table order. */
export const SETTING_NAMES: readonly (keyof TrainingSettings)[] = [
  "base_model",
  "r",
  "lora_alpha",
  "lora_dropout",
  "target_modules",
  "learning_rate",
  "lr_scheduler",
  "batch_size",
  "grad_accum",
  "planned_steps",
  "data",
  "first_stage",
  "early_stopping_patience",
  "seed",
];

/** The evaluation with the lowest eval loss (the earliest of equal ones). */
export interface BestEval {
  evalLoss: number;
  step: number;
  epoch: number | null;
  /** The checkpoint folder of that step, relative to the run folder, when it was kept. */
  checkpoint: string | null;
}

/** A file a run was read from. */
export interface RunSource {
  path: string;
  sha256: string;
}

/** One run. */
export interface TrainingRun {
  /** Display name: the folder's path under the swept directory, or its name. */
  name: string;
  /** The run folder as given. */
  folder: string;
  producer: RunProducer;
  /** Every logged point (training and evaluation), named like the run. */
  curve: TrainingCurve;
  /** `null` when the run logged no eval loss. */
  best: BestEval | null;
  /** Eval loss of the last evaluation in the log. */
  finalEvalLoss: number | null;
  /** The last logged training loss (not the Trainer's mean over the run). */
  finalTrainLoss: number | null;
  /** Optimizer steps done. */
  steps: number | null;
  epochs: number | null;
  /** Training wall time in seconds, where recorded (summary.json, or the final trainer state). */
  runtimeS: number | null;
  /** Peak GPU memory in GB, where recorded (python/train.py's summary.json). */
  peakGpuMemoryGb: number | null;
  /** Trainable parameters: summary.json, else counted from the adapter's safetensors header. */
  trainableParams: number | null;
  /** Whether early stopping ended the run; `null` when no early stopping was set up or known. */
  stoppedEarly: boolean | null;
  settings: TrainingSettings;
  /** Files read, with their SHA-256. */
  sources: RunSource[];
}

/** Options for {@linkcode readTrainingRun}. */
export interface ReadTrainingRunOptions {
  /** Display name. Default: the folder's name. */
  name?: string;
}

type Json = Record<string, unknown>;

async function isFile(path: string): Promise<boolean> {
  return (await Deno.stat(path).catch(() => null))?.isFile ?? false;
}

async function readJson(path: string): Promise<Json> {
  let data: unknown;
  try {
    data = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new SyntaxError(`Cannot read training run file "${path}": not valid JSON`);
    }
    throw error;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new TypeError(`Cannot read training run file "${path}": expected a JSON object`);
  }
  return data as Json;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** Sorted module names joined with `,`; a string (a preset or a regex) is kept as it is. */
function modules(value: unknown): string | null {
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return [...value].sort().join(",");
  }
  return str(value);
}

/** `checkpoint-N` folders directly inside `folder`, newest first. */
async function checkpointsIn(folder: string): Promise<{ step: number; path: string }[]> {
  const found: { step: number; path: string }[] = [];
  const entries = await Array.fromAsync(Deno.readDir(folder)).catch(() => []);
  for (const e of entries) {
    const m = /^checkpoint-(\d+)$/.exec(e.name);
    if (m && e.isDirectory) found.push({ step: Number(m[1]), path: join(folder, e.name) });
  }
  return found.sort((a, b) => b.step - a.step);
}

/** Whether `folder` is a run folder this module reads, and which layout. */
export async function runLayout(folder: string): Promise<"workbench" | "hf" | null> {
  folder = fromRoot(folder); // relative paths: to the repository root
  if (await isFile(join(folder, "train_log.jsonl")) || await isFile(join(folder, "summary.json"))) {
    return "workbench";
  }
  if (await isFile(join(folder, "trainer_state.json"))) return "hf";
  for (const c of await checkpointsIn(folder)) {
    if (await isFile(join(c.path, "trainer_state.json"))) return "hf";
  }
  return null;
}

function bestOf(points: readonly TrainingPoint[]): Omit<BestEval, "checkpoint"> | null {
  let best: Omit<BestEval, "checkpoint"> | null = null;
  for (const p of points) {
    if (p.evalLoss !== null && (best === null || p.evalLoss < best.evalLoss)) {
      best = { evalLoss: p.evalLoss, step: p.step, epoch: p.epoch };
    }
  }
  return best;
}

function lastOf(points: readonly TrainingPoint[], key: "loss" | "evalLoss"): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i][key];
    if (v !== null) return v;
  }
  return null;
}

/** Whether EarlyStoppingCallback took part, from a trainer state's `stateful_callbacks`. */
function earlyStopping(state: Json | null): { patience: number | null } | null {
  const callbacks = state?.stateful_callbacks as Json | undefined;
  const entry = callbacks?.EarlyStoppingCallback;
  if (!entry) return null;
  const first = (Array.isArray(entry) ? entry[0] : entry) as Json;
  return { patience: num((first?.args as Json | undefined)?.early_stopping_patience) };
}

class SourceList {
  readonly files: string[] = [];
  add(path: string): string {
    if (!this.files.includes(path)) this.files.push(path);
    return path;
  }
  async hashed(): Promise<RunSource[]> {
    return await Promise.all(
      this.files.map(async (p) => ({ path: p, sha256: await sha256File(p) })),
    );
  }
}

/**
 * Reads one run folder.
 *
 * Best eval loss, final losses and steps come from the log (`train_log.jsonl`, else the newest
 * `trainer_state.json`); the best evaluation is the lowest eval loss, the earliest on ties, as the
 * Trainer's own `best_metric` picks it.
 *
 * @param folder A `python/train.py` run folder or a Hugging Face `output_dir`.
 * @param options See {@linkcode ReadTrainingRunOptions}.
 * @throws {Error} when the folder holds neither layout; {@linkcode SyntaxError} or
 * {@linkcode TypeError} naming the file and place when a file is malformed.
 */
export async function readTrainingRun(
  folder: string,
  options: ReadTrainingRunOptions = {},
): Promise<TrainingRun> {
  folder = fromRoot(folder); // relative paths: to the repository root
  const layout = await runLayout(folder);
  if (layout === null) {
    throw new Error(
      `Cannot read training run "${folder}": no train_log.jsonl, summary.json, trainer_state.json or checkpoint-N/trainer_state.json inside`,
    );
  }
  const name = options.name ?? basename(folder);
  const sources = new SourceList();
  const checkpointsDir = layout === "workbench" ? join(folder, "checkpoints") : folder;
  const checkpoints = await checkpointsIn(checkpointsDir);

  // The newest trainer state: the top-level one (save_state, written after training) first.
  let statePath: string | null = null;
  if (layout === "hf" && await isFile(join(folder, "trainer_state.json"))) {
    statePath = join(folder, "trainer_state.json");
  } else {
    for (const c of checkpoints) {
      if (await isFile(join(c.path, "trainer_state.json"))) {
        statePath = join(c.path, "trainer_state.json");
        break;
      }
    }
  }
  const state = statePath ? await readJson(sources.add(statePath)) : null;

  // The newest adapter: adapter/ (train.py), the top level (save_model), else the newest checkpoint.
  const adapterDirs = [
    ...(layout === "workbench" ? [join(folder, "adapter")] : [folder]),
    ...checkpoints.map((c) => c.path),
  ];
  let adapterDir: string | null = null;
  for (const dir of adapterDirs) {
    if (await isFile(join(dir, "adapter_config.json"))) {
      adapterDir = dir;
      break;
    }
  }
  const adapter = adapterDir
    ? await readJson(sources.add(join(adapterDir, "adapter_config.json")))
    : null;

  let points: TrainingPoint[] = [];
  let curveSource = statePath ?? folder;
  let config: Json | null = null;
  let summary: Json | null = null;
  if (layout === "workbench") {
    const log = join(folder, "train_log.jsonl");
    if (await isFile(log)) {
      points = parseJsonlLog(await Deno.readTextFile(sources.add(log)), log);
      curveSource = log;
    } else if (statePath) points = parseTrainerState(JSON.stringify(state), statePath);
    if (await isFile(join(folder, "config.json"))) {
      config = await readJson(sources.add(join(folder, "config.json")));
    }
    if (await isFile(join(folder, "summary.json"))) {
      summary = await readJson(sources.add(join(folder, "summary.json")));
    }
  } else if (statePath) {
    points = parseTrainerState(await Deno.readTextFile(statePath), statePath);
  }
  const curve: TrainingCurve = { name, source: curveSource, points };

  const found = bestOf(points);
  let best: BestEval | null = null;
  if (found) {
    const kept = checkpoints.find((c) => c.step === found.step);
    best = {
      ...found,
      checkpoint: kept ? relative(folder, kept.path).split("\\").join("/") : null,
    };
  }

  const history = Array.isArray(state?.log_history) ? state.log_history as Json[] : [];
  const finalEntry = history.findLast((e) => "train_runtime" in e && "train_loss" in e);
  const trainerSteps = num(state?.global_step);
  const lastStep = points.length ? points[points.length - 1].step : null;

  let trainableParams = num(summary?.trainable_params);
  if (trainableParams === null) {
    for (const dir of adapterDirs) {
      const weights = join(dir, "adapter_model.safetensors");
      if (await isFile(weights)) {
        trainableParams = await safetensorsParameterCount(sources.add(weights));
        break;
      }
    }
  }

  const es = summary?.early_stopping as Json | undefined;
  const stateEs = earlyStopping(state);
  let stoppedEarly: boolean | null = null;
  if (typeof es?.stopped_early === "boolean" && num(es.patience)) stoppedEarly = es.stopped_early;
  else if (stateEs && trainerSteps !== null && num(state?.max_steps) !== null) {
    stoppedEarly = trainerSteps < (state!.max_steps as number);
  }

  const readme = adapterDir && await isFile(join(adapterDir, "README.md"))
    ? await Deno.readTextFile(join(adapterDir, "README.md"))
    : "";
  let producer: RunProducer = "train.py";
  if (layout === "hf") {
    const base = str(adapter?.base_model_name_or_path) ?? "";
    if (base.startsWith("unsloth/") || /^- unsloth$/m.test(readme)) producer = "unsloth";
    else if (
      /^- trl$/m.test(readme) ||
      history.some((e) => "mean_token_accuracy" in e || "num_tokens" in e)
    ) producer = "trl";
    else producer = "transformers";
  }

  const lora = summary?.lora as Json | undefined;
  const trainFile = str(config?.train_file);
  const cut = num(config?.max_train_samples);
  const settings: TrainingSettings = {
    base_model: str(config?.model_name) ?? str(adapter?.base_model_name_or_path),
    r: num(config?.lora_r) ?? num(adapter?.r),
    lora_alpha: num(config?.lora_alpha) ?? num(adapter?.lora_alpha),
    lora_dropout: num(config?.lora_dropout) ?? num(adapter?.lora_dropout),
    target_modules: modules(lora?.target_modules) ?? modules(adapter?.target_modules) ??
      modules(config?.lora_target_modules),
    learning_rate: num(config?.learning_rate),
    lr_scheduler: str(config?.lr_scheduler),
    batch_size: num(config?.batch_size) ?? num(state?.train_batch_size),
    grad_accum: num(config?.grad_accum),
    planned_steps: num((es as Json | undefined)?.planned_steps) ?? num(state?.max_steps),
    data: trainFile && cut && cut > 0 ? `${trainFile} (first ${cut})` : trainFile,
    first_stage: str(config?.merge_adapter),
    early_stopping_patience: config
      ? num(config.early_stopping_patience)
      : stateEs?.patience ?? null,
    seed: num(config?.seed),
  };

  return {
    name,
    folder,
    producer,
    curve,
    best,
    finalEvalLoss: lastOf(points, "evalLoss"),
    finalTrainLoss: lastOf(points, "loss"),
    steps: num(summary?.global_step) ?? trainerSteps ?? lastStep,
    epochs: num(summary?.epochs) ?? num(state?.epoch),
    runtimeS: num(summary?.runtime_s) ?? num(finalEntry?.train_runtime),
    peakGpuMemoryGb: num(summary?.peak_gpu_memory_gb),
    trainableParams,
    stoppedEarly,
    settings,
    sources: await sources.hashed(),
  };
}
