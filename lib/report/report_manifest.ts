/**
 * The manifest a report leaves in its output folder (`.workbench-report.json`): the files it
 * wrote and the SHA-256 of each. It is what lets a later report prove that a folder (the output
 * folder, or a swap folder left beside it) holds only what a report wrote, unchanged.
 *
 * Format, version 2: `{ "format": "workbench-report", "version": 2, "files": [...],
 * "sha256": { "<file>": "<hex>" } }`. Version 1 (older reports) has `files` only; it is still
 * read, and {@linkcode ReportManifest.sha256} is then `null`.
 * @module
 */
import { join, relative } from "node:path";
import { sha256File } from "../io/sha256.ts";
import { writeFileAtomic } from "../io/atomic_write.ts";

/** The manifest's file name, inside the output folder. */
export const REPORT_MANIFEST = ".workbench-report.json";

/** A manifest as read back. */
export interface ReportManifest {
  /** Files the report wrote, relative to the folder, `/`-separated, sorted. */
  files: string[];
  /** SHA-256 per file; `null` for a version-1 manifest (written before hashes were recorded). */
  sha256: Record<string, string> | null;
}

/** Every file under `dir` (recursively), relative, `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string) {
    for await (const e of Deno.readDir(d)) {
      const p = join(d, e.name);
      if (e.isDirectory) await walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  }
  await walk(dir);
  return out.sort();
}

/**
 * Writes the manifest of `dir`: every file in it, with its SHA-256.
 * @returns the manifest written.
 *
 * @example
 * ```ts
 * import { readReportManifest, writeReportManifest } from "./report_manifest.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/report.md`, "abc");
 * await writeReportManifest(dir);
 * assert.deepEqual(await readReportManifest(dir), {
 *   files: ["report.md"],
 *   sha256: { "report.md": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
 * });
 * ```
 */
export async function writeReportManifest(dir: string): Promise<ReportManifest> {
  const files = (await listFiles(dir)).filter((f) => f !== REPORT_MANIFEST);
  const sha256: Record<string, string> = {};
  for (const f of files) sha256[f] = await sha256File(join(dir, f));
  await writeFileAtomic(
    join(dir, REPORT_MANIFEST),
    JSON.stringify({ format: "workbench-report", version: 2, files, sha256 }, null, 1) + "\n",
  );
  return { files, sha256 };
}

/**
 * Reads the manifest of `dir`.
 * @returns the manifest, or `null` when there is none or it is not a report manifest.
 */
export async function readReportManifest(dir: string): Promise<ReportManifest | null> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await Deno.readTextFile(join(dir, REPORT_MANIFEST)));
  } catch {
    return null;
  }
  if (typeof manifest !== "object" || manifest === null) return null;
  const { files, sha256 } = manifest as { files?: unknown; sha256?: unknown };
  if (!Array.isArray(files) || !files.every((f) => typeof f === "string")) return null;
  const hashes = typeof sha256 === "object" && sha256 !== null && !Array.isArray(sha256)
    ? sha256 as Record<string, string>
    : null;
  return { files: [...files].sort(), sha256: hashes };
}

/** What {@linkcode compareWithManifest} found in a folder. */
export interface ManifestComparison {
  /** The folder's manifest, or `null` when it has none. */
  manifest: ReportManifest | null;
  /** Files present that the manifest does not list. */
  foreign: string[];
  /** Files the manifest lists whose content differs from what the report wrote. */
  edited: string[];
}

/**
 * Compares the files of `dir` with its manifest: which files a report did not write, and which
 * it wrote but were changed since (only for a manifest with hashes).
 */
export async function compareWithManifest(dir: string): Promise<ManifestComparison> {
  const files = (await listFiles(dir)).filter((f) => f !== REPORT_MANIFEST);
  const manifest = await readReportManifest(dir);
  if (manifest === null) return { manifest, foreign: files, edited: [] };
  const listed = new Set(manifest.files);
  const foreign = files.filter((f) => !listed.has(f));
  const edited: string[] = [];
  if (manifest.sha256 !== null) {
    for (const f of files) {
      if (!listed.has(f)) continue;
      const want = manifest.sha256[f];
      if (want === undefined || want !== await sha256File(join(dir, f))) edited.push(f);
    }
  }
  return { manifest, foreign, edited };
}
