/**
 * Whether the scored-results cache can be used: a report asks once, at its start, and goes on
 * without the cache (with one warning) when the answer is no. Cache trouble only costs time.
 * @module
 */
import { join } from "node:path";
import { CACHE_DIR_ENV } from "./load_scored.ts";

/**
 * Tries to create `dir` and write, then remove, a small file in it.
 * @returns null when the cache can be used, else why not: one line naming the folder (and
 * {@linkcode CACHE_DIR_ENV} when that variable chose it) and the system's reason.
 *
 * @example
 * ```ts
 * import { checkCacheDir } from "./check_cache_dir.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile();
 * assert.match((await checkCacheDir(`${file}/scored`))!, /cannot use the scored-results cache/);
 * assert.equal(await checkCacheDir(`${await Deno.makeTempDir()}/scored`), null);
 * ```
 */
export async function checkCacheDir(dir: string): Promise<string | null> {
  const probe = join(dir, `.probe-${crypto.randomUUID()}`);
  try {
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeFile(probe, new Uint8Array(1));
    await Deno.remove(probe);
    return null;
  } catch (error) {
    const from = Deno.env.get(CACHE_DIR_ENV);
    const why = error instanceof Deno.errors.AlreadyExists || /not a directory/i.test(String(error))
      ? "a file stands where a folder is needed"
      : (error as Error).message;
    return `cannot use the scored-results cache "${dir}"${
      from ? ` (from ${CACHE_DIR_ENV}=${from})` : ""
    }: ${why}`;
  }
}
