import assert from "node:assert/strict";
import { answerBehaviourTable, confounders } from "./answer_behaviour_table.ts";
import { loadScored } from "../scored/load_scored.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { loadResults } from "../results/load_results.ts";
import { BEHAVIOUR_COLUMNS, behaviourSummary } from "../behaviour/behaviour_summary.ts";

Deno.test("answerBehaviourTable() on the study's runs: counted from the frame, equal to behaviourSummary() of the runs", async () => {
  const scored = await loadScored(STUDY_RESULTS);
  const rows = answerBehaviourTable(scored);
  const { runs } = await loadResults(STUDY_RESULTS);
  const direct = Object.fromEntries(behaviourSummary(runs).map((r) => [r.run, r]));
  for (const row of rows) {
    assert.deepEqual(
      Object.fromEntries(BEHAVIOUR_COLUMNS.map((c) => [c, row[c]])),
      direct[row.run],
      row.run,
    );
  }
  const base14 = rows.find((r) => r.run === "baseline_14b")!;
  // The study's note: the 14B base model answers in English (Qwen3 thinking mode).
  assert.deepEqual([base14.wrong_language, base14.reasoning_trace, base14.substantive], [
    489,
    483,
    0,
  ]);
});

Deno.test("confounders() says 'no substantive answer' for no substantive answer and never prints a share above 0 as 0%", () => {
  const row = (run: string, substantive: number) =>
    ({
      run,
      n: 500,
      wrong_language_share: 0,
      reasoning_trace_share: 0,
      truncated_share: 0,
      substantive,
      substantive_share: substantive / 500,
    }) as never;
  const found = confounders([row("none", 0), row("one", 1), row("ft", 480)], [
    { run_a: "ft", run_b: "none" },
    { run_a: "ft", run_b: "one" },
  ]);
  assert.deepEqual(found.map((c) => c.reason), [
    "none has no substantive answer",
    "one's answers are only 0.2% substantive (1 of 500)",
  ]);
  for (const c of found) assert.doesNotMatch(c.reason, /only 0%/);
});
