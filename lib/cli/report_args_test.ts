import assert from "node:assert/strict";
import { parseReportArgs } from "./report_args.ts";

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
    "--judgments",
    "runs/judge/судья",
    "runs/judge/b",
    "--published=none",
    "--resamples",
    "2000",
    "--seed",
    "0",
    "--no-cache",
  ]);
  assert.deepEqual(p, {
    results: "r",
    out: "o",
    data: ["a", "b"],
    skipBadLines: true,
    humanEval: ["h1.csv", "h2.xlsx"],
    humanEvalKey: "k.json",
    judgments: ["runs/judge/судья", "runs/judge/b"],
    published: null,
    resamples: 2000,
    seed: 0,
    cache: false,
  });
  assert.deepEqual(parseReportArgs(["--human-eval", "none"]), { humanEval: [] });
});

Deno.test("parseReportArgs() rejects unknown options, stray arguments and missing values", () => {
  assert.throws(() => parseReportArgs(["--result", "x"]), /Unknown option "--result"/);
  assert.throws(() => parseReportArgs(["--out"]), /--out needs a value/);
  assert.throws(() => parseReportArgs(["stray"]), /Unexpected argument "stray"/);
  assert.throws(
    () => parseReportArgs(["--seed", "-1"]),
    /--seed needs a value \(a value starting with "-" is written --seed=VALUE\)/,
  );
  assert.throws(() => parseReportArgs(["--seed=-1"]), /--seed needs a non-negative integer/);
});

Deno.test("parseReportArgs() refuses a seed the generator would round or wrap, naming --seed", () => {
  assert.throws(
    () => parseReportArgs(["--seed", "9007199254740993"]),
    (e: Error) => e instanceof RangeError && /--seed must be at most 4294967295/.test(e.message),
  );
  assert.throws(() => parseReportArgs(["--seed", "4294967296"]), /--seed must be at most/);
  assert.equal(parseReportArgs(["--seed", "4294967295"]).seed, 4294967295);
  assert.throws(
    () => parseReportArgs(["--resamples", "9007199254740993"]),
    /--resamples is too large to be represented exactly/,
  );
});
