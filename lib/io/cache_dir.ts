/**
 * Where the workbench keeps what it can compute again (scored results, analyses, rendered
 * figures): `.cache/` at the repository root, or the folder named by {@linkcode CACHE_DIR_ENV}.
 * @module
 */
import { join } from "node:path";
import { REPO_ROOT } from "./paths.ts";

/** The environment variable that moves the cache (default: `.cache/` at the repository root). */
export const CACHE_DIR_ENV = "WORKBENCH_CACHE_DIR";

/**
 * The cache's folder for one kind of thing: `$WORKBENCH_CACHE_DIR/<name>`, else
 * `.cache/<name>` in the repository.
 *
 * @example
 * ```ts
 * import { cacheDir } from "./cache_dir.ts";
 * import assert from "node:assert/strict";
 * assert.ok(cacheDir("figures").endsWith("figures"));
 * ```
 */
export function cacheDir(name: string): string {
  return join(Deno.env.get(CACHE_DIR_ENV) || join(REPO_ROOT, ".cache"), name);
}
