/**
 * The identity of the scorer: what a cached scored frame depends on besides its input file. It
 * hashes the metric signatures of the registry, the suites chosen, a format version of the cache
 * entries, and the source text of every module that turns a result file into scored rows
 * (`lib/results/`, `lib/metrics/`, `lib/text/`, `lib/behaviour/` and `lib/scored/`, tests
 * excluded). Any change to
 * how a value is computed therefore changes the key, and no stale entry can be read.
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { METRICS } from "../metrics/registry.ts";

/** Version of the cache entry layout (bump when the stored columns change). */
export const SCORED_CACHE_FORMAT = 3;

/** Folders whose source defines the scored rows. */
const SOURCE_DIRS = ["lib/results", "lib/metrics", "lib/text", "lib/behaviour", "lib/scored"];

let cached: Promise<string> | null = null;

async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of SOURCE_DIRS) {
    const names = (await Array.fromAsync(Deno.readDir(join(REPO_ROOT, dir))))
      .filter((e) => e.isFile && /\.(ts|json)$/.test(e.name) && !/_(test|bench)\.ts$/.test(e.name))
      .map((e) => e.name).sort();
    for (const name of names) {
      hash.update(`${dir}/${name}\0`);
      hash.update(await Deno.readFile(join(REPO_ROOT, dir, name)));
    }
  }
  return hash.digest("hex");
}

/**
 * The scorer's key for a choice of suites (hex, 16 characters): equal keys mean identical scored
 * rows for identical input bytes.
 */
export async function scorerKey(suites: { legacy: string; v1: string }): Promise<string> {
  cached ??= sourceHash();
  const signatures = Object.values(METRICS).map((m) => m.signature).join("\n");
  return createHash("sha256")
    .update(`format:${SCORED_CACHE_FORMAT}\nsuites:${suites.legacy},${suites.v1}\n`)
    .update(signatures)
    .update(await cached)
    .digest("hex").slice(0, 16);
}
