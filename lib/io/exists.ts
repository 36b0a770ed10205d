/**
 * Whether a path exists.
 * @module
 */
import { fromRoot } from "./paths.ts";

/**
 * Whether `path` exists. By default a symbolic link counts when its target exists; with
 * `{ link: true }` the link itself counts (a dangling link exists).
 *
 * @example
 * ```ts
 * import { exists } from "./exists.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.symlink(`${dir}/missing`, `${dir}/link`);
 * assert.equal(await exists(dir), true);
 * assert.equal(await exists(`${dir}/link`), false);
 * assert.equal(await exists(`${dir}/link`, { link: true }), true);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function exists(path: string, options: { link?: boolean } = {}): Promise<boolean> {
  path = fromRoot(path); // relative paths: to the repository root
  try {
    await (options.link ? Deno.lstat(path) : Deno.stat(path));
    return true;
  } catch {
    return false;
  }
}
