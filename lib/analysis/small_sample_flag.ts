/**
 * The one rule that marks a cell (a group of questions, a paired comparison in a group) as too
 * small to read: it counts the values that DEFINE the metric in the cell, not the questions, since
 * a mean over 9 defined values is as uncertain whether the group holds 9 questions or 151.
 * Tables flag such cells and figures draw them hollow with dashed intervals.
 * @module
 */
import { BOOTSTRAP_DEFAULTS } from "../stats/bootstrap.ts";
import { MIN_CELL_N } from "./sample_group.ts";

/** Options for {@linkcode smallSampleFlag}. */
export interface SmallSampleFlagOptions {
  /** Cells with fewer defined values are flagged `n<30`. Default: `30` (`MIN_CELL_N`). */
  minN?: number;
  /** Cells with fewer defined values get no bootstrap interval. Default: `10` (the bootstrap's `minN`). */
  minInterval?: number;
}

/**
 * The flag of a cell with `nDefined` values that define its metric: `"n<10, no interval"` below
 * the bootstrap's minimum, `"n<30"` below `minN`, else `""`.
 *
 * @example
 * ```ts
 * import { smallSampleFlag } from "./small_sample_flag.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([6, 9, 10, 29, 30].map((n) => smallSampleFlag(n)),
 *   ["n<10, no interval", "n<10, no interval", "n<30", "n<30", ""]);
 * ```
 */
export function smallSampleFlag(nDefined: number, options: SmallSampleFlagOptions = {}): string {
  const { minN = MIN_CELL_N, minInterval = BOOTSTRAP_DEFAULTS.minN } = options;
  if (nDefined < minInterval) return `n<${minInterval}, no interval`;
  if (nDefined < minN) return `n<${minN}`;
  return "";
}

/** Whether a cell with `nDefined` defined values is too small to read (see {@linkcode smallSampleFlag}). */
export function isSmallSample(nDefined: number, options: SmallSampleFlagOptions = {}): boolean {
  return smallSampleFlag(nDefined, options) !== "";
}
