import assert from "node:assert/strict";
import { describeDerivedLabels } from "./describe_derived_labels.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";
import type { LabelSource } from "../results/run_result.ts";

function run(id: string, label: string, domains: LabelSource[], languages: LabelSource[]) {
  const r = fakeRun(
    id,
    domains.map((_, i) => ({ id: String(i), domain: "tax", language: "ru", metrics: { m: 1 } })),
    { label },
  );
  r.samples!.forEach((s, i) => {
    s.domain_source = domains[i];
    s.language_source = languages[i];
  });
  return r;
}

Deno.test("describeDerivedLabels() says which runs' labels the loader derived, with counts", () => {
  const d = "derived" as const, f = "file" as const;
  const scored = scoredFromRuns([
    run("a", "Run A", [d, d, d], [f, f, f]),
    run("b", "Run B", [f, f, f], [f, f, f]),
    run("c", "Run C", [d, f, f], [d, f, f]),
  ]);
  const text = describeDerivedLabels(scored);
  assert.match(text, /domain of 4 of 9 answers \(Run A: all 3; Run C: 1 of 3\)/);
  assert.match(text, /language of 1 of 9 answers \(Run C: 1 of 3\)/);
  assert.match(text, /derived/);
  assert.doesNotMatch(text, /Run B/);
  assert.equal(describeDerivedLabels(scoredFromRuns([run("b", "Run B", [f], [f])])), "");
});
