/**
 * How samples are grouped for breakdowns: by the stored labels for now, behind a function so that
 * recomputed labels (lib/text/) can be swapped in.
 * @module
 */
import type { Sample } from "../results/run_result.ts";

/** Returns a sample's group (a domain, a language), or `null` when it has none. */
export type GroupBy = (sample: Sample) => string | null;

/** The group name given to samples whose label is `null`. */
export const UNLABELLED = "(unlabelled)";

/** Groups by the language label stored in the result file (`ru`, `kz`, …). */
export const byStoredLanguage: GroupBy = (s) => s.language;

/** Groups by the domain label stored in the result file (`civil`, `tax`, …). */
export const byStoredDomain: GroupBy = (s) => s.domain;

/** Cells with fewer samples than this are flagged, not read as findings. Default of `minN` options. */
export const MIN_CELL_N = 30;
