/**
 * An input file a table was computed from: its path and the SHA-256 of its bytes, listed under
 * every table of the report.
 * @module
 */
import { sha256File } from "./sha256.ts";
import { fromRoot } from "./paths.ts";

/** An input file with its SHA-256. */
export interface SourceFile {
  path: string;
  sha256: string;
}

/** The source record of `path` (reads the file to hash it). */
export async function sourceFile(path: string): Promise<SourceFile> {
  path = fromRoot(path); // relative paths: to the repository root
  return { path, sha256: await sha256File(path) };
}
