/**
 * Reads a training curve from a run folder written by `python/train.py` (`train_log.jsonl`), from
 * a Hugging Face `trainer_state.json` (its `log_history`, e.g. the study's checkpoints), or from
 * a folder holding checkpoints (the newest `checkpoint-N/trainer_state.json`).
 * @module
 */
import { basename, dirname, join } from "node:path";
import { exists } from "../io/exists.ts";
import { fromRoot } from "../io/paths.ts";

/** One logging event. Training and evaluation events of one step are separate points. */
export interface TrainingPoint {
  step: number;
  epoch: number | null;
  loss: number | null;
  learningRate: number | null;
  gradNorm: number | null;
  evalLoss: number | null;
  /** Input tokens seen so far (non-padding), when the trainer counted them. */
  tokens: number | null;
}

/** A run's curve. */
export interface TrainingCurve {
  /** Display name: the run folder's name, or the given name. */
  name: string;
  /** The file read. */
  source: string;
  points: TrainingPoint[];
}

/**
 * Keys that mark the end-of-training summary entry. Not `train_runtime`: transformers 5 adds
 * `train_runtime` and `train_tokens_per_second` to every training-loss entry.
 */
const SUMMARY_MARKERS = ["train_loss", "total_flos"];

function num(entry: Record<string, unknown>, keys: string[], where: string): number | null {
  for (const key of keys) {
    const value = entry[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot read training log ${where}: ${key} must be a number, got ${JSON.stringify(value)}`,
      );
    }
    return Number.isFinite(value) ? value : null;
  }
  return null;
}

/** Turns one log entry into a point; null for summary entries or entries without losses or lr. */
export function toPoint(entry: unknown, where: string): TrainingPoint | null {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    throw new TypeError(`Cannot read training log ${where}: expected an object`);
  }
  const e = entry as Record<string, unknown>;
  if (SUMMARY_MARKERS.some((k) => k in e)) return null;
  if (!Number.isInteger(e.step)) {
    throw new TypeError(
      `Cannot read training log ${where}: step must be an integer, got ${JSON.stringify(e.step)}`,
    );
  }
  const point: TrainingPoint = {
    step: e.step as number,
    epoch: num(e, ["epoch"], where),
    loss: num(e, ["loss"], where),
    learningRate: num(e, ["learning_rate", "lr"], where),
    gradNorm: num(e, ["grad_norm"], where),
    evalLoss: num(e, ["eval_loss"], where),
    tokens: num(e, ["tokens", "num_input_tokens_seen"], where),
  };
  if (
    point.loss === null && point.evalLoss === null && point.learningRate === null &&
    point.gradNorm === null
  ) return null;
  return point;
}

/** Parses the text of a `train_log.jsonl`. */
export function parseJsonlLog(text: string, source: string): TrainingPoint[] {
  const points: TrainingPoint[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new SyntaxError(
        `Cannot read training log "${source}": line ${i + 1} is not valid JSON`,
      );
    }
    const point = toPoint(entry, `"${source}" line ${i + 1}`);
    if (point) points.push(point);
  });
  return points;
}

/** Parses the text of a `trainer_state.json`. */
export function parseTrainerState(text: string, source: string): TrainingPoint[] {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new SyntaxError(`Cannot read trainer state "${source}": not valid JSON`);
  }
  const history = (state as { log_history?: unknown })?.log_history;
  if (!Array.isArray(history)) {
    throw new TypeError(
      `Cannot read trainer state "${source}": log_history is missing or not an array`,
    );
  }
  return history.map((e, i) => toPoint(e, `"${source}" log_history[${i}]`)).filter((
    p,
  ): p is TrainingPoint => p !== null);
}

/**
 * Reads one curve.
 *
 * @param path A run folder, a checkpoints folder, a `trainer_state.json` or a `.jsonl` log.
 * @param name Display name. Default: the run folder's name.
 * @throws {Error} when nothing readable is there, naming the path.
 */
export async function readTrainingCurve(path: string, name?: string): Promise<TrainingCurve> {
  path = fromRoot(path); // relative paths: to the repository root
  let file = path;
  const info = await Deno.stat(path).catch(() => null);
  if (!info) throw new Error(`Cannot read training curve "${path}": it does not exist`);
  let runName = basename(path);
  if (info.isDirectory) {
    if (await exists(join(path, "train_log.jsonl"))) file = join(path, "train_log.jsonl");
    else {
      const folders = [path, join(path, "checkpoints")];
      let best: { step: number; file: string } | null = null;
      for (const folder of folders) {
        if (!(await exists(folder))) continue;
        for await (const entry of Deno.readDir(folder)) {
          const m = /^checkpoint-(\d+)$/.exec(entry.name);
          if (
            m && entry.isDirectory && (!best || Number(m[1]) > best.step) &&
            await exists(join(folder, entry.name, "trainer_state.json"))
          ) {
            best = { step: Number(m[1]), file: join(folder, entry.name, "trainer_state.json") };
          }
        }
      }
      if (await exists(join(path, "trainer_state.json"))) file = join(path, "trainer_state.json");
      else if (best) file = best.file;
      else {throw new Error(
          `Cannot read training curve "${path}": no train_log.jsonl or trainer_state.json inside`,
        );}
    }
  } else {
    runName = basename(dirname(path)).startsWith("checkpoint-")
      ? basename(dirname(dirname(path)))
      : basename(dirname(path));
  }
  const text = await Deno.readTextFile(file);
  const points = file.endsWith(".jsonl")
    ? parseJsonlLog(text, file)
    : parseTrainerState(text, file);
  return { name: name ?? runName, source: file, points };
}
