/**
 * The on-disk cache of scored runs: for each input file, the scored per-sample frame as two Arrow
 * IPC files (the long text columns, {@linkcode TEXT_COLUMNS}, apart from the rest, so that an
 * analysis without them never reads them) and a small JSON header (identity before `runs.json` overrides, stored aggregates, signatures,
 * provenance). An entry is named by a hash of the file's run id, the SHA-256 of its bytes and the
 * `scorerKey`, so a changed input or scorer never reads a stale entry and a long file name never
 * makes a name too long. Each file's SHA-256 is recorded in the header, and checked on every
 * read: a damaged entry is rebuilt, never read as other values. The frame read is checked against
 * the declared columns (`FRAME_COLUMNS`: names, types, nullability): an entry written in another
 * layout is rebuilt too. Entries are written atomically
 * (temporary file, then rename); two processes writing the same entry write the same bytes.
 * @module
 */
import pl from "nodejs-polars";
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import type { RunResult } from "../results/run_result.ts";
import { TEXT_COLUMNS } from "./frame_columns.ts";
import { checkFrameLayout } from "./check_frame_layout.ts";

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
 * What {@linkcode readEntry} finds: an entry, a damaged one (named), one in another layout than
 * the declared columns (named, with the difference), or none.
 */
export type EntryRead =
  | { header: CachedHeader; frame: pl.DataFrame }
  | { corrupt: string }
  | { stale: string; why: string }
  | null;

/** The header file: the SHA-256 of the body on the first line, then the body. */
interface HeaderBody {
  /** SHA-256 of the bytes of the main IPC file. */
  ipc: string;
  /** SHA-256 of the bytes of the text IPC file, `null` when there is none. */
  text: string | null;
  header: CachedHeader;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function readChecked(path: string, expected: string): Promise<pl.DataFrame | null> {
  const bytes = await Deno.readFile(path);
  if (sha256(bytes) !== expected) return null;
  return pl.readIPC(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/**
 * Reads an entry, with its text columns or without (`text: false`). Every file read is checked
 * against the SHA-256 recorded when it was written, and the frame against the declared columns.
 * Returns null when the entry is missing or unreadable, `{ corrupt }` naming the first damaged
 * file when a checksum does not match, and `{ stale, why }` when the frame's columns are not the
 * declared ones (the entry is then rebuilt in every case).
 */
export async function readEntry(
  dir: string,
  name: string,
  options: { text?: boolean } = {},
): Promise<EntryRead> {
  const { text = true } = options;
  const paths = entryPaths(dir, name);
  let raw: string;
  try {
    raw = await Deno.readTextFile(paths.header);
  } catch {
    return null;
  }
  try {
    const cut = raw.indexOf("\n");
    if (cut < 0 || sha256(raw.slice(cut + 1)) !== raw.slice(0, cut)) {
      return { corrupt: paths.header };
    }
    const body = JSON.parse(raw.slice(cut + 1)) as HeaderBody;
    const header = body.header;
    let frame = await readChecked(paths.ipc, body.ipc);
    if (frame === null) return { corrupt: paths.ipc };
    if (frame.height !== header.samples) return null;
    if (text && header.samples > 0) {
      if (body.text === null) return null;
      const texts = await readChecked(paths.text, body.text);
      if (texts === null) return { corrupt: paths.text };
      if (texts.height !== header.samples) return null;
      frame = pl.DataFrame([...frame.getColumns(), ...texts.getColumns()]);
    }
    if (header.samples > 0) {
      try {
        checkFrameLayout(frame, { text });
      } catch (error) {
        return { stale: paths.ipc, why: (error as Error).message };
      }
    }
    return { header, frame };
  } catch {
    return null;
  }
}

/**
 * Writes an entry: the frame's two files first, the header last (a header means a complete
 * entry), with the SHA-256 of each file's bytes in the header and of the header's body on its
 * first line.
 */
export async function writeEntry(
  dir: string,
  name: string,
  header: CachedHeader,
  frame: pl.DataFrame,
): Promise<void> {
  const paths = entryPaths(dir, name);
  const texts: string[] = TEXT_COLUMNS.filter((c) => frame.columns.includes(c));
  let textSum: string | null = null;
  if (texts.length) {
    const bytes = new Uint8Array(frame.select(...texts).writeIPC());
    textSum = sha256(bytes);
    await writeFileAtomic(paths.text, bytes);
  }
  const rest = frame.columns.filter((c) => !texts.includes(c));
  const main = new Uint8Array((texts.length ? frame.select(...rest) : frame).writeIPC());
  await writeFileAtomic(paths.ipc, main);
  const body = JSON.stringify({ ipc: sha256(main), text: textSum, header } satisfies HeaderBody);
  await writeFileAtomic(paths.header, `${sha256(body)}\n${body}`);
}

const warned = new Set<string>();

/**
 * Says once per process, on stderr, that the cache at `dir` cannot be used and why; the caller
 * goes on without it (cache trouble only costs time).
 */
export function warnCacheUnusable(dir: string, error: unknown): void {
  if (warned.has(dir)) return;
  warned.add(dir);
  const why = error instanceof Error ? error.message : String(error);
  console.error(
    `warning: cannot write the scored-results cache "${dir}" (${why}); going on without caching (set WORKBENCH_CACHE_DIR or use --no-cache)`,
  );
}
