/**
 * Loads every result file in a folder: runs (legacy or schema v1) and RAG ablations, with the
 * optional `runs.json` identity mapping applied.
 * @module
 */
import { join } from "node:path";
import { compareRuns, parseRunOverrides, type RunOverride } from "./run_identity.ts";
import { detectFormat, loadResultFile, readJson } from "./load_result_file.ts";
import { loadRagAblation, type RagAblation } from "./load_rag_ablation.ts";
import type { RunResult } from "./run_result.ts";

/** The name of the optional identity mapping file in a results folder. */
export const RUN_MAPPING_FILE = "runs.json";

/** Everything found in a results folder. */
export interface ResultSet {
  dir: string;
  runs: RunResult[];
  ragAblations: RagAblation[];
}

/**
 * Loads all `*.json` files of `dir` (not recursively; `runs.json` is the mapping). Runs are
 * ordered base, fine-tuned, baseline, external, then by family and size. Two files with the same
 * run id are an error. An empty folder is an error.
 */
export async function loadResults(dir: string): Promise<ResultSet> {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (error) {
    throw new Error(`Cannot read results folder "${dir}": ${(error as Error).message}`);
  }
  const files = entries.filter((e) => e.isFile && e.name.endsWith(".json")).map((e) => e.name)
    .sort();
  let overrides = new Map<string, RunOverride>();
  if (files.includes(RUN_MAPPING_FILE)) {
    const path = join(dir, RUN_MAPPING_FILE);
    overrides = parseRunOverrides(await Deno.readTextFile(path), path);
  }
  const runs: RunResult[] = [];
  const ragAblations: RagAblation[] = [];
  for (const name of files) {
    if (name === RUN_MAPPING_FILE) continue;
    const path = join(dir, name);
    const { data } = await readJson(path);
    if (detectFormat(data) === "rag-legacy") ragAblations.push(await loadRagAblation(path));
    else runs.push(await loadResultFile(path, { overrides }));
  }
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
