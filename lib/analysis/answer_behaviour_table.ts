/**
 * The answer-behaviour table: per run, how many answers are in the wrong language, reasoning
 * traces, truncated, empty, refusals, or substantive (none of these), counted from the
 * behaviour columns of the scored-samples frame (definitions: `lib/behaviour/README.md`).
 * @module
 */
import pl from "nodejs-polars";
import type { ScoredResults } from "../scored/load_scored.ts";
import { BEHAVIOUR_FLAGS, type BehaviourRow } from "../behaviour/behaviour_summary.ts";

/**
 * One row per run, in run order: `run, n`, then a count and a share of each flag, then
 * `truncated_estimated` (how many truncation flags are estimates, not recorded by the producer)
 * and the mean keyword coverage where questions carry keywords. Summary-only runs get `n` 0 and
 * null shares.
 *
 * @example
 * ```ts
 * import { answerBehaviourTable } from "./answer_behaviour_table.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "base", values: { chrf: [1, 2, 3] },
 *   instruction: ["Салық кодексі нені реттейді?", "Салық кодексінің 1-бабы нені реттейді?", "Что такое НДС?"],
 *   prediction: ["Okay, let's tackle this question.", "Салық кодексінің 1-бабы салықтарды реттейді.", ""] }]);
 * const [row] = answerBehaviourTable(scored);
 * assert.deepEqual([row.n, row.reasoning_trace, row.empty, row.substantive], [3, 1, 1, 1]);
 * ```
 */
export function answerBehaviourTable(scored: ScoredResults): BehaviourRow[] {
  const f = scored.frame;
  const counted = f.height === 0 ? [] : f.groupBy("run").agg(
    pl.len().alias("n"),
    ...BEHAVIOUR_FLAGS.map((flag) => pl.col(flag).cast(pl.Int32).sum().alias(flag)),
    pl.col("truncated_estimated").cast(pl.Int32).sum().alias("truncated_estimated"),
    ...(f.columns.includes("keyword_coverage")
      ? [
        pl.col("keyword_coverage").mean().alias("keyword_coverage_mean"),
        pl.col("keyword_coverage").count().alias("keyword_coverage_n"),
      ]
      : []),
  ).toRecords() as Record<string, number | null>[];
  const byRun = new Map(counted.map((r) => [String(r.run), r]));
  return scored.runs.map((r) => {
    const c = byRun.get(r.run.id);
    const n = Number(c?.n ?? 0);
    const row = { run: r.run.id, n } as BehaviourRow;
    for (const flag of BEHAVIOUR_FLAGS) {
      const count = Number(c?.[flag] ?? 0);
      row[flag] = count;
      row[`${flag}_share`] = n === 0 ? null : count / n;
    }
    row.truncated_estimated = Number(c?.truncated_estimated ?? 0);
    const mean = c?.keyword_coverage_mean;
    row.keyword_coverage_mean = mean === undefined || mean === null || Number.isNaN(mean)
      ? null
      : mean;
    row.keyword_coverage_n = Number(c?.keyword_coverage_n ?? 0);
    return row;
  });
}

/** Shares above which a run's answers confound a comparison of answer quality. */
export const CONFOUNDING = {
  wrong_language: 0.2,
  reasoning_trace: 0.2,
  truncated: 0.2,
  substantive_below: 0.5,
};

/** A comparison one of whose runs answers differently in kind, not only in quality. */
export interface Confounder {
  run_a: string;
  run_b: string;
  /** The run whose answers confound it. */
  run: string;
  /** Why, in words with the shares. */
  reason: string;
  /** Which thresholds of {@linkcode CONFOUNDING} the run crossed, in the order of `reason`. */
  kinds: ConfounderKind[];
}

/** A way in which a run's answers confound a comparison of answer quality. */
export type ConfounderKind = "wrong_language" | "reasoning_trace" | "truncated" | "few_substantive";

/**
 * The comparisons (e.g. the default family's `ft_vs_base`) in which a run has at least the
 * shares of {@linkcode CONFOUNDING} of its answers in the wrong language, as reasoning traces or cut
 * at the token limit, or fewer substantive answers than its `substantive_below`: a difference in a
 * reference metric then measures that as much as legal quality.
 *
 * @example
 * ```ts
 * import { confounders } from "./answer_behaviour_table.ts";
 * import assert from "node:assert/strict";
 * const row = (run: string, wrong: number, trace: number, ok: number) => ({ run, n: 100,
 *   wrong_language_share: wrong, reasoning_trace_share: trace, truncated_share: 0,
 *   substantive: ok * 100, substantive_share: ok }) as never;
 * const found = confounders([row("base", 0.98, 0.97, 0), row("ft", 0, 0, 0.96)],
 *   [{ run_a: "ft", run_b: "base" }]);
 * assert.equal(found.length, 1);
 * assert.equal(found[0].reason,
 *   "base's answers are 98% in another language than the question, 97% reasoning traces; none is substantive");
 * assert.deepEqual(found[0].kinds, ["wrong_language", "reasoning_trace", "few_substantive"]);
 * ```
 */
export function confounders(
  rows: readonly BehaviourRow[],
  comparisons: readonly { run_a: string; run_b: string }[],
): Confounder[] {
  // Whole percent, but one decimal below 1% so that a share above 0 never reads as "0%".
  const pct = (x: number | null) => {
    const v = 100 * (x ?? 0);
    return v > 0 && v < 1 ? `${v.toFixed(1)}%` : `${Math.round(v)}%`;
  };
  const out: Confounder[] = [];
  for (const c of comparisons) {
    for (const run of [c.run_b, c.run_a]) {
      const r = rows.find((x) => x.run === run);
      if (!r || r.n === 0) continue;
      const why: string[] = [];
      const kinds: ConfounderKind[] = [];
      if ((r.wrong_language_share ?? 0) >= CONFOUNDING.wrong_language) {
        why.push(`${pct(r.wrong_language_share)} in another language than the question`);
        kinds.push("wrong_language");
      }
      if ((r.reasoning_trace_share ?? 0) >= CONFOUNDING.reasoning_trace) {
        why.push(`${pct(r.reasoning_trace_share)} reasoning traces`);
        kinds.push("reasoning_trace");
      }
      if ((r.truncated_share ?? 0) >= CONFOUNDING.truncated) {
        why.push(`${pct(r.truncated_share)} cut at the token limit`);
        kinds.push("truncated");
      }
      // A share that rounds to 0% is still some answers: only a count of 0 is "none".
      let none = false;
      if ((r.substantive_share ?? 1) < CONFOUNDING.substantive_below) {
        const count = Number(r.substantive ?? 0);
        if (count === 0) none = true;
        else why.push(`only ${pct(r.substantive_share)} substantive (${count} of ${r.n})`);
        kinds.push("few_substantive");
      }
      if (kinds.length) {
        const reason = why.length === 0
          ? `${run} has no substantive answer`
          : `${run}'s answers are ${why.join(", ")}${none ? "; none is substantive" : ""}`;
        out.push({ run_a: c.run_a, run_b: c.run_b, run, reason, kinds });
      }
    }
  }
  return out;
}
