import assert from "node:assert/strict";
import { headlineTable } from "./headline_table.ts";
import { scalingTable } from "./scaling_table.ts";
import { fakeScored } from "../testing/fake_scored.ts";
import { formatTable } from "../tables/format_table.ts";

Deno.test("headlineTable() shows how many answers define a metric wherever that differs from the answers of the run", () => {
  const scored = fakeScored([
    { id: "a", values: { chrf: [10, 20, 30, 40], hallucination_rate_v2: [0, 1, null, null] } },
    { id: "b", values: { chrf: [15, 25, 35, 45], hallucination_rate_v2: [0, 0, 1, null] } },
  ]);
  const t = headlineTable(scalingTable(scored, { resamples: 200 }));
  assert.deepEqual(t.rows.map((r) => [r.model, r.n, r.hallucination_rate_v2_n]), [["a", 4, 2], [
    "b",
    4,
    3,
  ]]);
  assert.ok(!("chrf_n" in t.rows[0]), "chrF is defined on every answer: no extra column");
  const cols = Object.keys(t.rows[0]);
  const shown = formatTable(cols, t.rows.map((r) => cols.map((c) => r[c])), { labels: t.labels });
  assert.deepEqual(shown.header, [
    "model",
    "variant",
    "size (B)",
    "n",
    "chrF",
    "Hallucination rate (v2)",
    "n (Hallucination rate (v2))",
  ]);
});
