/**
 * Runs the report: scores the results once (warming the scored-results cache), executes the
 * analysis notebooks headless in the Deno kernel, assembles `report.md` from their sections, and
 * moves the finished output into place.
 *
 * Safety, in order:
 * - One report at a time per output folder: a lock file named by the folder's real path in the
 *   system's temporary folder (nothing beside your folder); a second run waits for the first.
 * - Everything is written to a staging folder of this run (`.<out>.partial-<pid>`, marked as a
 *   report's own while it is written) first, so a failed or interrupted run leaves the previous
 *   output untouched and no half-written report. Staging folders of dead runs are removed only
 *   when marked (or empty).
 * - The output folder is replaced only if everything in it was written by a report, unchanged:
 *   each report leaves a manifest (`.workbench-report.json`) listing its files with their SHA-256,
 *   and a folder holding anything else (your draft, your inputs) or a report file edited by hand
 *   is refused, naming the files (`--overwrite-edits` replaces edited report files).
 * - A symbolic link given as `--out` is written through: its target gets the report.
 * - The swap is `out → .<out>.old`, `staging → out`, then `.old` removed; a run killed between
 *   the two renames leaves `.<out>.old`, which the next run puts back (or removes) before doing
 *   anything, but only when its manifest proves a report wrote it. See `replace_output.ts`.
 * - One version of each input: the result folders (`--results`, `--published`) are copied into
 *   the staging folder once, and every section reads the copy (see `input_snapshot.ts`).
 * - Kernels and scorers end on every exit path: the notebooks run in child Pythons (one kernel
 *   each, for notebook after notebook: lib/notebook/notebook_worker.ts) that shut their kernel
 *   down when stopped (SIGTERM, SIGINT or SIGHUP) or when this process dies; on
 *   those signals the runner stops its children and waits for them before exiting. Linux also
 *   kills each runner, kernel and cache-warming scorer when its parent dies, even by SIGKILL
 *   (`PR_SET_PDEATHSIG`: lib/process/die_with_parent.ts, lib/notebook/_kernel_launcher.py).
 * @module
 */
import { basename, dirname, join } from "node:path";
import { lockFolder } from "../io/lock_folder.ts";
import { NotebookError } from "../notebook/execute_notebook.ts";
import { type NotebookWorker, startNotebookWorker } from "../notebook/notebook_worker.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { PARAMS_ENV, type ReportParams } from "./params.ts";
import { reportCommand } from "./report_command.ts";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { loadScored, scoredCacheDir } from "../scored/load_scored.ts";
import { checkCacheDir } from "../scored/check_cache_dir.ts";
import { warmScoredCache } from "../scored/warm_scored_cache.ts";
import { readNotebooks } from "./report_notebooks.ts";
import { exists } from "../io/exists.ts";
import { FAILED_MARKER, FAILED_PREFIX, removeOldLeftovers } from "./remove_old_leftovers.ts";
import { checkOutPath, checkResultsPath } from "./check_out_path.ts";
import {
  INPUT_SNAPSHOT_ENV,
  readFolderOf,
  snapshotDirs,
  snapshotInputs,
} from "../scored/input_snapshot.ts";
import { writePaper } from "../paper/write_paper.ts";
import { markdownCode } from "../escape/markdown_code.ts";
import { REPORT_MANIFEST, writeReportManifest } from "./report_manifest.ts";
import {
  checkReplaceable,
  createStaging,
  finishStaging,
  recoverInterruptedSwap,
  removeStaleStaging,
  resolveOutFolder,
  stagingFolder,
  swapOutput,
} from "./replace_output.ts";

/** Options for {@linkcode runReport}. */
export interface RunReportOptions {
  /**
   * Notebook file names in `notebookDir`, in order. Default: those whose metadata declares them
   * report sections, in file-name order (see `report_notebooks.ts`).
   */
  notebooks?: readonly string[];
  /** Folder holding the notebooks. Default: `notebooks/` in the repository. */
  notebookDir?: string;
  /** Progress messages. Default: `console.error`. */
  log?: (message: string) => void;
  /**
   * Notebooks executed at the same time, by as many workers, each with one kernel that runs its
   * notebooks one after another (they are independent and their sections are assembled in list
   * order). Default: the number of CPU cores, at most 4. (Two per core made the study's report
   * faster, 24 → 19 s warm, when each notebook had a kernel of its own, but one CI run then
   * rendered a PNG with text missing; see docs/benchmarks.md.)
   */
  concurrency?: number;
  /**
   * Replace report files that were edited by hand since the report wrote them, instead of
   * refusing (`--overwrite-edits`). Default: `false`.
   */
  overwriteEdits?: boolean;
}

export { REPORT_MANIFEST };
export { checkReplaceable };

function header(params: ReportParams, notebooks: readonly string[]): string {
  const flags = reportCommand(params);
  return [
    "# Kazakhstan legal QA: results report",
    "",
    "Generated by " + markdownCode(`deno task report ${flags.join(" ")}`) +
    ". Do not edit: every figure, table and",
    "number here is regenerated from the inputs listed under each table. The executed notebooks, with",
    "their outputs, are in [`notebooks/`](notebooks/).",
    "",
    `Sections: ${notebooks.map(markdownCode).join(", ")}.`,
    "",
  ].join("\n");
}

/**
 * Executes the notebooks with `params` and writes the report to `params.out`.
 * @returns the output folder.
 */
export async function runReport(
  params: ReportParams,
  options: RunReportOptions = {},
): Promise<string> {
  const {
    notebookDir = join(REPO_ROOT, "notebooks"),
    log = console.error,
    overwriteEdits = false,
  } = options;
  const declared = await readNotebooks(notebookDir);
  const notebooks = options.notebooks ?? declared.filter((n) => n.section).map((n) => n.file);
  // Execution order: the slowest sections first (metadata `start_early`), then list order.
  const rank = (nb: string) => declared.find((n) => n.file === nb)?.startEarly ?? Infinity;
  await checkResultsPath(params.results);
  await checkOutPath(params.out);
  const out = await resolveOutFolder(params.out); // a symlinked --out is written through
  const concurrency = options.concurrency ??
    Math.min(4, Math.max(1, navigator.hardwareConcurrency ?? 1));
  await Deno.mkdir(dirname(out), { recursive: true });
  await removeOldLeftovers();
  const lock = await lockFolder(out, { holder: "a report" }); // a second report waits here
  const staging = stagingFolder(out);
  let staged = false; // whether this run made `staging` (only then is it removed on failure)
  const stopping = new AbortController();
  const onSignal = () => stopping.abort();
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? [] : ["SIGINT", "SIGTERM", "SIGHUP"];
  signals.forEach((s) => Deno.addSignalListener(s, onSignal));
  try {
    await recoverInterruptedSwap(out, log);
    await checkReplaceable(out, { overwriteEdits, log });
    await removeStaleStaging(out, log);
    await createStaging(out);
    staged = true;
    const sections = join(staging, ".sections");
    await Deno.mkdir(sections, { recursive: true });
    // A cache that cannot be written costs time, not the report: one warning, then no cache.
    const cacheTrouble = params.cache ? await checkCacheDir(scoredCacheDir()) : null;
    if (cacheTrouble) log(`report: warning: ${cacheTrouble}; going on without it (slower)`);
    const cache = params.cache && cacheTrouble === null;
    const stagedParams: ReportParams = { ...params, cache, out: staging, sectionsDir: sections };
    // Score every result file once, in processes of their own (in parallel, and their memory
    // goes back to the system when they end); the notebooks then read the cache. The load here
    // checks every input and names a file that cannot be scored.
    // One version of each result folder for the whole report: copied once, read by every section.
    const snapshot = await snapshotInputs(await snapshotDirs(params), join(staging, ".inputs"));
    // One kernel per worker, started now so that its start overlaps the scoring; each runs
    // notebook after notebook (lib/notebook/notebook_worker.ts).
    const workerCount = Math.min(concurrency, notebooks.length);
    const env = {
      [PARAMS_ENV]: JSON.stringify(stagedParams),
      [INPUT_SNAPSHOT_ENV]: JSON.stringify(snapshot),
    };
    const started = Array.from(
      { length: workerCount },
      () => startNotebookWorker({ env, cwd: notebookDir, signal: stopping.signal }),
    );
    try {
      const t0 = performance.now();
      const warmed = cache
        ? await warmScoredCache(readFolderOf(params.results, snapshot), { signal: stopping.signal })
        : 0;
      if (stopping.signal.aborted) {
        throw new Error("The report was interrupted; nothing was replaced");
      }
      const scored = await loadScored(params.results, { cache, text: false, snapshot });
      log(
        `report: ${scored.runs.length} runs (${warmed + scored.cache.misses} scored, ${
          scored.cache.hits - warmed
        } from the cache) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      await Promise.allSettled(started.map(async (w) => (await w).close()));
      throw error;
    }
    const queue = [...notebooks].sort((a, b) =>
      rank(a) - rank(b) || notebooks.indexOf(a) - notebooks.indexOf(b)
    );
    const worker = async (starting: Promise<NotebookWorker>) => {
      const runner = await starting;
      for (let nb = queue.shift(); nb !== undefined; nb = queue.shift()) {
        const t0 = performance.now();
        log(`report: running notebooks/${nb}`);
        try {
          await runner.execute(join(notebookDir, nb), join(staging, "notebooks", nb));
        } catch (error) {
          queue.length = 0; // start no further notebook
          await runner.close().catch(() => {}); // the notebook's error is the one to report
          throw error;
        }
        log(`report: notebooks/${nb} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      await runner.close();
    };
    const results = await Promise.allSettled(started.map(worker));
    if (stopping.signal.aborted) {
      throw new Error("The report was interrupted; nothing was replaced");
    }
    // Report the first failure in notebook order, after every running kernel has finished.
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map(
      (r) => r.reason,
    );
    if (failures.length > 0) {
      const first = failures.find((e) => e instanceof NotebookError) ?? failures[0];
      throw first;
    }
    const parts = [header(params, notebooks)];
    for (const nb of notebooks) {
      const id = nb.replace(/\.ipynb$/, "");
      const file = join(sections, `${id}.md`);
      if (!(await exists(file, { link: true }))) {
        throw new Error(
          `Notebook "notebooks/${nb}" ran but wrote no report section (call section.save() in its last cell)`,
        );
      }
      parts.push(await Deno.readTextFile(file));
    }
    await writeFileAtomic(join(staging, "report.md"), parts.join("\n").replace(/\n{3,}/g, "\n\n"));
    await Deno.remove(sections, { recursive: true });
    await Deno.remove(join(staging, ".inputs"), { recursive: true });
    // The paper's folder (numbers as macros, PDF figures, captions, main.tex) needs the
    // findings' tests and the headline table; a report without the findings section has none.
    if (await exists(join(staging, "tables", "findings_tests.csv"))) {
      await writePaper(staging, { cache });
    } else log("report: no findings table (00_findings), so no paper/ folder");
    await finishStaging(staging);
    await writeReportManifest(staging);
    await swapOutput(staging, out);
    return params.out;
  } catch (error) {
    if (!staged) throw error; // nothing of this run to clean up
    if (error instanceof NotebookError) {
      // Keep the failing notebook's outputs for inspection, outside the output folder.
      const keep = await Deno.makeTempDir({ prefix: FAILED_PREFIX });
      await Deno.writeTextFile(join(keep, FAILED_MARKER), `${error.notebook}\n`).catch(() => {});
      const name = basename(error.notebook);
      await Deno.copyFile(join(staging, "notebooks", name), join(keep, name)).catch(() => {});
      await Deno.remove(staging, { recursive: true }).catch(() => {});
      throw new NotebookError(
        error.notebook,
        error.cell,
        error.ename,
        error.evalue,
        join(keep, name),
      );
    }
    await Deno.remove(staging, { recursive: true }).catch(() => {});
    throw error;
  } finally {
    signals.forEach((s) => Deno.removeSignalListener(s, onSignal));
    lock.release();
  }
}
