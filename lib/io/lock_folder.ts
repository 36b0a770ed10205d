/**
 * One writer at a time per output folder.
 * @module
 */
import { basename, dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { sha256Hex } from "./sha256.ts";
import { displayPath } from "./paths.ts";

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
  const dir = join(tmpdir(), "workbench-report-locks");
  await Deno.mkdir(dir, { recursive: true });
  return join(dir, `${(await sha256Hex(where)).slice(0, 32)}.lock`);
}

/**
 * Takes the exclusive lock of `folder` (see {@linkcode folderLockPath}); the holder's description
 * (`holder`, its process id and when it started) is written into the lock file so that another
 * process can name it. Lock files are never removed: a waiting process holds the file open.
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
  const file = await Deno.open(path, { create: true, read: true, write: true });
  try {
    if (wait) await file.lock(true);
    else if (!(await file.tryLock(true))) {
      const text = (await Deno.readTextFile(path).catch(() => "")).trim();
      throw new FolderLockedError(folder, text === "" ? "another process" : text);
    }
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
