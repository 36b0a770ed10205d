/**
 * Where tests find the study's real files: shipped in the repository's `data/` (the default
 * data), and, for the provenance check, the canonical copies in `../shared/datasets/kz-legal-qa/`
 * beside the repository (CI provides it). Tests that need the shared copies fail with a clear
 * message when they are missing; they never skip silently.
 * @module
 */
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";

/** The study's result files as shipped in the repository. */
export const STUDY_RESULTS = fromRoot("data/results");
/** The study's validation subset as shipped. */
export const STUDY_DATASET = fromRoot("data/dataset/validation_subset.jsonl");
/** The study's filled expert sheet as shipped. */
export const STUDY_SHEET = fromRoot("data/human_eval/eval_sheet_filled.csv");

/** The shared dataset folder beside the repository. */
export const SHARED_DATASET = fromRoot("../shared/datasets/kz-legal-qa");
/** The study's result files in the shared folder. */
export const SHARED_RESULTS = join(SHARED_DATASET, "results");

/** Throws a clear error when the shared data is not beside the repository. */
export async function requireSharedData(): Promise<void> {
  try {
    await Deno.stat(SHARED_RESULTS);
  } catch {
    throw new Error(
      `The study's result files are expected in "${SHARED_RESULTS}" (../shared beside the repository); this test needs them`,
    );
  }
}
