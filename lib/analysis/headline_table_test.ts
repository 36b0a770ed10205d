import assert from "node:assert/strict";
import { headlineTable } from "./headline_table.ts";
import { scalingTable } from "./scaling_table.ts";
import { fakeScored } from "../testing/fake_scored.ts";
import { formatTable } from "../tables/format_table.ts";

Deno.test("headlineTable() shows beside a metric the number of answers that define it", () => {
  // 6 answers each; hallucination rate defined on 2 of run a's answers and 5 of run b's.
  const scored = fakeScored([
    {
      id: "a",
      values: { chrf: [1, 2, 3, 4, 5, 6], hallucination_rate_v2: [1, 0, null, null, null, null] },
    },
    { id: "b", values: { chrf: [2, 2, 3, 4, 5, 6], hallucination_rate_v2: [1, 0, 1, 1, 0, null] } },
  ]);
  const scaling = scalingTable(scored, {
    resamples: 200,
    metrics: ["chrf", "hallucination_rate_v2"],
  });
  const { rows, labels } = headlineTable(scaling, ["chrf", "hallucination_rate_v2"]);
  assert.deepEqual(rows.map((r) => [r.n, r.hallucination_rate_v2_n]), [[6, 2], [6, 5]]);
  assert.equal(rows[0].hallucination_rate_v2_mean, 0.5);
  // chrF is defined on every answer: the run's n is its n, no column of its own.
  assert.ok(!("chrf_n" in rows[0]));
  // Displayed: the count follows its metric's column.
  const columns = Object.keys(rows[0]);
  const display = formatTable(columns, rows.map((r) => columns.map((c) => r[c])), { labels });
  const at = display.header.indexOf("Hallucination rate (v2)");
  assert.ok(at > 0);
  assert.equal(display.header[at + 1], labels.hallucination_rate_v2_n);
  assert.match(labels.hallucination_rate_v2_n, /^n /);
  assert.equal(display.rows[0][at + 1], "2");
});
