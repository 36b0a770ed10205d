/**
 * Aligns two runs question by question for a paired comparison.
 * @module
 */
import type { RunResult, Sample } from "../results/run_result.ts";

/** Options for {@linkcode pairRuns}. */
export interface PairRunsOptions {
  /**
   * Compare on the questions both runs answered instead of refusing runs whose question ids
   * differ. Default: `false` (refuse: a paired comparison on silently different questions is
   * not the comparison the reader thinks it is).
   */
  intersect?: boolean;
}

/** Two runs' samples on the same questions, aligned by index. */
export interface PairedRuns {
  /** Question ids in canonical order: integer ids numerically, then the rest by code point. */
  ids: string[];
  a: Sample[];
  b: Sample[];
}

const INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/** Integer ids numerically and before the rest; other ids by code point. */
export function compareIds(x: string, y: string): number {
  const ix = INTEGER.test(x), iy = INTEGER.test(y);
  if (ix && iy) return Number(x) - Number(y);
  if (ix !== iy) return ix ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function byId(run: RunResult): Map<string, Sample> {
  if (run.samples === null) {
    throw new TypeError(
      `Cannot pair run "${run.run.id}" (${run.source.path}): it has no per-sample records (summary only)`,
    );
  }
  const map = new Map<string, Sample>();
  run.samples.forEach((s, i) => {
    if (map.has(s.id)) {
      throw new TypeError(
        `Cannot pair run "${run.run.id}" (${run.source.path}): samples[${i}] repeats question id "${s.id}"`,
      );
    }
    map.set(s.id, s);
  });
  return map;
}

/**
 * Pairs the samples of runs `a` and `b` by question id. Both runs must hold the same set of
 * question ids (in any order) unless `intersect` is set; otherwise the error names both runs and
 * the first id (in run `a`'s order, then run `b`'s) that only one of them has.
 *
 * @example
 * ```ts
 * import { pairRuns } from "./pair_runs.ts";
 * import assert from "node:assert/strict";
 * const s = (id: string) => ({ id, metrics: {} }) as never;
 * const run = (id: string, ids: string[]) => ({ run: { id }, source: { path: `${id}.json` }, samples: ids.map(s) }) as never;
 * assert.deepEqual(pairRuns(run("x", ["10", "2"]), run("y", ["2", "10"])).ids, ["2", "10"]);
 * assert.throws(() => pairRuns(run("x", ["1", "2"]), run("y", ["1", "3"])),
 *   /Runs "x" and "y" are not paired: question id "2" is in "x" but not in "y"/);
 * assert.deepEqual(pairRuns(run("x", ["1", "2"]), run("y", ["1", "3"]), { intersect: true }).ids, ["1"]);
 * ```
 */
export function pairRuns(a: RunResult, b: RunResult, options: PairRunsOptions = {}): PairedRuns {
  const { intersect = false } = options;
  const ma = byId(a), mb = byId(b);
  if (!intersect) {
    const onlyA = [...ma.keys()].find((id) => !mb.has(id));
    const onlyB = [...mb.keys()].find((id) => !ma.has(id));
    if (onlyA !== undefined || onlyB !== undefined) {
      const [id, has, lacks] = onlyA !== undefined ? [onlyA, a, b] : [onlyB!, b, a];
      throw new RangeError(
        `Runs "${a.run.id}" and "${b.run.id}" are not paired: question id "${id}" is in "${has.run.id}" but not in ` +
          `"${lacks.run.id}" (${ma.size} and ${mb.size} questions); pass intersect: true to compare on the common questions`,
      );
    }
  }
  // A canonical order, so that results do not depend on the order of records in either file
  // (the Monte-Carlo sign flips are assigned by position).
  const ids = [...ma.keys()].filter((id) => mb.has(id)).sort(compareIds);
  return { ids, a: ids.map((id) => ma.get(id)!), b: ids.map((id) => mb.get(id)!) };
}
