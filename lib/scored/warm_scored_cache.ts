/**
 * Scores a results folder into the scored-results cache in separate processes, before a report's
 * notebooks read it. Two reasons: the files are scored in parallel (one process per core, up to
 * `processes`), and the memory that scoring takes is returned to the system when those processes
 * end, instead of staying with the long-lived report process while the notebooks run.
 *
 * Run as a program, this module is one such process:
 * `deno run -A lib/scored/warm_scored_cache.ts --cache-dir DIR FILE...`.
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "../io/paths.ts";
import { dieWithParent, PARENT_PID_ENV } from "../process/die_with_parent.ts";
import { scoredCacheDir, scoreIntoCache, uncachedFiles } from "./load_scored.ts";

/** Options for {@linkcode warmScoredCache}. */
export interface WarmScoredCacheOptions {
  /** The cache folder. Default: `scoredCacheDir()`. */
  cacheDir?: string;
  /** At most this many scoring processes. Default: the number of cores, at most 4. */
  processes?: number;
  /** Files smaller than this (bytes) are left to the caller's `loadScored`. Default: 64 KiB. */
  minBytes?: number;
  /** Stops the processes. */
  signal?: AbortSignal;
}

/**
 * Scores the files of `dir` that are not cached yet, in child processes, largest first, spread
 * over `processes` of them.
 *
 * It never throws for a bad input file: a file a process could not score is simply not cached,
 * and the caller's `loadScored` then scores it and reports the error with the file's name.
 * @returns how many files were handed to the processes.
 */
export async function warmScoredCache(
  dir: string,
  options: WarmScoredCacheOptions = {},
): Promise<number> {
  const {
    cacheDir = scoredCacheDir(),
    processes = Math.min(4, Math.max(1, navigator.hardwareConcurrency ?? 1)),
    minBytes = 64 * 1024,
    signal,
  } = options;
  const sized: { path: string; size: number }[] = [];
  for (const path of await uncachedFiles(dir, { cacheDir })) {
    const size = await Deno.stat(path).then((s) => s.size).catch(() => 0);
    if (size >= minBytes) sized.push({ path, size });
  }
  if (sized.length === 0) return 0;
  // Largest first, each to the process with the least work so far.
  sized.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  const shares = Array.from(
    { length: Math.min(processes, sized.length) },
    () => ({ bytes: 0, paths: [] as string[] }),
  );
  for (const f of sized) {
    const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    share.bytes += f.size;
    share.paths.push(f.path);
  }
  const self = fileURLToPath(import.meta.url);
  await Promise.all(shares.map(async (share) => {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", self, "--cache-dir", cacheDir, ...share.paths],
      cwd: REPO_ROOT, // the project's deno.json and lock file
      env: { [PARENT_PID_ENV]: String(Deno.pid) }, // it dies with this process: see below
      stdin: "null",
      stdout: "null",
      stderr: "null",
      signal,
    });
    await child.output().catch(() => {});
  }));
  return sized.length;
}

if (import.meta.main) {
  // A killed report (SIGKILL included) must not leave scorers running: Linux kills this process
  // when the report ends.
  dieWithParent();
  const { values, positionals } = parseArgs({
    args: Deno.args,
    options: { "cache-dir": { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  await scoreIntoCache(positionals, { cacheDir: values["cache-dir"] });
}
