/**
 * The notebooks of the report, declared by the notebooks themselves: a notebook under
 * `notebooks/` is a report section when its metadata says so,
 *
 * ```json
 * "metadata": { "workbench": { "section": true, "start_early": 2 }, ... }
 * ```
 *
 * Sections appear in `report.md` in file-name order (`00_findings`, `10_dataset`, ...), and a
 * section's id is its file stem. `start_early` (optional) marks the slowest sections, started
 * first so that the parallel run ends sooner: 1 the slowest. Notebooks that drive GPU work
 * (training, generation) and the starter `99_explore` are not sections: they are run by hand.
 * @module
 */
import { basename, join } from "node:path";
import { displayPath, fromRoot } from "../io/paths.ts";

/** One notebook under `notebooks/`, as its metadata declares it. */
export interface ReportNotebook {
  /** File name, e.g. `20_scaling.ipynb`. */
  file: string;
  /** The file stem, e.g. `20_scaling`: the section's id. */
  id: string;
  /** Whether `deno task report` runs it as a section of the report. */
  section: boolean;
  /** Its place among the sections started first (1: the slowest), or `null`. */
  startEarly: number | null;
}

const KEYS = ["section", "start_early"];

/**
 * What a notebook's `metadata.workbench` declares, checked.
 *
 * @param where The notebook, for errors.
 * @throws {TypeError} naming the notebook and the expectation, for anything else.
 * @example
 * ```ts
 * import { notebookDeclaration } from "./report_notebooks.ts";
 * import assert from "node:assert/strict";
 * const nb = { metadata: { workbench: { section: true, start_early: 1 } } };
 * assert.deepEqual(notebookDeclaration(nb, "notebooks/30_paired.ipynb"), {
 *   file: "30_paired.ipynb", id: "30_paired", section: true, startEarly: 1,
 * });
 * assert.equal(notebookDeclaration({ metadata: {} }, "notebooks/99_explore.ipynb").section, false);
 * assert.throws(() => notebookDeclaration({ metadata: { workbench: { sections: true } } }, "x.ipynb"),
 *   /x.ipynb: metadata.workbench has an unknown key "sections"/);
 * ```
 */
export function notebookDeclaration(notebook: unknown, where: string): ReportNotebook {
  const file = basename(where);
  const id = basename(file, ".ipynb");
  const metadata = (notebook as { metadata?: unknown } | null)?.metadata;
  if (typeof metadata !== "object" || metadata === null) {
    throw new TypeError(`${where}: expected a notebook with metadata`);
  }
  const w = (metadata as { workbench?: unknown }).workbench;
  if (w === undefined) return { file, id, section: false, startEarly: null };
  if (typeof w !== "object" || w === null || Array.isArray(w)) {
    throw new TypeError(`${where}: metadata.workbench must be an object`);
  }
  for (const key of Object.keys(w)) {
    if (!KEYS.includes(key)) {
      throw new TypeError(
        `${where}: metadata.workbench has an unknown key "${key}"; known: ${KEYS.join(", ")}`,
      );
    }
  }
  const { section = false, start_early = null } = w as Record<string, unknown>;
  if (typeof section !== "boolean") {
    throw new TypeError(`${where}: metadata.workbench.section must be true or false`);
  }
  if (start_early !== null && !(Number.isInteger(start_early) && (start_early as number) > 0)) {
    throw new TypeError(`${where}: metadata.workbench.start_early must be a positive integer`);
  }
  if (!/^[0-9]{2}_[a-z0-9_]+$/.test(id) && section) {
    throw new TypeError(`${where}: a section's file name must look like "20_scaling.ipynb"`);
  }
  return { file, id, section, startEarly: start_early as number | null };
}

/**
 * Every notebook in `dir`, in file-name order, with what its metadata declares; the report's
 * sections are those with `section` set.
 *
 * @param dir Default: the repository's `notebooks/`.
 */
export async function readNotebooks(
  dir: string = fromRoot("notebooks"),
): Promise<ReportNotebook[]> {
  const files = (await Array.fromAsync(Deno.readDir(dir)))
    .filter((e) => e.isFile && e.name.endsWith(".ipynb")).map((e) => e.name).sort();
  const out: ReportNotebook[] = [];
  for (const file of files) {
    const where = displayPath(join(dir, file));
    let notebook: unknown;
    try {
      notebook = JSON.parse(await Deno.readTextFile(where));
    } catch (error) {
      throw new SyntaxError(`Cannot read notebook "${where}": ${(error as Error).message}`);
    }
    out.push(notebookDeclaration(notebook, where));
  }
  return out;
}

/**
 * The file names of the report's sections in `dir`, in report order.
 *
 * @param dir Default: the repository's `notebooks/`.
 */
export async function reportNotebooks(dir?: string): Promise<string[]> {
  return (await readNotebooks(dir)).filter((n) => n.section).map((n) => n.file);
}
