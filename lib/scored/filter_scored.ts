/**
 * Scored results restricted to some of their rows (answers), e.g. substantive answers only for a
 * sensitivity analysis: every table function then works on the subset unchanged.
 * @module
 */
import pl from "nodejs-polars";
import type { ScoredResults } from "./load_scored.ts";

/**
 * `scored` with only the frame rows where `predicate` holds; each run's `samples` counts its
 * remaining rows (a run left with none is kept, with 0 samples). Stored aggregates (`summary`)
 * are dropped: they describe all of a file's answers, not the subset, so a table must not fall
 * back to them for a run with no row left (it shows n = 0 and no value instead).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { filterScored } from "./filter_scored.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "r", values: { chrf: [10, 50, 90] } }]);
 * const high = filterScored(scored, pl.col("chrf").gt(20));
 * assert.deepEqual([high.frame.height, high.runs[0].samples], [2, 2]);
 * ```
 */
export function filterScored(scored: ScoredResults, predicate: pl.Expr): ScoredResults {
  const frame = scored.frame.filter(predicate);
  const counts = new Map(
    (frame.groupBy("run").agg(pl.len().alias("n")).toRecords() as { run: string; n: number }[])
      .map((r) => [r.run, Number(r.n)]),
  );
  return {
    ...scored,
    key: scored.key === null ? null : `${scored.key}|${predicate.toString()}`,
    frame,
    runs: scored.runs.map((r) => ({
      ...r,
      samples: r.samples === 0 ? 0 : counts.get(r.run.id) ?? 0,
      summary: {},
    })),
  };
}
