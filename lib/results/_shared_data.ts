/**
 * Where tests find the study's real result files: `../shared/datasets/kz-legal-qa/` beside the
 * repository (CI provides it). Tests that need it fail with this message when it is missing;
 * they never skip silently.
 * @module
 */
import { join } from "node:path";
import { fromRoot } from "../paths.ts";

/** The shared dataset folder. */
export const SHARED_DATASET = fromRoot("../shared/datasets/kz-legal-qa");
/** The study's result files. */
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
