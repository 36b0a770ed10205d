/**
 * Cleans what reports leave in the system's temporary folder: the folders kept for inspection
 * after a notebook failed (`workbench-failed-*`, each marked by {@linkcode FAILED_MARKER}) and the
 * lock files of output folders and Python environments (`workbench-report-locks/<32 hex>.lock`,
 * `workbench-venv-locks/<32 hex>.lock`). Only entries this tool
 * made (by name and, for folders, by marker), owned by the current user and older than
 * `maxAgeDays` are removed; a lock file's time is renewed by every report that takes it (see
 * `acquireLock`), so a lock in use is never old.
 * @module
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import { VENV_LOCKS_DIR } from "../pyenv/project_python.ts";
import { LOCKS_DIR } from "../io/lock_folder.ts";

export { LOCKS_DIR };

/** The file a report writes into each folder it keeps after a failure: its ownership mark. */
export const FAILED_MARKER = ".workbench-failed";

/** The prefix of those folders in the temporary folder. */
export const FAILED_PREFIX = "workbench-failed-";

/** Options for {@linkcode removeOldLeftovers}. */
export interface RemoveOldLeftoversOptions {
  /** The temporary folder. Default: `os.tmpdir()`. */
  tmp?: string;
  /** Entries older than this many days are removed. Default: `7`. */
  maxAgeDays?: number;
  /** The present time. Default: `new Date()`. */
  now?: Date;
}

/**
 * Removes old failure folders and lock files of reports (see the module doc). Never throws: an
 * entry that cannot be removed stays.
 * @returns the paths removed.
 */
export async function removeOldLeftovers(
  options: RemoveOldLeftoversOptions = {},
): Promise<string[]> {
  const { tmp = tmpdir(), maxAgeDays = 7, now = new Date() } = options;
  const limit = now.getTime() - maxAgeDays * 86_400_000;
  const uid = Deno.uid();
  const old = (info: Deno.FileInfo) =>
    info.mtime !== null && info.mtime.getTime() < limit && (uid === null || info.uid === uid);
  const removed: string[] = [];
  const entries = async (dir: string) => await Array.fromAsync(Deno.readDir(dir)).catch(() => []);
  for (const e of await entries(tmp)) {
    if (!e.isDirectory || !/^workbench-failed-[A-Za-z0-9_]+$/.test(e.name)) continue;
    const dir = join(tmp, e.name);
    try {
      const [info, marker] = [await Deno.lstat(dir), await Deno.lstat(join(dir, FAILED_MARKER))];
      if (!marker.isFile || !old(info) || !old(marker)) continue;
      await Deno.remove(dir, { recursive: true });
      removed.push(dir);
    } catch { /* not ours, or gone */ }
  }
  for (const locks of [join(tmp, LOCKS_DIR), join(tmp, VENV_LOCKS_DIR)]) {
    for (const e of await entries(locks)) {
      if (!e.isFile || !/^[0-9a-f]{32}\.lock$/.test(e.name)) continue;
      const path = join(locks, e.name);
      try {
        const info = await Deno.lstat(path);
        if (!old(info) || info.size !== 0) continue;
        await Deno.remove(path);
        removed.push(path);
      } catch { /* gone */ }
    }
  }
  return removed;
}
