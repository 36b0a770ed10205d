import assert from "node:assert/strict";
import { BASELINE_DEFAULTS, benchmarkArgs, parseBaselineArgs } from "./baseline.ts";

Deno.test("parseBaselineArgs() applies defaults and both option spellings", () => {
  assert.deepEqual(parseBaselineArgs([]), BASELINE_DEFAULTS);
  const args = parseBaselineArgs([
    "--data",
    "x",
    "--out=y",
    "--n=20",
    "--seed",
    "7",
    "--retriever=bm25",
  ]);
  assert.deepEqual(args, { data: "x", out: "y", n: 20, seed: 7, retriever: "bm25" });
  assert.deepEqual(benchmarkArgs(args), [
    "--system=retrieval",
    "--train_file=x/train.jsonl",
    "--val_file=x/validation.jsonl",
    "--out=y",
    "--n=20",
    "--seed=7",
    "--retriever=bm25",
  ]);
});

Deno.test("parseBaselineArgs() rejects unknown options and bad numbers", () => {
  assert.throws(() => parseBaselineArgs(["--nn", "3"]), /Unknown option "--nn"/);
  assert.throws(() => parseBaselineArgs(["--n=-1"]), RangeError);
  assert.throws(
    () => parseBaselineArgs(["--n", "-1"]),
    /--n needs a value \(a value starting with "-" is written --n=VALUE\)/,
  );
  assert.throws(() => parseBaselineArgs(["--retriever", "dense"]), /tfidf or bm25/);
  assert.throws(() => parseBaselineArgs(["--data"]), /--data needs a value/);
});
