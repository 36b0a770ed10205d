import assert from "node:assert/strict";
import { JOB_DEFAULTS, JOB_ENV, jobParams, resolveJobParams } from "./job_params.ts";
import { REPO_ROOT } from "../io/paths.ts";

Deno.test("jobParams() reads WORKBENCH_JOB, fills the study's defaults and names what is wrong", () => {
  const before = Deno.env.get(JOB_ENV);
  try {
    Deno.env.delete(JOB_ENV);
    const defaults = jobParams();
    assert.equal(defaults.device, "cuda");
    assert.deepEqual(defaults.sizes, ["4b", "8b", "14b"]);
    assert.equal(defaults.n, 500);
    assert.equal(defaults.results, `${REPO_ROOT}/runs/results`);
    Deno.env.set(JOB_ENV, JSON.stringify({ device: "cpu", models: { "8b": "/m" }, n: 4 }));
    const p = jobParams();
    assert.equal(p.device, "cpu");
    assert.equal(p.models["8b"], "/m");
    assert.equal(p.models["4b"], JOB_DEFAULTS.models["4b"]);
    Deno.env.set(JOB_ENV, "{device:");
    assert.throws(() => jobParams(), /WORKBENCH_JOB is not valid JSON/);
    Deno.env.set(JOB_ENV, JSON.stringify({ device: "gpu" }));
    assert.throws(() => jobParams(), /\$WORKBENCH_JOB: device must be "cuda" or "cpu", got "gpu"/);
  } finally {
    if (before === undefined) Deno.env.delete(JOB_ENV);
    else Deno.env.set(JOB_ENV, before);
  }
  assert.throws(
    () => resolveJobParams({ sizes: ["7b" as never] }),
    /sizes must be a non-empty list/,
  );
  assert.throws(() => resolveJobParams({ n: -1 }), /n must be a non-negative integer/);
  assert.throws(() => resolveJobParams({ trainArgs: ["max_steps=2"] }), /trainArgs must be a list/);
  assert.throws(() => resolveJobParams({ ragTopK: [0] }), /ragTopK must be a list of positive/);
});
