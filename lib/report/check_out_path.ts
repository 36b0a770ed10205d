/**
 * Checks a report's paths before anything is written, so that a bad `--out` or `--results` ends
 * with a message naming the option and the path at fault instead of a raw system error: the root
 * folder, a path below a regular file, a symbolic-link loop, a missing folder.
 * @module
 */
import { dirname, resolve } from "node:path";

/** What stands at a path. */
export type PathKind = "folder" | "file" | "missing" | "loop" | "below-file";

/**
 * What stands at `path`, following symbolic links: a folder, something else (`file`), nothing
 * (`missing`), a symbolic-link loop, or a path whose parent is not a folder (`below-file`).
 *
 * @example
 * ```ts
 * import { pathKind } from "./check_out_path.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/f`, "x");
 * await Deno.symlink(`${dir}/b`, `${dir}/a`);
 * await Deno.symlink(`${dir}/a`, `${dir}/b`);
 * assert.deepEqual(
 *   await Promise.all([dir, `${dir}/f`, `${dir}/none`, `${dir}/a`, `${dir}/f/x`].map((p) => pathKind(p))),
 *   ["folder", "file", "missing", "loop", "below-file"],
 * );
 * ```
 */
export async function pathKind(path: string): Promise<PathKind> {
  try {
    return (await Deno.stat(path)).isDirectory ? "folder" : "file";
  } catch (error) {
    if (error instanceof Deno.errors.FilesystemLoop) return "loop";
    if (error instanceof Deno.errors.NotADirectory) return "below-file";
    if (error instanceof Deno.errors.NotFound) return "missing";
    throw error;
  }
}

/**
 * Refuses an output folder the report cannot make: the root folder, a path below a regular file
 * or through a symbolic-link loop. A missing folder (and missing parents) is fine.
 * @throws Error naming `--out` and the path at fault.
 */
export async function checkOutPath(out: string): Promise<void> {
  const full = resolve(out);
  if (dirname(full) === full) {
    throw new Error(
      `Cannot write the report into "${out}": --out names the root folder; name a folder to create or replace`,
    );
  }
  // The nearest existing ancestor must be a folder; every path on the way is checked.
  for (let p = full; dirname(p) !== p; p = dirname(p)) {
    const kind = await pathKind(p);
    if (kind === "loop") {
      throw new Error(
        `Cannot write the report into "${out}": "${p}" is a symbolic-link loop (--out)`,
      );
    }
    if (kind === "folder") return;
    if (kind === "file" && p !== full) {
      throw new Error(
        `Cannot write the report into "${out}": "${p}" is a file, not a folder (--out)`,
      );
    }
    if (kind === "file") return; // `out` itself a file: refused, naming it, by checkReplaceable
  }
}

/**
 * Refuses a results folder that is not one, saying which of missing, a file, or a symbolic-link
 * loop it is.
 * @throws Error naming `--results` and the path.
 */
export async function checkResultsPath(results: string): Promise<void> {
  const kind = await pathKind(results);
  const why: Record<Exclude<PathKind, "folder">, string> = {
    missing: "does not exist",
    file: "is a file, not a folder",
    loop: "is a symbolic-link loop",
    "below-file": "lies below a file, not a folder",
  };
  if (kind !== "folder") throw new Error(`Results folder "${results}" ${why[kind]} (--results)`);
}
