/**
 * The by-hand output folder of a notebook, prepared once per kernel: a new or empty folder, or
 * one a notebook wrote before. The folder's marker file ({@linkcode OWN_MARKER}) lists every file
 * the workbench wrote there ({@linkcode recordWritten}); a new run removes exactly those, so that
 * two runs never mix, and refuses, naming them, when the folder holds anything else (a note of
 * yours, a file copied in): nothing the workbench did not write is deleted.
 * {@linkcode ReportSection} and `save()` share the claim, so either may write first.
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";

/** The file in a by-hand output folder that marks it as the workbench's own and lists its files. */
export const OWN_MARKER = ".workbench-section";

/** The marker's first line; the files written follow, one relative path a line. */
const HEADER = "workbench by-hand output folder, files written (v2):";

const claims = new Map<string, Promise<void>>();

/** Options for {@linkcode claimFolder}. */
export interface ClaimFolderOptions {
  /**
   * Empty the folder again even if this kernel claimed it before (a section built anew, as when
   * a notebook is re-run top to bottom). When `false`, an earlier claim is reused. Default: `false`.
   */
  fresh?: boolean;
}

/**
 * Prepares `out` for this kernel's writes; resolves when the folder is ready.
 *
 * @throws Error naming the folder and the files when it holds files the workbench did not write
 *   (or a marker of an older version, which does not say which files are its own).
 *
 * @example
 * ```ts
 * import { claimFolder, recordWritten } from "./claim_folder.ts";
 * import assert from "node:assert/strict";
 * const out = await Deno.makeTempDir();
 * await claimFolder(out);
 * await Deno.writeTextFile(`${out}/fig.svg`, "<svg/>");
 * await recordWritten(out, [`${out}/fig.svg`]);
 * await claimFolder(out, { fresh: true }); // a re-run removes what it wrote
 * assert.equal(await Deno.stat(`${out}/fig.svg`).catch(() => null), null);
 * await Deno.writeTextFile(`${out}/my_notes.txt`, "mine");
 * await assert.rejects(claimFolder(out, { fresh: true }), /my_notes\.txt/);
 * assert.equal(await Deno.readTextFile(`${out}/my_notes.txt`), "mine");
 * ```
 */
export function claimFolder(out: string, options: ClaimFolderOptions = {}): Promise<void> {
  const key = resolve(out);
  let claim = options.fresh ? undefined : claims.get(key);
  if (!claim) {
    claim = claimNow(key);
    claims.set(key, claim);
    claim.catch(() => claims.delete(key));
  }
  return claim;
}

/**
 * Adds `files` (absolute, or relative to `out`) to the list of files the workbench wrote into the
 * claimed folder `out`, so that the next run may remove them.
 */
export async function recordWritten(out: string, files: readonly string[]): Promise<void> {
  const root = resolve(out);
  const lines = files.map((f) => relative(root, resolve(root, f)).split("\\").join("/"));
  await Deno.writeTextFile(join(root, OWN_MARKER), lines.map((l) => `${l}\n`).join(""), {
    append: true,
  });
}

/** Every file under `dir`, relative to it, `/`-separated, sorted. */
async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...await filesUnder(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

async function claimNow(out: string): Promise<void> {
  const present = await filesUnder(out).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return [] as string[];
    throw error;
  });
  const refuse = (why: string, names: string[]) =>
    new Error(
      `Refusing to write into "${out}": ${why}${
        names.length
          ? ` (${names.slice(0, 5).join(", ")}${
            names.length > 5 ? `, … ${names.length} in all` : ""
          })`
          : ""
      }; move them elsewhere or set "out" in the parameters cell to a new folder`,
    );
  if (present.length > 0) {
    if (!present.includes(OWN_MARKER)) {
      throw refuse("it is not empty and was not written by a notebook", present);
    }
    const marker = (await Deno.readTextFile(join(out, OWN_MARKER))).split("\n");
    if (marker[0] !== HEADER) {
      throw refuse(
        `it was written by an older version, whose ${OWN_MARKER} does not list its files, so they cannot be told from yours`,
        [],
      );
    }
    const own = new Set(marker.slice(1).filter((l) => l !== ""));
    const foreign = present.filter((f) => f !== OWN_MARKER && !own.has(f));
    if (foreign.length) throw refuse("it holds files no notebook wrote", foreign);
    for (const f of present) {
      if (f !== OWN_MARKER) await Deno.remove(join(out, f));
    }
    // Remove the folders the workbench's files leave empty (e.g. tables/), deepest first.
    const dirs = [...new Set(present.map((f) => dirname(f)).filter((d) => d !== "."))]
      .sort((a, b) => b.length - a.length);
    for (const d of dirs) await Deno.remove(join(out, d)).catch(() => {});
  }
  await Deno.mkdir(out, { recursive: true });
  await Deno.writeTextFile(join(out, OWN_MARKER), `${HEADER}\n`);
}
