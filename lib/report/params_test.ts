import assert from "node:assert/strict";
import { notebookParams, PARAMS_ENV, reportParams, resolveParams } from "./params.ts";
import { REPO_ROOT } from "../io/paths.ts";

const env = (v?: string) => ({ get: (k: string) => (k === PARAMS_ENV ? v : undefined) });

Deno.test("resolveParams() checks ranges and resolves paths against the repository root", () => {
  assert.throws(() => resolveParams({ resamples: 10 }), RangeError);
  assert.throws(() => resolveParams({ data: [""] }), /data must be a list of paths/);
  assert.throws(() => resolveParams({ cache: "no" as never }), /cache must be true or false/);
  const p = resolveParams({ results: "x/y", published: null });
  assert.equal(p.results, `${REPO_ROOT}/x/y`);
  assert.equal(p.out, `${REPO_ROOT}/figures`);
  assert.equal(p.published, null);
  assert.deepEqual(p.humanEval, [`${REPO_ROOT}/data/human_eval/eval_sheet_filled.csv`]);
  assert.deepEqual(p.judgments, []);
  assert.deepEqual(resolveParams({ judgments: ["runs/judge"] }).judgments, [
    `${REPO_ROOT}/runs/judge`,
  ]);
  assert.throws(
    () => resolveParams({ judgments: "runs/judge" as never }),
    /judgments must be a list of paths/,
  );
});

Deno.test("reportParams() reads WORKBENCH_PARAMS and falls back to defaults", () => {
  assert.equal(reportParams(env()).resamples, 10_000);
  assert.equal(reportParams(env(JSON.stringify({ seed: 5 }))).seed, 5);
  assert.throws(() => reportParams(env("{")), /not JSON/);
  assert.throws(
    () => reportParams(env(JSON.stringify({ bogus: 1 }))),
    /Unknown report parameter "bogus"/,
  );
});

Deno.test("notebookParams(): defaults, then the parameters cell, then WORKBENCH_PARAMS; by hand never into figures/", () => {
  const byHand = notebookParams("30_paired", { results: "elsewhere" }, env());
  assert.equal(byHand.results, `${REPO_ROOT}/elsewhere`);
  assert.equal(byHand.out, `${REPO_ROOT}/runs/interactive/30_paired`, "not the committed figures/");
  assert.equal(
    notebookParams("30_paired", { out: "figures" }, env()).out,
    `${REPO_ROOT}/figures`,
    "unless asked",
  );
  const report = notebookParams(
    "30_paired",
    { results: "elsewhere", resamples: 2000 },
    env(JSON.stringify({ out: "/tmp/report", results: "data/results" })),
  );
  assert.deepEqual([report.out, report.results, report.resamples], [
    "/tmp/report",
    `${REPO_ROOT}/data/results`,
    2000,
  ]);
  assert.throws(() => notebookParams("x", { nope: 1 } as never, env()), /in the parameters cell/);
});
