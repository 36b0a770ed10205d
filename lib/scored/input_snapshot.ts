/**
 * One version of each input per report: the result folders a report reads are copied once, at its
 * start, into its staging folder, and every later load of those folders (the report's own, each
 * notebook's) reads the copy, while naming the files by their real paths. A file replaced while
 * the report runs therefore changes nothing in it: every section sees the bytes of the start.
 *
 * The copies are named to the loaders by an environment variable ({@linkcode INPUT_SNAPSHOT_ENV},
 * set by the report for its notebooks), so that notebook code keeps calling
 * `loadScored(params.results)`.
 * @module
 */
import { join, resolve } from "node:path";
import { listResultFiles, RUN_MAPPING_FILE } from "../results/load_results.ts";

/** The environment variable holding the snapshot (JSON: real folder → its copy). */
export const INPUT_SNAPSHOT_ENV = "WORKBENCH_INPUT_SNAPSHOT";

/** Real folders (absolute) and the folders holding their copies. */
export type InputSnapshot = Record<string, string>;

/**
 * Copies the result files of each of `dirs` (those `loadScored` reads, and `runs.json`) into a
 * folder of its own under `into`.
 * @returns the snapshot, to pass to loaders (`snapshot` option) or, as JSON, in
 * {@linkcode INPUT_SNAPSHOT_ENV}.
 * @throws Error naming the file when one cannot be read.
 */
export async function snapshotInputs(
  dirs: readonly string[],
  into: string,
): Promise<InputSnapshot> {
  const snapshot: InputSnapshot = {};
  for (const [i, dir] of dirs.entries()) {
    const copy = join(into, String(i));
    await Deno.mkdir(copy, { recursive: true });
    const names = await listResultFiles(dir);
    const hasMapping = await Deno.stat(join(dir, RUN_MAPPING_FILE)).then(
      (s) => s.isFile,
      () => false,
    );
    for (const name of hasMapping ? [...names, RUN_MAPPING_FILE] : names) {
      await Deno.copyFile(join(dir, name), join(copy, name)).catch((error) => {
        throw new Error(
          `Cannot read result file "${join(dir, name)}": ${(error as Error).message}`,
        );
      });
    }
    snapshot[resolve(dir)] = copy;
  }
  return snapshot;
}

/** The result folders of a report's parameters: `results`, and `published` when it is a folder. */
export async function snapshotDirs(
  params: { results: string; published: string | null },
): Promise<string[]> {
  const published = params.published === null
    ? false
    : await Deno.stat(params.published).then((s) => s.isDirectory, () => false);
  return published ? [params.results, params.published!] : [params.results];
}

/** The snapshot named by {@linkcode INPUT_SNAPSHOT_ENV}, or none. */
export function snapshotFromEnv(): InputSnapshot {
  const text = Deno.env.get(INPUT_SNAPSHOT_ENV);
  if (!text) return {};
  try {
    return JSON.parse(text) as InputSnapshot;
  } catch {
    throw new SyntaxError(`${INPUT_SNAPSHOT_ENV} is not valid JSON`);
  }
}

/** The folder the files of `dir` are read from: its copy in `snapshot`, else `dir` itself. */
export function readFolderOf(dir: string, snapshot: InputSnapshot): string {
  return snapshot[resolve(dir)] ?? dir;
}
