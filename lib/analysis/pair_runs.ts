/**
 * Aligns two runs question by question for a paired comparison, from the scored-samples frame.
 * Questions are matched by id, and a pair counts only where both runs answered the same question:
 * the same instruction and the same reference (after trimming surrounding white space), compared
 * through the frame's `question_key` column, so that a frame without its text columns pairs too. An id
 * that only one run has, or whose question differs between the runs (ids renumbered, rows
 * rotated), is left out and reported, never paired.
 * @module
 */
import pl from "nodejs-polars";
import type { ScoredResults } from "../scored/load_scored.ts";
import { metricValues, runRows, textValues } from "../scored/run_columns.ts";

/** Two runs' rows on the same questions, aligned by position. */
export interface PairedRuns {
  run_a: string;
  run_b: string;
  /** Paired question ids in canonical order: integer ids numerically, then the rest by code point. */
  ids: string[];
  /** Ids only run a has. */
  onlyA: string[];
  /** Ids only run b has. */
  onlyB: string[];
  /** Ids both runs have but with a different question (instruction or reference). */
  mismatched: string[];
  /** Run a's rows for `ids`, in order. */
  a: pl.DataFrame;
  /** Run b's rows for `ids`, in order. */
  b: pl.DataFrame;
}

const INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/** Integer ids numerically and before the rest; other ids by code point. */
export function compareIds(x: string, y: string): number {
  const ix = INTEGER.test(x), iy = INTEGER.test(y);
  if (ix && iy) return Number(x) - Number(y);
  if (ix !== iy) return ix ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function indexById(scored: ScoredResults, run: string): Map<string, number> {
  const info = scored.runs.find((r) => r.run.id === run);
  if (!info) {
    throw new RangeError(
      `Cannot compare: run "${run}" is not among the loaded runs (${
        scored.runs.map((r) => r.run.id).join(", ")
      })`,
    );
  }
  if (info.samples === 0) {
    throw new TypeError(
      `Cannot pair run "${run}" (${info.source.path}): it has no per-sample records (summary only)`,
    );
  }
  const ids = textValues(runRows(scored.frame, run), "id");
  const map = new Map<string, number>();
  ids.forEach((id, i) => {
    if (map.has(id!)) {
      throw new TypeError(
        `Cannot pair run "${run}" (${info.source.path}): question id "${id}" occurs twice`,
      );
    }
    map.set(id!, i);
  });
  return map;
}

/**
 * Pairs runs `a` and `b` of `scored` by question id, keeping only questions that match.
 *
 * @example
 * ```ts
 * import { pairRuns } from "./pair_runs.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([
 *   { id: "x", values: { m: [1, 2, 3] }, ids: ["10", "2", "7"] },
 *   { id: "y", values: { m: [4, 5, 6] }, ids: ["2", "10", "8"], reference: ["ref 2", "другой", "ref 8"] },
 * ]);
 * const p = pairRuns(scored, "x", "y");
 * assert.deepEqual([p.ids, p.onlyA, p.onlyB, p.mismatched], [["2"], ["7"], ["8"], ["10"]]);
 * assert.deepEqual(p.values("m"), { a: new Float64Array([2]), b: new Float64Array([4]) });
 * ```
 */
export function pairRuns(
  scored: ScoredResults,
  a: string,
  b: string,
): PairedRuns & { values(metric: string): { a: Float64Array; b: Float64Array } } {
  const ma = indexById(scored, a), mb = indexById(scored, b);
  const fa = runRows(scored.frame, a), fb = runRows(scored.frame, b);
  const ka = textValues(fa, "question_key"), kb = textValues(fb, "question_key");
  const onlyA: string[] = [], mismatched: string[] = [], ids: string[] = [];
  for (const [id, i] of ma) {
    const j = mb.get(id);
    if (j === undefined) onlyA.push(id);
    else if (ka[i] !== kb[j]) mismatched.push(id);
    else ids.push(id);
  }
  const onlyB = [...mb.keys()].filter((id) => !ma.has(id));
  for (const list of [ids, onlyA, onlyB, mismatched]) list.sort(compareIds);
  const ia = ids.map((id) => ma.get(id)!), ib = ids.map((id) => mb.get(id)!);
  const take = (f: pl.DataFrame, idx: number[]) =>
    idx.length ? f.select(pl.all().gather(idx)) : f.head(0);
  // The aligned frames are built only when asked for; `values` gathers from the runs' columns.
  let rowsA: pl.DataFrame | undefined, rowsB: pl.DataFrame | undefined;
  const gather = (f: pl.DataFrame, idx: number[], metric: string) => {
    if (!f.columns.includes(metric)) return new Float64Array(idx.length).fill(NaN);
    const all = metricValues(f, metric);
    return Float64Array.from(idx, (i) => all[i]);
  };
  return {
    run_a: a,
    run_b: b,
    ids,
    onlyA,
    onlyB,
    mismatched,
    get a() {
      return rowsA ??= take(fa, ia);
    },
    get b() {
      return rowsB ??= take(fb, ib);
    },
    values(metric: string) {
      return { a: gather(fa, ia, metric), b: gather(fb, ib, metric) };
    },
  };
}

/** One sentence on what a pairing left out, or `""` when nothing was. */
export function describePairing(p: PairedRuns): string {
  const parts: string[] = [];
  const list = (ids: string[]) =>
    ids.slice(0, 5).map((id) => `"${id}"`).join(", ") + (ids.length > 5 ? ", …" : "");
  if (p.mismatched.length) {
    parts.push(
      `${p.mismatched.length} question id(s) carry different questions in the two runs and were not paired (${
        list(p.mismatched)
      })`,
    );
  }
  if (p.onlyA.length) parts.push(`${p.onlyA.length} only in ${p.run_a} (${list(p.onlyA)})`);
  if (p.onlyB.length) parts.push(`${p.onlyB.length} only in ${p.run_b} (${list(p.onlyB)})`);
  return parts.length
    ? `${p.run_a} vs ${p.run_b}: compared on ${p.ids.length} common questions; ${parts.join("; ")}.`
    : "";
}
