import assert from "node:assert/strict";
import { definedInGroup, describeGroupPaired } from "./describe_breakdown.ts";

Deno.test("describeGroupPaired() names an example's metric and never writes an empty 'e.g.'", () => {
  // Significant rows only in chrF while the preferred metric is citation accuracy (v2): the
  // sentence used to read "e.g.  in the corrected citation accuracy."
  const rows = [
    { run_a: "ft", group: "tax", n: 40, metric: "chrf", diff: 2.5, p_adj: 0.01 },
    { run_a: "ft", group: "land", n: 12, metric: "citation_accuracy_v2", diff: 0.1, p_adj: 0.3 },
  ];
  const text = describeGroupPaired(rows, { alpha: 0.05, prefer: "citation_accuracy_v2" });
  assert.equal(
    text,
    "1 of 2 domain-level differences is significant after BH within its metric, e.g. tax (ft, chrF +2.500, n = 40); " +
      "each difference is paired, on the n questions of the group where both runs define the metric.",
  );
  assert.equal(
    describeGroupPaired(rows, { alpha: 0.001 }),
    "0 of 2 domain-level differences are significant after BH within their metric.",
  );
});

Deno.test("definedInGroup() counts the defined values, not the questions", () => {
  const row = (run: string, n_defined: number) =>
    ({ run, group: "kz", n: 115, metric: "citation_accuracy_v2", n_defined }) as never;
  assert.equal(definedInGroup([row("a", 6)], "kz", "citation_accuracy_v2"), "6 of 115 questions");
  assert.equal(definedInGroup([row("a", 6)], "ru", "citation_accuracy_v2"), null);
});

Deno.test("describeGroupPaired() gives readable cells as examples first and counts the flagged ones", () => {
  const rows = [
    {
      run_a: "ft",
      group: "labor",
      n: 22,
      metric: "citation_accuracy_v2",
      diff: 0.327,
      p_adj: 0.01,
    },
    { run_a: "ft", group: "tax", n: 80, metric: "chrf", diff: 3, p_adj: 0.001 },
    { run_a: "ft", group: "land", n: 40, metric: "chrf", diff: 0.1, p_adj: 0.9 },
  ];
  const text = describeGroupPaired(rows, { alpha: 0.05, prefer: "citation_accuracy_v2" });
  assert.match(
    text,
    /^2 of 3 domain-level differences are significant after BH within their metric/,
  );
  assert.match(
    text,
    /\(1 of them rests on fewer than 30 questions and is flagged, not a finding\)/,
  );
  // The readable cell comes first, although the flagged one is of the preferred metric.
  assert.ok(text.indexOf("tax (ft") < text.indexOf("labor (ft"), text);
});
