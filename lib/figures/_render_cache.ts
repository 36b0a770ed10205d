/**
 * Rendered figures kept on disk (`figures/` in the workbench's cache, beside the scored results),
 * so that a second report, or a notebook run again, does not draw an unchanged SVG again: PNG
 * rasterising and PDF drawing were most of a warm report's compute. An entry is named by the
 * SHA-256 of what is rendered (the kind, its options, the SVG text) and of the renderer's code
 * (every local module it imports and the lock file, which pins resvg, pdfkit and the fonts), so a
 * changed figure or renderer never reads a stale entry. A file holds the SHA-256 of its bytes on
 * its first line, checked on every read (a damaged entry is rendered again); entries are written
 * atomically, and a cache that cannot be written costs time, not the figure.
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { cacheDir } from "../io/cache_dir.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { sourceHash } from "../io/source_hash.ts";

const codeHashes = new Map<string, string>();

function codeHash(entry: string): string {
  let hash = codeHashes.get(entry);
  if (hash === undefined) {
    hash = sourceHash([entry], { root: REPO_ROOT });
    codeHashes.set(entry, hash);
  }
  return hash;
}

function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What to render and how, for {@linkcode cachedRender}. */
export interface RenderJob<T extends Uint8Array | Promise<Uint8Array>> {
  /** The kind of output, part of the entry's name (`"png"`, `"pdf"`). */
  kind: string;
  /** The renderer's module, relative to the repository root; its code is part of the key. */
  entry: string;
  /** Everything the output depends on besides the code (the SVG text and the options). */
  input: string;
  /** Renders the bytes. */
  render: () => T;
}

const HEX = /^[0-9a-f]{64}$/;

function read(file: string): Uint8Array | null {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(file);
  } catch {
    return null; // not rendered yet, or unreadable: render
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  const body = bytes.subarray(65);
  if (bytes[64] === 10 && HEX.test(head) && sha256Hex(body) === head) return body;
  console.error(`note: figure cache file "${file}" fails its checksum; rendering it again`);
  return null;
}

function write(file: string, body: Uint8Array): void {
  try {
    Deno.mkdirSync(join(file, ".."), { recursive: true });
    const tmp = `${file}.${crypto.randomUUID()}.tmp`;
    const head = new TextEncoder().encode(`${sha256Hex(body)}\n`);
    const bytes = new Uint8Array(head.length + body.length);
    bytes.set(head);
    bytes.set(body, head.length);
    Deno.writeFileSync(tmp, bytes);
    Deno.renameSync(tmp, file);
  } catch { /* a read-only cache only costs time */ }
}

function entryFile(job: RenderJob<Uint8Array | Promise<Uint8Array>>): string {
  const key = sha256Hex(`${job.kind}\0${codeHash(job.entry)}\0${job.input}`).slice(0, 32);
  return join(cacheDir("figures"), `${job.kind}-${key}.${job.kind}`);
}

/** `job.render()`, or the bytes an earlier render of the same input by the same code left. */
export function cachedRender(job: RenderJob<Uint8Array>): Uint8Array {
  const file = entryFile(job);
  const hit = read(file);
  if (hit) return hit;
  const bytes = job.render();
  write(file, bytes);
  return bytes;
}

/** {@linkcode cachedRender} for a renderer that returns a promise. */
export async function cachedRenderAsync(job: RenderJob<Promise<Uint8Array>>): Promise<Uint8Array> {
  const file = entryFile(job);
  const hit = read(file);
  if (hit) return hit;
  const bytes = await job.render();
  write(file, bytes);
  return bytes;
}
