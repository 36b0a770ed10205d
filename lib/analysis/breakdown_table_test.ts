import assert from "node:assert/strict";
import { breakdownTable } from "./breakdown_table.ts";
import { pairedByGroup } from "./paired_by_group.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { UNLABELLED } from "./sample_group.ts";

Deno.test("breakdownTable() groups by a function, orders by size, flags small cells and counts defined values", () => {
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
  const rows = breakdownTable([fakeRun("r", samples), fakeRun("summary", null)], (s) => s.domain, {
    column: "domain",
    resamples: 300,
  });
  assert.deepEqual(rows.map((r) => [r.run, r.domain, r.n, r.flag]), [["r", "азаматтық", 31, ""], [
    "r",
    UNLABELLED,
    4,
    "n<30",
  ]]);
  assert.equal(rows[0].m_mean, 15 / 31);
  assert.equal(rows[0].v2_n, 30);
  assert.equal(rows[0].v2_mean, 1);
  assert.ok(!("m_n" in rows[0]), "no _n column for a metric without nulls");
  assert.deepEqual(Object.keys(rows[0]).slice(0, 3), ["run", "domain", "n"]);
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
  const rows = pairedByGroup(
    [a, b],
    [{ run_a: "a", run_b: "b", comparison: "x" }],
    (s) => s.language,
    {
      column: "language",
      resamples: 300,
      permutations: 999,
    },
  );
  assert.deepEqual(rows.map((r) => [r.language, r.n, r.diff, r.flag]), [["ru", 40, 1, ""], [
    "kz",
    10,
    0,
    "n<30",
  ]]);
  assert.equal(rows[0].p_holm, Math.min(1, 2 * rows[0].p!));
  assert.equal(rows[1].p, 1);
});
