/**
 * Groups of questions for breakdowns: a label column of the scored-samples frame (`domain`,
 * `language`, or any column a notebook adds, such as recomputed labels).
 * @module
 */

/** The group name given to samples whose label is null. */
export const UNLABELLED = "(unlabelled)";

/** Cells with fewer samples than this are flagged, not read as findings. Default of `minN` options. */
export const MIN_CELL_N = 30;
