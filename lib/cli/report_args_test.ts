import assert from "node:assert/strict";
import { parseReportArgs, REPORT_USAGE } from "./report_args.ts";
import { resolveParams } from "../report/params.ts";
import { reportCommand } from "../report/report_command.ts";
import { REPORT_PARAM_ENTRIES } from "../report/report_params.ts";
import { optionName } from "../report/param_kinds.ts";

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
    /--resamples must be at most 1000000, got 9007199254740993/,
  );
  assert.throws(() => parseReportArgs(["--resamples", "99"]), /--resamples must be at least 100/);
});

Deno.test("parseReportArgs(): none gives an empty list or no path, for every such option", () => {
  assert.deepEqual(
    parseReportArgs(["--judgments", "none", "--runs", "none", "--human-eval-key", "none"]),
    { judgments: [], runs: null, humanEvalKey: null },
  );
});

Deno.test("parseReportArgs() reads back the command line written at the top of report.md", () => {
  const params = resolveParams({
    results: "r",
    data: ["a", "b"],
    skipBadLines: true,
    humanEval: [],
    humanEvalKey: "k.json",
    judgments: ["j"],
    published: null,
    runs: "runs",
    resamples: 500,
    seed: 7,
  });
  const args = reportCommand(params).flatMap((flag) => flag.split(" "));
  const { out: _, cache: __, sectionsDir: ___, ...content } = params;
  assert.deepEqual(resolveParams(parseReportArgs(args)), { ...resolveParams({}), ...content });
});

Deno.test("REPORT_USAGE names every option of the declaration, with its default", () => {
  for (const [key, spec] of REPORT_PARAM_ENTRIES.filter(([, s]) => s.cli)) {
    const name = optionName(key, spec);
    assert.match(REPORT_USAGE, new RegExp(`^  --${name}\\b`, "m"), name);
  }
  assert.doesNotMatch(REPORT_USAGE, /sections-dir/, "set by the runner, not an option");
  assert.match(REPORT_USAGE, /--resamples N +Bootstrap resamples.*\n.*\(default: 10000\)/);
  assert.match(
    REPORT_USAGE,
    /^ {2}--no-cache +Score every result file and render every figure afresh/m,
  );
  assert.match(REPORT_USAGE, /^ {2}--overwrite-edits /m);
});
