import assert from "node:assert/strict";
import { defaultFamily } from "./default_family.ts";
import { ragFamily } from "./rag_family.ts";
import { fakeRun } from "../testing/fake_run.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";

const s = [{ metrics: { m: 1 } }];

Deno.test("defaultFamily() leaves out summary-only and RAG runs and pairs FT with the base of its size", () => {
  const runs = [
    fakeRun("b4", s, { variant: "base", size_b: 4 }),
    fakeRun("b8", null, { variant: "base", size_b: 8 }),
    fakeRun("f4", s, { size_b: 4 }),
    fakeRun("f8", s, { size_b: 8 }),
    fakeRun("f4_rag", s, { size_b: 4, rag: { retriever: "bm25", top_k: 3 } }),
    fakeRun("g", s, { variant: "external", size_b: null, family: "gpt-4o" }),
    fakeRun("gm", s, { variant: "external", size_b: null, family: "gpt-4o-mini" }),
  ];
  const scored = scoredFromRuns(runs);
  const got = defaultFamily(scored.runs).map((c) => `${c.comparison}:${c.run_a}-${c.run_b}`);
  assert.deepEqual(got, [
    "ft_vs_base:f4-b4",
    "ft_sizes:f8-f4",
    "vs_external:b4-g",
    "vs_external:b4-gm",
    "vs_external:f4-g",
    "vs_external:f4-gm",
    "vs_external:f8-g",
    "vs_external:f8-gm",
    "vs_external:gm-g",
  ]);
  assert.deepEqual(ragFamily(scored.runs), [{
    run_a: "f4_rag",
    run_b: "f4",
    comparison: "rag_vs_none",
  }]);
});

Deno.test("defaultFamily() is empty for summary-only runs", () => {
  assert.deepEqual(
    defaultFamily(
      scoredFromRuns([fakeRun("a", null), fakeRun("b", null, { variant: "base" })]).runs,
    ),
    [],
  );
});
