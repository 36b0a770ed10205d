import assert from "node:assert/strict";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { fakeAnsweredRun, fakeRun } from "../testing/fake_run.ts";
import { BEHAVIOUR_COLUMNS, behaviourSummary, runAnswerBehaviour } from "./behaviour_summary.ts";
import { BEHAVIOUR_DEFINITIONS } from "./definitions.ts";

const STUDY = fromRoot("../shared/datasets/kz-legal-qa/results");

Deno.test("behaviourSummary() counts and shares each flag per run, in column order", () => {
  const a = fakeAnsweredRun("a", [
    "Okay, I need to recall the Tax Code.", // 0, ru question: trace, wrong language
    "Салық кодексінің 1-бабы салықтарды реттейді.", // 1, kz: substantive
    "К сожалению, я не могу дать консультацию.", // 2, ru: refusal
    "", // 3, kz: empty
    "Статья 4 НК РК регулирует налоги.", // 4, ru: substantive
  ]);
  const [row, empty] = behaviourSummary([a, fakeRun("summary_only", null)]);
  assert.deepEqual(Object.keys(row), BEHAVIOUR_COLUMNS);
  assert.deepEqual(row, {
    run: "a",
    n: 5,
    wrong_language: 1,
    wrong_language_share: 0.2,
    reasoning_trace: 1,
    reasoning_trace_share: 0.2,
    truncated: 0,
    truncated_share: 0,
    empty: 1,
    empty_share: 0.2,
    refusal: 1,
    refusal_share: 0.2,
    substantive: 2,
    substantive_share: 0.4,
    truncated_estimated: 5,
    keyword_coverage_mean: null,
    keyword_coverage_n: 0,
  });
  assert.equal(empty.n, 0);
  assert.equal(empty.substantive_share, null);
  // Every counted flag has a written definition and a version.
  for (const c of BEHAVIOUR_COLUMNS.filter((c) => !/_share$|^run$|^n$|_estimated$|_n$/.test(c))) {
    const name = c.replace(/_mean$/, "");
    assert.ok(BEHAVIOUR_DEFINITIONS[name]?.definition, name);
    assert.match(BEHAVIOUR_DEFINITIONS[name].version, /^\d+\.\d+\.\d+$/);
  }
});

Deno.test("on the study's eight runs, base models are flagged and fine-tuned and GPT runs are substantive", async () => {
  const { runs } = await loadResults(STUDY);
  const rows = Object.fromEntries(behaviourSummary(runs).map((r) => [r.run, r]));
  const pick = (id: string) => {
    const r = rows[id];
    return [
      r.n,
      r.wrong_language,
      r.reasoning_trace,
      r.truncated,
      r.empty,
      r.refusal,
      r.substantive,
    ];
  };
  // [n, wrong_language, reasoning_trace, truncated (estimated), empty, refusal, substantive],
  // computed with definitions 1.0.0; a change of definition bumps its version and these counts.
  assert.deepEqual(pick("baseline_4b"), [500, 59, 0, 476, 24, 0, 20]);
  assert.deepEqual(pick("baseline_8b"), [500, 131, 6, 474, 0, 10, 13]);
  assert.deepEqual(pick("baseline_14b"), [500, 489, 483, 282, 0, 1, 0]);
  assert.deepEqual(pick("benchmark_4b_ft"), [500, 0, 0, 29, 0, 0, 471]);
  assert.deepEqual(pick("benchmark_8b_ft"), [500, 0, 0, 25, 0, 0, 475]);
  assert.deepEqual(pick("benchmark_14b_ft"), [500, 0, 0, 19, 0, 0, 481]);
  assert.deepEqual(pick("benchmark_gpt4o"), [500, 1, 0, 0, 0, 1, 498]);
  assert.deepEqual(pick("benchmark_gpt4o_mini"), [500, 4, 0, 0, 0, 0, 496]);
  for (const r of Object.values(rows)) assert.equal(r.truncated_estimated, 500); // legacy files
  // The 14B base traces: 250 answers close a trace with </think>, 233 open with a monologue.
  const kinds = runAnswerBehaviour(runs.find((r) => r.run.id === "baseline_14b")!)
    .map((x) => x.behaviour.reasoning_trace_kind);
  assert.equal(kinds.filter((k) => k === "think-tags").length, 250);
  assert.equal(kinds.filter((k) => k === "monologue").length, 233);
});
