/**
 * One writer at a time per output folder.
 * @module
 */
import { basename, dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { sha256Hex } from "./sha256.ts";
import { displayPath } from "./paths.ts";
import { acquireLock } from "./acquire_lock.ts";

/** The folder of the lock files, in the system's temporary folder. */
export const LOCKS_DIR = "workbench-report-locks";

/** Options for {@linkcode lockFolder}. */
export interface LockFolderOptions {
  /** Wait while another process holds the lock (`true`), or refuse at once (`false`). Default: `true`. */
  wait?: boolean;
  /** What this process is, for the message of another that finds the lock held. Default: `"a run"`. */
  holder?: string;
}

/** A held folder lock. */
export interface FolderLock {
  /** The lock file. */
  readonly path: string;
  /** Releases the lock (closing the lock file). */
  release(): void;
}

/** The folder is locked by another process and {@linkcode LockFolderOptions.wait} was `false`. */
export class FolderLockedError extends Error {
  constructor(readonly folder: string, readonly holder: string) {
    super(
      `Folder "${
        displayPath(folder)
      }" is in use by ${holder}; wait for it to finish, or use another folder`,
    );
    this.name = "FolderLockedError";
  }
}

/**
 * The lock file of a folder: in `<tmp>/workbench-report-locks/`, named by the SHA-256 of the
 * folder's real path, so every process writing the same folder (whatever path names it) takes the
 * same lock and nothing is written beside the user's folder. The parent folder must exist.
 */
export async function folderLockPath(folder: string): Promise<string> {
  const where = join(await Deno.realPath(dirname(folder)), basename(folder));
  const dir = join(tmpdir(), LOCKS_DIR);
  await Deno.mkdir(dir, { recursive: true });
  return join(dir, `${(await sha256Hex(where)).slice(0, 32)}.lock`);
}

/**
 * Takes the exclusive lock of `folder` (see {@linkcode folderLockPath}); the holder's description
 * (`holder`, its process id and when it started) is written into the lock file so that another
 * process can name it. Taking the lock renews the lock file's time and checks that the path still
 * names the locked file ({@linkcode acquireLock}), so `removeOldLeftovers` may remove lock files
 * unused for a week.
 *
 * @throws {FolderLockedError} when `wait` is `false` and another process holds the lock; the
 *   message names the folder and the holder.
 */
export async function lockFolder(
  folder: string,
  options: LockFolderOptions = {},
): Promise<FolderLock> {
  const { wait = true, holder = "a run" } = options;
  const path = await folderLockPath(folder);
  let file: Deno.FsFile;
  if (wait) file = await acquireLock(path);
  else {
    for (;;) {
      file = await Deno.open(path, { create: true, write: true });
      if (!(await file.tryLock(true))) {
        file.close();
        const text = (await Deno.readTextFile(path).catch(() => "")).trim();
        throw new FolderLockedError(folder, text === "" ? "another process" : text);
      }
      const [named, held] = await Promise.all([Deno.stat(path).catch(() => null), file.stat()]);
      if (named !== null && named.ino === held.ino && named.dev === held.dev) break;
      file.close(); // removed or replaced meanwhile: lock the file the path names now
    }
  }
  try {
    await file.truncate(0);
    await file.seek(0, Deno.SeekMode.Start);
    await file.write(
      new TextEncoder().encode(
        `${holder} (process ${Deno.pid}, since ${new Date().toISOString()})\n`,
      ),
    );
  } catch (error) {
    file.close();
    throw error;
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      file.close();
    },
  };
}
