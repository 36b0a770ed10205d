/**
 * Where the repository is, so that defaults resolve the same from the CLI (repo root) and from a
 * notebook (whose kernel runs in `notebooks/`).
 * @module
 */
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root. */
export const REPO_ROOT: string = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Resolves `path` against the repository root (absolute paths are kept). */
export function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

/**
 * A path as shown in reports: relative to the repository root (so reports do not depend on
 * where the repository is checked out), with `/` separators. A relative `path` is taken as
 * relative to the repository root, as everywhere in `lib/`.
 *
 * @example
 * ```ts
 * import { displayPath, REPO_ROOT } from "./paths.ts";
 * import assert from "node:assert/strict";
 * assert.equal(displayPath(`${REPO_ROOT}/data/results/a.json`), "data/results/a.json");
 * ```
 */
export function displayPath(path: string): string {
  return relative(REPO_ROOT, fromRoot(path)).split("\\").join("/") || ".";
}
