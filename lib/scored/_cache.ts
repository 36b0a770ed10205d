/**
 * The on-disk cache of scored runs: for each input file, the scored per-sample frame as two Arrow
 * IPC files (the long text columns, {@linkcode TEXT_COLUMNS}, apart from the rest, so that an
 * analysis without them never reads them) and a small JSON header (identity before `runs.json` overrides, stored aggregates, signatures,
 * provenance). An entry is named after the file's run id, the SHA-256 of its bytes and the
 * {@linkcode scorerKey}, so a changed input or scorer never reads a stale entry. Entries are
 * written atomically (temporary file, then rename); two processes writing the same entry write
 * the same bytes.
 * @module
 */
import pl from "nodejs-polars";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import type { RunResult } from "../results/run_result.ts";
import { TEXT_COLUMNS } from "./run_samples_frame.ts";

/** What a cache entry's header holds: a run without its samples. */
export type CachedHeader = Omit<RunResult, "samples"> & { samples: number };

/** The paths of an entry. */
export function entryPaths(
  dir: string,
  name: string,
): { ipc: string; text: string; header: string } {
  return {
    ipc: join(dir, `${name}.ipc`),
    text: join(dir, `${name}.text.ipc`),
    header: join(dir, `${name}.json`),
  };
}

/**
 * Reads an entry, with its text columns or without (`text: false`), or returns null when it is
 * missing or unreadable (it is then rebuilt).
 */
export async function readEntry(
  dir: string,
  name: string,
  options: { text?: boolean } = {},
): Promise<{ header: CachedHeader; frame: pl.DataFrame } | null> {
  const { text = true } = options;
  const paths = entryPaths(dir, name);
  try {
    const header = JSON.parse(await Deno.readTextFile(paths.header)) as CachedHeader;
    let frame = pl.readIPC(paths.ipc);
    if (frame.height !== header.samples) return null;
    if (text && header.samples > 0) {
      const texts = pl.readIPC(paths.text);
      if (texts.height !== header.samples) return null;
      frame = pl.DataFrame([...frame.getColumns(), ...texts.getColumns()]);
    }
    return { header, frame };
  } catch {
    return null;
  }
}

/** Writes an entry: the frame's two files first, the header last (a header means a complete entry). */
export async function writeEntry(
  dir: string,
  name: string,
  header: CachedHeader,
  frame: pl.DataFrame,
): Promise<void> {
  const paths = entryPaths(dir, name);
  const texts: string[] = TEXT_COLUMNS.filter((c) => frame.columns.includes(c));
  if (texts.length) {
    await writeFileAtomic(paths.text, new Uint8Array(frame.select(...texts).writeIPC()));
  }
  const rest = frame.columns.filter((c) => !texts.includes(c));
  const main = texts.length ? frame.select(...rest) : frame;
  await writeFileAtomic(paths.ipc, new Uint8Array(main.writeIPC()));
  await writeFileAtomic(paths.header, JSON.stringify(header));
}
