/**
 * The by-hand output folder of a notebook, prepared once per kernel: a new or empty folder, or
 * one a notebook wrote before (it holds {@linkcode OWN_MARKER}), whose old files are removed so
 * that two runs never mix. Any other non-empty folder is refused: nothing the workbench did not
 * write is deleted. {@linkcode ReportSection} and `save()` share the claim, so either may write
 * first.
 * @module
 */
import { join, resolve } from "node:path";

/** The file in a by-hand output folder that marks it as the workbench's own. */
export const OWN_MARKER = ".workbench-section";

const claims = new Map<string, Promise<void>>();

/** Options for {@linkcode claimFolder}. */
export interface ClaimFolderOptions {
  /**
   * Empty the folder again even if this kernel claimed it before (a section built anew, as when
   * a notebook is re-run top to bottom). When `false`, an earlier claim is reused. Default: `false`.
   */
  fresh?: boolean;
}

/** Prepares `out` for this kernel's writes; resolves when the folder is ready. */
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

async function claimNow(out: string): Promise<void> {
  const entries = await Array.fromAsync(Deno.readDir(out)).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  });
  if (entries.length > 0 && !entries.some((e) => e.name === OWN_MARKER)) {
    throw new Error(
      `Refusing to write into "${out}": it is not empty and was not written by a notebook (no ${OWN_MARKER} file); set "out" in the parameters cell to a new folder`,
    );
  }
  for (const e of entries) await Deno.remove(join(out, e.name), { recursive: true });
  await Deno.mkdir(out, { recursive: true });
  await Deno.writeTextFile(
    join(out, OWN_MARKER),
    "Written by a workbench notebook opened by hand; replaced on its next run.\n",
  );
}
