/**
 * Training runs: curves from `train_log.jsonl` or a Hugging Face `trainer_state.json`, loss and
 * learning-rate figures, and the sweep table over every run folder under a directory
 * (`python/train.py` runs and transformers/TRL/Unsloth checkpoints) with its eval-loss figure.
 * @module
 */
export * from "./read_training_curve.ts";
export * from "./smooth.ts";
export * from "./training_figure.ts";
export * from "./read_training_run.ts";
export * from "./read_training_runs.ts";
export * from "./training_runs_table.ts";
export * from "./eval_loss_figure.ts";
