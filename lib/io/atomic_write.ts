/**
 * Atomic file writes: write to a temporary file in the same folder, then rename it into place,
 * so a reader never sees a half-written file and an interrupted run leaves the old file intact.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { fromRoot } from "./paths.ts";

/** Options for {@linkcode writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Create the parent folder when it is missing. Default: `true`. */
  mkdirs?: boolean;
}

/**
 * Writes `data` to `path` atomically (temporary file, then rename).
 *
 * @param path Destination file.
 * @param data Text (written as UTF-8) or bytes.
 * @example
 * ```ts
 * import { writeFileAtomic } from "./atomic_write.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeFileAtomic(`${dir}/a/b.txt`, "қазақ");
 * assert.equal(await Deno.readTextFile(`${dir}/a/b.txt`), "қазақ");
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  path = fromRoot(path); // relative paths: to the repository root
  const { mkdirs = true } = options;
  const dir = dirname(path);
  if (mkdirs) await Deno.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${crypto.randomUUID()}.tmp`);
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (error) {
    await Deno.remove(tmp).catch(() => {});
    throw error;
  }
}

/** One file for {@linkcode writeFilesAtomic}. */
export interface FileToWrite {
  path: string;
  /** Text (written as UTF-8) or bytes. */
  data: string | Uint8Array;
}

/**
 * Writes several files as one step: every file goes to a temporary file beside its destination
 * first, and only when all of them are written are they renamed into place. When a write fails
 * (a full disk, a folder that cannot be created) every temporary file is removed and no
 * destination is touched. Renames within a folder do not fail in practice; if one does, the files
 * renamed before it stay replaced and the error names them.
 *
 * @param files Destinations and contents; a destination may appear only once.
 * @throws {TypeError} when two entries name the same destination.
 * @example
 * ```ts
 * import { writeFilesAtomic } from "./atomic_write.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeFilesAtomic([{ path: `${dir}/a.txt`, data: "бір" }, { path: `${dir}/b/c.txt`, data: "екі" }]);
 * assert.equal(await Deno.readTextFile(`${dir}/b/c.txt`), "екі");
 * ```
 */
export async function writeFilesAtomic(
  files: readonly FileToWrite[],
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const { mkdirs = true } = options;
  files = files.map((f) => ({ ...f, path: fromRoot(f.path) })); // relative paths: to the repository root
  const seen = new Set<string>();
  for (const f of files) {
    const key = resolve(f.path);
    if (seen.has(key)) throw new TypeError(`Cannot write "${f.path}" twice in one step`);
    seen.add(key);
  }
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      if (mkdirs) await Deno.mkdir(dir, { recursive: true });
      const tmp = join(dir, `.${crypto.randomUUID()}.tmp`);
      staged.push({ tmp, path: f.path });
      if (typeof f.data === "string") await Deno.writeTextFile(tmp, f.data);
      else await Deno.writeFile(tmp, f.data);
    }
  } catch (error) {
    for (const s of staged) await Deno.remove(s.tmp).catch(() => {});
    throw error;
  }
  for (const [i, s] of staged.entries()) {
    try {
      await Deno.rename(s.tmp, s.path);
    } catch (error) {
      for (const rest of staged.slice(i)) await Deno.remove(rest.tmp).catch(() => {});
      const done = staged.slice(0, i).map((d) => `"${d.path}"`);
      throw new Error(
        `Cannot move "${s.path}" into place: ${(error as Error).message}` +
          (done.length ? ` (already replaced: ${done.join(", ")})` : " (nothing was replaced)"),
      );
    }
  }
}
