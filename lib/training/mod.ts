/**
 * Training runs: curves from run folders and trainer_state.json, and their figures.
 * @module
 */
export * from "./read_training_curve.ts";
export * from "./smooth.ts";
export * from "./training_figure.ts";
