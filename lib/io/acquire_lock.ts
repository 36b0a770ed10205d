/**
 * An exclusive lock held through a lock file, safe against the file's removal: after the lock is
 * granted, the file's time is set to now and the path is checked to still name the locked file;
 * if it was removed or replaced meanwhile (by a cleanup of old lock files), the lock is taken
 * again on the file the path now names. Lock files whose time is old are therefore safe to remove
 * (see `removeOldLeftovers`).
 * @module
 */

/**
 * Opens (creating it) and locks `path`, waiting for another holder to let go.
 * @returns the open file; close it to release the lock.
 *
 * @example
 * ```ts
 * import { acquireLock } from "./acquire_lock.ts";
 * import assert from "node:assert/strict";
 * const path = `${await Deno.makeTempDir()}/a.lock`;
 * const lock = await acquireLock(path);
 * assert.equal((await Deno.stat(path)).ino, (await lock.stat()).ino);
 * lock.close();
 * ```
 */
export async function acquireLock(path: string): Promise<Deno.FsFile> {
  for (;;) {
    const file = await Deno.open(path, { create: true, write: true });
    try {
      await file.lock(true);
      const now = new Date();
      await file.utime(now, now);
      const [named, held] = await Promise.all([Deno.stat(path).catch(() => null), file.stat()]);
      if (named !== null && named.ino === held.ino && named.dev === held.dev) return file;
    } catch (error) {
      file.close();
      throw error;
    }
    file.close(); // the path names another file now: lock that one
  }
}
