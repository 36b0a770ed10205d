import assert from "node:assert/strict";
import { breakdownTable } from "./breakdown_table.ts";
import { pairedByGroup } from "./paired_by_group.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";
import { UNLABELLED } from "./sample_group.ts";
import { widenEstimates } from "../tables/widen_estimates.ts";

Deno.test("breakdownTable() groups by a frame column, orders by size, flags small cells and counts defined values", () => {
  const samples = [
    ...Array.from(
      { length: 31 },
      (_, i) => ({
        language: "ru",
        domain: "азаматтық",
        metrics: { m: i % 2, v2: i < 30 ? 1 : null },
      }),
    ),
    ...Array.from(
      { length: 4 },
      () => ({ language: "kz", domain: null, metrics: { m: 1, v2: 0 } }),
    ),
  ];
  const scored = scoredFromRuns([fakeRun("r", samples), fakeRun("summary", null)]);
  const rows = breakdownTable(scored, { by: "domain", resamples: 300, metrics: ["m", "v2"] });
  assert.deepEqual(
    rows.map((r) => [r.run, r.group, r.n, r.metric, r.n_defined, r.flag]),
    [
      ["r", "азаматтық", 31, "m", 31, ""],
      ["r", "азаматтық", 31, "v2", 30, ""],
      ["r", UNLABELLED, 4, "m", 4, "n<10, no interval"],
      ["r", UNLABELLED, 4, "v2", 4, "n<10, no interval"],
    ],
  );
  assert.equal(rows[0].mean, 15 / 31);
  assert.equal(rows[1].mean, 1);
  const wide = widenEstimates(rows, ["run", "group", "n"], ["flag"]);
  assert.deepEqual(Object.keys(wide[0]), [
    "run",
    "group",
    "n",
    "flag",
    "m_mean",
    "m_lo",
    "m_hi",
    "v2_mean",
    "v2_lo",
    "v2_hi",
    "v2_n",
  ]);
  assert.equal(wide[0].v2_n, 30);
});

Deno.test("breakdownTable() flags a cell by the values that define its metric, not by its questions", () => {
  // 151 questions in "other", of which 9 define v2 (as citation accuracy v2 in the study).
  const samples = Array.from({ length: 151 }, (_, i) => ({
    domain: "other",
    metrics: { m: i % 2, v2: i < 9 ? 1 : null },
  }));
  const rows = breakdownTable(scoredFromRuns([fakeRun("r", samples)]), {
    by: "domain",
    resamples: 200,
    metrics: ["m", "v2"],
  });
  assert.deepEqual(rows.map((r) => [r.metric, r.n, r.n_defined, r.flag]), [
    ["m", 151, 151, ""],
    ["v2", 151, 9, "n<10, no interval"],
  ]);
  // The wide table keeps the flag of each metric that has one.
  const [wide] = widenEstimates(rows, ["run", "group", "n"], ["flag"]);
  assert.equal(wide.v2_flag, "n<10, no interval");
  assert.ok(!("m_flag" in wide) && !("flag" in wide), Object.keys(wide).join(", "));
});

Deno.test("pairedByGroup() compares within each group and adjusts over all groups", () => {
  const lang = (i: number) => (i < 40 ? "ru" : "kz");
  const a = fakeRun(
    "a",
    Array.from({ length: 50 }, (_, i) => ({ language: lang(i), metrics: { m: i < 40 ? 1 : 0 } })),
  );
  const b = fakeRun(
    "b",
    Array.from({ length: 50 }, (_, i) => ({ language: lang(i), metrics: { m: 0 } })),
  );
  const { rows } = pairedByGroup(
    scoredFromRuns([a, b]),
    [{ run_a: "a", run_b: "b", comparison: "x" }],
    { by: "language", resamples: 300, permutations: 999 },
  );
  assert.deepEqual(rows.map((r) => [r.group, r.n, r.diff, r.flag]), [["ru", 40, 1, ""], [
    "kz",
    10,
    0,
    "n<30",
  ]]);
  assert.ok(rows[0].p! < 0.05);
  assert.equal(rows[1].p, 1);
});
