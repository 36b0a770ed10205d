/**
 * How a report replaces its output folder without losing anything it did not write:
 * - {@linkcode resolveOutFolder}: a symbolic link named by `--out` is written through (the link's
 *   target gets the new report; the link stays a link).
 * - {@linkcode checkReplaceable}: the folder is replaced only when it holds nothing but what a
 *   report wrote, unchanged (its manifest lists each file with its SHA-256); otherwise the report
 *   refuses, naming the files.
 * - {@linkcode recoverInterruptedSwap}: a swap folder `.<out>.old` beside the output is put back or
 *   removed only when its manifest proves a report wrote it; otherwise the report refuses.
 * - {@linkcode swapOutput}: `out → .<out>.old`, `staging → out`, `.old` removed.
 * @module
 */
import { basename, dirname, join } from "node:path";
import { exists } from "../io/exists.ts";
import { displayPath } from "../io/paths.ts";
import { compareWithManifest, REPORT_MANIFEST } from "./report_manifest.ts";

/** Options for {@linkcode checkReplaceable}. */
export interface CheckReplaceableOptions {
  /**
   * Replace report files that were changed since the report wrote them (hand edits), instead of
   * refusing. Default: `false`.
   */
  overwriteEdits?: boolean;
  /** Notes (e.g. an old manifest without hashes). Default: `console.error`. */
  log?: (message: string) => void;
}

function some(files: readonly string[]): string {
  return files.slice(0, 5).join(", ") + (files.length > 5 ? ", …" : "");
}

/**
 * The folder a report writes for `--out`: `out` itself, or, when `out` is a symbolic link, the
 * real folder it points to (so that the target receives the report and the link is kept).
 * Throws when the link points nowhere.
 */
export async function resolveOutFolder(out: string): Promise<string> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.lstat(out);
  } catch {
    return out;
  }
  if (!info.isSymlink) return out;
  try {
    return await Deno.realPath(out);
  } catch {
    const target = await Deno.readLink(out).catch(() => "?");
    throw new Error(
      `Cannot write the report into "${out}" (--out): it is a symbolic link to "${target}", ` +
        `which does not exist or loops; create the target folder or choose another --out`,
    );
  }
}

/**
 * Refuses to replace `out` unless it is absent, empty, or holds only files a report wrote (those
 * its manifest lists), unchanged since (their SHA-256 match the manifest's). Throws naming up to
 * five files. A manifest without hashes (from an older report) is accepted as before, with a note.
 */
export async function checkReplaceable(
  out: string,
  options: CheckReplaceableOptions = {},
): Promise<void> {
  const { overwriteEdits = false, log = console.error } = options;
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(out);
  } catch {
    return;
  }
  if (!info.isDirectory) {
    throw new Error(`Cannot write the report into "${out}": it is a file, not a folder (--out)`);
  }
  const { manifest, foreign, edited } = await compareWithManifest(out);
  if (manifest === null) {
    if (foreign.length === 0) return;
    throw new Error(
      `Refusing to write the report into "${out}": the folder is not empty and was not written by a report ` +
        `(no ${REPORT_MANIFEST}); choose another --out`,
    );
  }
  if (foreign.length > 0) {
    throw new Error(
      `Refusing to replace "${out}": it holds ${foreign.length} file(s) no report wrote (${
        some(foreign)
      }); move them away or choose another --out`,
    );
  }
  if (manifest.sha256 === null) {
    log(
      `report: "${
        displayPath(out)
      }" was written by an older report whose manifest has no hashes; hand edits there cannot be detected this time and are replaced`,
    );
  }
  if (edited.length > 0) {
    if (!overwriteEdits) {
      throw new Error(
        `Refusing to replace "${out}": ${edited.length} file(s) changed since the report wrote them (${
          some(edited)
        }); copy your edits elsewhere, or pass --overwrite-edits to replace them`,
      );
    }
    log(
      `report: replacing ${edited.length} edited file(s) in "${displayPath(out)}" (${
        some(edited)
      })`,
    );
  }
}

/** The swap folder of `out`: `.<name>.old` beside it. */
export function swapFolder(out: string): string {
  return join(dirname(out), `.${basename(out)}.old`);
}

/** Throws unless `dir` is empty or holds exactly what a report wrote, unchanged. */
async function assertReportWrote(dir: string): Promise<void> {
  const { manifest, foreign, edited } = await compareWithManifest(dir);
  const problem = foreign.length > 0 && manifest === null
    ? `it has no ${REPORT_MANIFEST}`
    : foreign.length > 0
    ? `it holds file(s) no report wrote (${some(foreign)})`
    : edited.length > 0
    ? `file(s) differ from what the report wrote (${some(edited)})`
    : null;
  if (problem !== null) {
    throw new Error(
      `Refusing to touch "${dir}" beside the output folder: a report uses that name for the previous ` +
        `output while it swaps, but ${problem}, so a report did not leave it; move it away and rerun`,
    );
  }
}

/**
 * Puts back an output folder that a run killed during the final swap left as `.<out>.old`, or
 * removes the swap folder when the swap finished and only the cleanup was lost. Either only when
 * the folder's manifest proves a report wrote it; otherwise throws, naming it.
 */
export async function recoverInterruptedSwap(
  out: string,
  log: (message: string) => void = console.error,
): Promise<void> {
  const old = swapFolder(out);
  let info: Deno.FileInfo;
  try {
    info = await Deno.lstat(old);
  } catch {
    return;
  }
  if (!info.isDirectory) {
    throw new Error(
      `Refusing to touch "${old}" beside the output folder: a report uses that name while it swaps, ` +
        `but it is not a folder; move it away and rerun`,
    );
  }
  await assertReportWrote(old);
  if (!(await exists(out, { link: true }))) {
    await Deno.rename(old, out);
    log(`report: recovered "${displayPath(out)}" from an interrupted run (${basename(old)})`);
  } else {
    await Deno.remove(old, { recursive: true }); // the swap finished; only the cleanup was lost
  }
}

/** Moves the finished `staging` folder to `out`, replacing the previous output (checked before). */
export async function swapOutput(staging: string, out: string): Promise<void> {
  const old = swapFolder(out);
  if (await exists(out, { link: true })) await Deno.rename(out, old);
  await Deno.rename(staging, out);
  await Deno.remove(old, { recursive: true }).catch(() => {});
}

/** The file that marks a staging folder as a report's own while the report writes into it. */
export const STAGING_MARKER = ".workbench-staging";

/** The staging folder of the run with process id `pid` for `out`: `.<name>.partial-<pid>` beside it. */
export function stagingFolder(out: string, pid: number = Deno.pid): string {
  return join(dirname(out), `.${basename(out)}.partial-${pid}`);
}

/**
 * Removes `dir` when a report made it (it holds {@linkcode STAGING_MARKER}) or it is empty.
 * @returns whether it is gone.
 */
async function removeIfStaging(dir: string): Promise<boolean> {
  if (await exists(join(dir, STAGING_MARKER), { link: true })) {
    await Deno.remove(dir, { recursive: true });
    return true;
  }
  try {
    await Deno.remove(dir); // only an empty folder
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates this run's staging folder for `out`, marked as a report's own. A leftover of that name
 * is removed when a report made it or it is empty; anything else is refused, naming it.
 * @returns the staging folder.
 */
export async function createStaging(out: string): Promise<string> {
  const staging = stagingFolder(out);
  if (await exists(staging, { link: true }) && !(await removeIfStaging(staging))) {
    throw new Error(
      `Refusing to touch "${staging}" beside the output folder: a report stages its output under ` +
        `that name, but the folder holds files a report did not write; move it away and rerun`,
    );
  }
  await Deno.mkdir(staging, { recursive: true });
  await Deno.writeTextFile(
    join(staging, STAGING_MARKER),
    "A report is writing here; it becomes the output folder when the report finishes.\n",
  );
  return staging;
}

/** Unmarks a finished staging folder (just before its manifest is written and it is swapped in). */
export async function finishStaging(staging: string): Promise<void> {
  await Deno.remove(join(staging, STAGING_MARKER));
}

/**
 * Removes staging folders of earlier runs whose process is gone, when a report made them (they
 * hold {@linkcode STAGING_MARKER}) or they are empty; others are kept, with a note.
 */
export async function removeStaleStaging(
  out: string,
  log: (message: string) => void = console.error,
): Promise<void> {
  const prefix = `.${basename(out)}.partial-`;
  for await (const e of Deno.readDir(dirname(out))) {
    if (!e.isDirectory || !e.name.startsWith(prefix)) continue;
    const pid = Number(e.name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid === Deno.pid || await alive(pid)) continue;
    const dir = join(dirname(out), e.name);
    if (!(await removeIfStaging(dir))) {
      log(
        `report: kept "${
          displayPath(dir)
        }": it has the name of a report's staging folder but a report did not write it`,
      );
    }
  }
}

async function alive(pid: number): Promise<boolean> {
  try {
    await Deno.stat(`/proc/${pid}`);
    return true;
  } catch {
    return Deno.build.os !== "linux"; // without /proc, assume alive and keep the folder
  }
}
