/**
 * The identity of the scorer: what a cached scored frame depends on besides its input file. It
 * hashes the metric signatures of the registry, the suites chosen, a format version of the cache
 * entries, and the bytes of every local module the scorer imports, however indirectly (the whole
 * static import graph of {@linkcode SCORER_ENTRY}, found by {@linkcode localModules}), with the
 * lock file. Any change to how a value is computed therefore changes the key, and no stale entry
 * can be read. The key is computed once per process.
 * @module
 */
import { createHash } from "node:crypto";
import { REPO_ROOT } from "../io/paths.ts";
import { METRICS } from "../metrics/registry.ts";
import { sourceHash } from "../io/source_hash.ts";

/** Version of the cache entry layout (bump when the stored columns change). */
export const SCORED_CACHE_FORMAT = 3;

/** The module that turns a result file into scored rows: its import graph is the scorer. */
export const SCORER_ENTRY = "lib/scored/load_scored.ts";

let cached: string | null = null;

/**
 * The scorer's key for a choice of suites (hex, 16 characters): equal keys mean identical scored
 * rows for identical input bytes.
 */
export function scorerKey(suites: { legacy: string; v1: string }): Promise<string> {
  cached ??= sourceHash([SCORER_ENTRY], { root: REPO_ROOT });
  const signatures = Object.values(METRICS).map((m) => m.signature).join("\n");
  return Promise.resolve(
    createHash("sha256")
      .update(`format:${SCORED_CACHE_FORMAT}\nsuites:${suites.legacy},${suites.v1}\n`)
      .update(signatures)
      .update(cached)
      .digest("hex").slice(0, 16),
  );
}
