/**
 * Atomic file writes: write to a temporary file in the same folder, then rename it into place,
 * so a reader never sees a half-written file and an interrupted run leaves the old file intact.
 * @module
 */
import { dirname, join } from "node:path";

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
