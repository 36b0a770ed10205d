/**
 * Loads every result file in a folder: runs (legacy or schema v1) and RAG ablations, with the
 * optional `runs.json` identity mapping applied.
 * @module
 */
import { join } from "node:path";
import { compareRuns, parseRunOverrides, type RunOverride } from "./run_identity.ts";
import { detectFormat, parseResultData, readJson } from "./load_result_file.ts";
import { parseRagAblation, type RagAblation } from "./load_rag_ablation.ts";
import { sha256Hex } from "../io/sha256.ts";
import type { RunResult } from "./run_result.ts";
import { fromRoot } from "../io/paths.ts";

/** The name of the optional identity mapping file in a results folder. */
export const RUN_MAPPING_FILE = "runs.json";

/** Everything found in a results folder. */
export interface ResultSet {
  dir: string;
  runs: RunResult[];
  ragAblations: RagAblation[];
}

/** Whether a folder entry is a result file: a `.json` name in any case (`.JSON` too). */
export function isResultFileName(name: string): boolean {
  return /\.json$/i.test(name) && name !== RUN_MAPPING_FILE && !name.startsWith(".");
}

/**
 * The result files of a folder, sorted by name: regular files and symbolic links to files whose
 * name ends in `.json` (any case). A link that points nowhere is an error naming it.
 */
export async function listResultFiles(dir: string): Promise<string[]> {
  dir = fromRoot(dir); // relative paths: to the repository root
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (error) {
    throw new Error(`Cannot read results folder "${dir}": ${(error as Error).message}`);
  }
  const files: string[] = [];
  for (const e of entries) {
    if (!isResultFileName(e.name)) continue;
    if (e.isSymlink) {
      const target = await Deno.stat(join(dir, e.name)).catch(() => null);
      if (target === null) {
        throw new Error(
          `Cannot load results: "${
            join(dir, e.name)
          }" is a symbolic link to a file that does not exist`,
        );
      }
      if (!target.isFile) continue;
    } else if (!e.isFile) continue;
    files.push(e.name);
  }
  return files.sort();
}

/** A result document read once: parsed JSON and the SHA-256 of its bytes. */
export interface ParsedFile {
  path: string;
  sha256: string;
  data: unknown;
}

/**
 * Loads all result files of `dir` (not recursively; see {@linkcode listResultFiles};
 * `runs.json` is the mapping), parsing each file once. Runs are ordered base, fine-tuned,
 * baseline, external, then by family and size. Two files with the same run id are an error. An
 * empty folder is an error.
 */
export async function loadResults(dir: string): Promise<ResultSet> {
  dir = fromRoot(dir); // relative paths: to the repository root
  const overrides = await readRunOverrides(dir);
  const runs: RunResult[] = [];
  const ragAblations: RagAblation[] = [];
  for (const name of await listResultFiles(dir)) {
    const path = join(dir, name);
    const { data, bytes } = await readJson(path);
    const origin = { path, sha256: await sha256Hex(bytes) };
    if (detectFormat(data) === "rag-legacy") ragAblations.push(parseRagAblation(data, origin));
    else runs.push(parseResultData(data, origin, { overrides }));
  }
  return finishResultSet(dir, runs, ragAblations, overrides);
}

/** The identity overrides of `dir/runs.json`, or none. */
export async function readRunOverrides(dir: string): Promise<Map<string, RunOverride>> {
  dir = fromRoot(dir); // relative paths: to the repository root
  const path = join(dir, RUN_MAPPING_FILE);
  const text = await Deno.readTextFile(path).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return null;
    throw new Error(`Cannot read run mapping "${path}": ${(error as Error).message}`);
  });
  return text === null ? new Map() : parseRunOverrides(text, path);
}

/**
 * Checks and orders what was loaded from `dir`: an empty folder, duplicate run ids and overrides
 * naming no run are errors.
 */
export function finishResultSet(
  dir: string,
  runs: RunResult[],
  ragAblations: RagAblation[],
  overrides: Map<string, RunOverride>,
): ResultSet {
  if (runs.length === 0 && ragAblations.length === 0) {
    throw new Error(`Cannot load results: folder "${dir}" has no result files (*.json)`);
  }
  const seen = new Map<string, string>();
  for (const r of runs) {
    const other = seen.get(r.run.id);
    if (other) {
      throw new TypeError(
        `Cannot load results: run id "${r.run.id}" appears in both "${other}" and "${r.source.path}"`,
      );
    }
    seen.set(r.run.id, r.source.path);
  }
  for (const id of overrides.keys()) {
    if (!seen.has(id) && !ragAblations.some((a) => a.id === id)) {
      throw new TypeError(
        `Cannot load run mapping "${
          join(dir, RUN_MAPPING_FILE)
        }": run "${id}" has no result file in "${dir}"`,
      );
    }
  }
  runs.sort((a, b) => compareRuns(a.run, b.run));
  return { dir, runs, ragAblations };
}
