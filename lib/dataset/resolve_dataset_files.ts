/**
 * Turns the `--data` paths into a list of dataset files with their split names.
 * @module
 */
import { basename, join } from "node:path";
import { displayPath, fromRoot } from "../io/paths.ts";

/** One dataset file and the split it holds. */
export interface DatasetFile {
  /** Split name: the file name without its extension (`train`, `validation`, `validation_subset`, ...). */
  split: string;
  /** Absolute or given path of the file. */
  path: string;
}

/** The files looked for in a dataset folder, in this order. */
export const SPLIT_FILES = ["train.jsonl", "validation.jsonl"] as const;

/**
 * Resolves dataset paths: a file is one split named after its stem, the name without its extension
 * (`a/validation_subset.jsonl` gives `validation_subset`); a folder contributes whichever of `train.jsonl` and
 * `validation.jsonl` it holds (at least one). Splits keep the order given. Two files with the
 * same split name are an error, since the report could not tell them apart.
 *
 * @param paths Files or folders.
 * @returns The files, each with its split.
 * @example
 * ```ts
 * import { resolveDatasetFiles } from "./resolve_dataset_files.ts";
 * import { fromRoot } from "../io/paths.ts";
 * import assert from "node:assert/strict";
 * const files = await resolveDatasetFiles([fromRoot("data/sample")]);
 * assert.deepEqual(files.map((f) => f.split), ["train", "validation"]);
 * ```
 */
export async function resolveDatasetFiles(paths: readonly string[]): Promise<DatasetFile[]> {
  paths = paths.map(fromRoot); // relative paths: to the repository root
  if (paths.length === 0) {
    throw new TypeError("No dataset given: pass at least one JSONL file or folder (--data)");
  }
  const files: DatasetFile[] = [];
  for (const path of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(path);
    } catch {
      throw new Error(`Dataset path "${displayPath(path)}" does not exist (--data)`);
    }
    if (info.isDirectory) {
      const found: DatasetFile[] = [];
      for (const name of SPLIT_FILES) {
        const file = join(path, name);
        if (await Deno.stat(file).then((s) => s.isFile, () => false)) {
          found.push({ split: name.replace(/\.jsonl$/, ""), path: file });
        }
      }
      if (found.length === 0) {
        throw new Error(
          `Dataset folder "${displayPath(path)}" holds neither ${
            SPLIT_FILES.join(" nor ")
          } (--data)`,
        );
      }
      files.push(...found);
    } else {
      const split = basename(path).replace(/\.[^.]*$/, "");
      if (split === "") {
        throw new TypeError(
          `Dataset file "${displayPath(path)}" needs a name to use as its split (--data)`,
        );
      }
      files.push({ split, path });
    }
  }
  const seen = new Map<string, string>();
  for (const f of files) {
    const other = seen.get(f.split);
    if (other !== undefined) {
      throw new TypeError(
        `Dataset files "${displayPath(other)}" and "${
          displayPath(f.path)
        }" both give split "${f.split}"; rename one`,
      );
    }
    seen.set(f.split, f.path);
  }
  return files;
}
