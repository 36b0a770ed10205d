import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { ANALYSED_COLUMNS, FRAME_COLUMNS, SAMPLE_COLUMNS, TEXT_COLUMNS } from "./frame_columns.ts";
import { emptyFrame } from "./empty_frame.ts";
import { runSamplesFrame } from "./run_samples_frame.ts";
import { scoredFromRuns } from "./load_scored.ts";
import { metricsLong } from "./metrics_long.ts";
import { runsFrame } from "./runs_frame.ts";
import { fakeAnsweredRun, fakeRun } from "../testing/fake_run.ts";

function schemaOf(frame: pl.DataFrame): [string, string][] {
  return frame.getColumns().map((c) => [c.name, String(c.dtype)]);
}

const DECLARED = FRAME_COLUMNS.map((c): [string, string] => [c.name, String(c.dtype)]);

Deno.test("the scored frame has the declared columns, in order and of their types, then the metrics", () => {
  const runs = [
    fakeAnsweredRun("a", ["Статья 5.", "Бап 7."], { metrics: (i) => ({ chrf: 10 * i }) }),
    fakeRun("b", [{ metrics: { bertscore_f1: 0.9 } }], { size_b: null }),
  ];
  const scored = scoredFromRuns(runs);
  assert.deepEqual(schemaOf(scored.frame), [
    ...DECLARED,
    ["bertscore_f1", "DataType(Float64)"],
    ["chrf", "DataType(Float64)"],
  ]);
  assert.deepEqual(
    schemaOf(runSamplesFrame(runs[0])),
    [...DECLARED.filter(([c]) => (SAMPLE_COLUMNS as readonly string[]).includes(c)), [
      "chrf",
      "DataType(Float64)",
    ]],
  );
  // The run columns of runsFrame() are the frame's.
  assert.deepEqual(schemaOf(runsFrame(scored.runs)).slice(0, 5), DECLARED.slice(0, 5));
});

Deno.test("emptyFrame() has the schema of a frame with rows, with and without the texts", () => {
  const scored = scoredFromRuns([fakeRun("a", [{ metrics: { chrf: 1 } }])]);
  assert.deepEqual(schemaOf(emptyFrame(["chrf"])), schemaOf(scored.frame));
  assert.deepEqual(
    schemaOf(emptyFrame(["chrf"], { text: false })),
    schemaOf(scored.frame).filter(([c]) => !(TEXT_COLUMNS as readonly string[]).includes(c)),
  );
  // A folder of summary-only runs gives the empty frame.
  const none = scoredFromRuns([fakeRun("s", null)]);
  assert.deepEqual(schemaOf(none.frame), DECLARED);
  assert.equal(none.frame.height, 0);
});

Deno.test("latency_s is a column: in ScoredResults.metrics only where measured, never a metric column of its own", () => {
  assert.deepEqual(ANALYSED_COLUMNS, ["latency_s"]);
  const timed = scoredFromRuns([
    fakeRun("a", [{ latency_s: 2, metrics: { chrf: 1 } }, { metrics: { chrf: 2 } }]),
  ]);
  assert.deepEqual(timed.metrics, ["chrf", "latency_s"]);
  assert.equal(timed.frame.columns.filter((c) => c === "latency_s").length, 1);
  assert.deepEqual(timed.frame.getColumn("latency_s").toArray(), [2, null]);
  // The long form of the metrics leaves the declared columns out.
  assert.deepEqual(metricsLong(timed.frame).getColumn("metric").unique().toArray(), ["chrf"]);
  const untimed = scoredFromRuns([fakeRun("a", [{ metrics: { chrf: 1 } }])]);
  assert.deepEqual(untimed.metrics, ["chrf"]);
});

Deno.test("runSamplesFrame() refuses a metric named like a column, and a null in a non-nullable column", () => {
  assert.throws(
    () => runSamplesFrame(fakeRun("r", [{ metrics: { chrf: 1 } }, { metrics: { latency_s: 3 } }])),
    /Run "r" \(r\.json\): samples\[1\]\.metrics\.latency_s is named like a column of the scored frame/,
  );
  const nameless = fakeRun("r", [{ metrics: {} }, { metrics: {} }]);
  nameless.samples![1].id = null as never;
  assert.throws(
    () => runSamplesFrame(nameless),
    /Run "r" \(r\.json\): column id of samples\[1\] is null, but the scored frame declares it non-nullable/,
  );
});

Deno.test("every declared column has a one-line doc and a known role, and names are unique", () => {
  assert.equal(new Set(FRAME_COLUMNS.map((c) => c.name)).size, FRAME_COLUMNS.length);
  for (const c of FRAME_COLUMNS) {
    assert.ok(c.doc.length > 0 && !c.doc.includes("\n"), c.name);
    assert.ok(
      ["run", "identity", "text", "label", "system", "behaviour", "statistics"].includes(c.role),
      c.name,
    );
  }
});
