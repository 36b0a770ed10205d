import assert from "node:assert/strict";
import { PARAMS_ENV, parseReportArgs, reportParams, resolveParams } from "./params.ts";
import { REPO_ROOT } from "./paths.ts";

Deno.test("parseReportArgs() reads every option", () => {
  const p = parseReportArgs([
    "--results",
    "r",
    "--out",
    "o",
    "--data",
    "a",
    "b",
    "--skip-bad-lines",
    "--human-eval",
    "h1.csv",
    "h2.xlsx",
    "--human-eval-key",
    "k.json",
    "--resamples",
    "2000",
    "--seed",
    "0",
  ]);
  assert.deepEqual(p, {
    results: "r",
    out: "o",
    data: ["a", "b"],
    skipBadLines: true,
    humanEval: ["h1.csv", "h2.xlsx"],
    humanEvalKey: "k.json",
    resamples: 2000,
    seed: 0,
  });
});

Deno.test("parseReportArgs() rejects unknown options and missing values", () => {
  assert.throws(() => parseReportArgs(["--result", "x"]), /Unknown option "--result"/);
  assert.throws(() => parseReportArgs(["--out"]), /--out needs a value/);
  assert.throws(() => parseReportArgs(["--data", "--seed", "1"]), /--data needs at least one path/);
  assert.throws(() => parseReportArgs(["--seed", "-1"]), /--seed needs a non-negative integer/);
});

Deno.test("resolveParams() checks ranges and resolves paths against the repository root", () => {
  assert.throws(() => resolveParams({ resamples: 10 }), RangeError);
  assert.throws(() => resolveParams({ data: [""] }), /data must be a list of paths/);
  const p = resolveParams({ results: "x/y" });
  assert.equal(p.results, `${REPO_ROOT}/x/y`);
  assert.equal(p.out, `${REPO_ROOT}/figures`);
});

Deno.test("reportParams() reads WORKBENCH_PARAMS and falls back to defaults", () => {
  const env = (v?: string) => ({ get: (k: string) => (k === PARAMS_ENV ? v : undefined) });
  assert.equal(reportParams(env()).resamples, 10_000);
  assert.equal(reportParams(env(JSON.stringify({ seed: 5 }))).seed, 5);
  assert.throws(() => reportParams(env("{")), /not JSON/);
  assert.throws(
    () => reportParams(env(JSON.stringify({ bogus: 1 }))),
    /Unknown report parameter "bogus"/,
  );
});
