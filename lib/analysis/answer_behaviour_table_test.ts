import assert from "node:assert/strict";
import { answerBehaviourTable } from "./answer_behaviour_table.ts";
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
