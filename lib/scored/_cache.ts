/**
 * The on-disk cache of scored runs: for each input file, the scored per-sample frame (Arrow IPC)
 * and a small JSON header (identity before `runs.json` overrides, stored aggregates, signatures,
 * provenance). An entry is named after the file's run id, the SHA-256 of its bytes and the
 * {@linkcode scorerKey}, so a changed input or scorer never reads a stale entry. Entries are
 * written atomically (temporary file, then rename); two processes writing the same entry write
 * the same bytes.
 * @module
 */
import pl from "nodejs-polars";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import type { RunResult } from "../results/run_result.ts";

/** What a cache entry's header holds: a run without its samples. */
export type CachedHeader = Omit<RunResult, "samples"> & { samples: number };

/** The paths of an entry. */
export function entryPaths(dir: string, name: string): { ipc: string; header: string } {
  return { ipc: join(dir, `${name}.ipc`), header: join(dir, `${name}.json`) };
}

/** Reads an entry, or returns null when it is missing or unreadable (it is then rebuilt). */
export async function readEntry(
  dir: string,
  name: string,
): Promise<{ header: CachedHeader; frame: pl.DataFrame } | null> {
  const paths = entryPaths(dir, name);
  try {
    const header = JSON.parse(await Deno.readTextFile(paths.header)) as CachedHeader;
    const bytes = await Deno.readFile(paths.ipc);
    const frame = pl.readIPC(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (frame.height !== header.samples) return null;
    return { header, frame };
  } catch {
    return null;
  }
}

/** Writes an entry: the frame first, the header last (a header means a complete entry). */
export async function writeEntry(
  dir: string,
  name: string,
  header: CachedHeader,
  frame: pl.DataFrame,
): Promise<void> {
  const paths = entryPaths(dir, name);
  await writeFileAtomic(paths.ipc, new Uint8Array(frame.writeIPC()));
  await writeFileAtomic(paths.header, JSON.stringify(header));
}
