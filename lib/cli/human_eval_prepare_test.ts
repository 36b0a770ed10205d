import assert from "node:assert/strict";
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { parseHumanEvalPrepareArgs } from "./human_eval_prepare.ts";
import { HUMAN_EVAL_FILES } from "../human_eval/write_human_eval.ts";
import { readHumanEvalKey } from "../human_eval/human_eval_key.ts";

const STUDY = fromRoot("../shared/datasets/kz-legal-qa/results");
const CLI = fromRoot("lib/cli/human_eval_prepare.ts");

async function cli(args: string[]) {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    env: { NO_COLOR: "1" },
  }).output();
  return {
    code: r.code,
    out: new TextDecoder().decode(r.stdout),
    err: new TextDecoder().decode(r.stderr),
  };
}

Deno.test("parseHumanEvalPrepareArgs() reads every option and rejects unknown ones, stray arguments and bad numbers", () => {
  assert.deepEqual(
    parseHumanEvalPrepareArgs([
      "--results",
      "нәтижелер",
      "--runs=a, b,,c",
      "--n",
      "10",
      "--seed",
      "0",
      "--keep-traces",
      "--out",
      "оценка 2026",
      "--force",
    ]),
    {
      results: "нәтижелер",
      runs: ["a", "b", "c"],
      n: 10,
      seed: 0,
      keepTraces: true,
      out: "оценка 2026",
      force: true,
      help: false,
    },
  );
  const defaults = parseHumanEvalPrepareArgs(["--out", "o"]);
  assert.deepEqual([defaults.results, defaults.runs, defaults.n, defaults.seed], [
    "data/results",
    null,
    50,
    null,
  ]);
  assert.equal(parseHumanEvalPrepareArgs(["-h"]).help, true);
  assert.throws(
    () => parseHumanEvalPrepareArgs(["--questions", "5"]),
    /Unknown option "--questions"/,
  );
  assert.throws(() => parseHumanEvalPrepareArgs(["--seed"]), /--seed needs a value/);
  assert.throws(() => parseHumanEvalPrepareArgs(["--n", "-3"]), /--n needs a value/);
  assert.throws(
    () => parseHumanEvalPrepareArgs(["--n", "3.5"]),
    /--n needs a non-negative integer, got "3.5"/,
  );
  assert.throws(() => parseHumanEvalPrepareArgs(["--force=yes"]), /--force takes no value/);
  assert.throws(() => parseHumanEvalPrepareArgs(["results"]), /Unexpected argument "results"/);
});

Deno.test("human-eval-prepare keeps a drawn seed out of its output and the sheets, and reproduces a given one", async () => {
  const dir = await Deno.makeTempDir();
  const a = await cli(["--results", STUDY, "--n", "8", "--out", join(dir, "бағалау 1")]);
  assert.equal(a.code, 0, a.err);
  const key = await readHumanEvalKey(join(dir, "бағалау 1", HUMAN_EVAL_FILES.key));
  assert.equal(key.seed_source, "random");
  assert.ok(!a.err.includes(String(key.seed)), a.err);
  assert.match(a.err, /seed drawn at random \(written to the key only\)/);
  assert.match(a.err, /reasoning traces removed from \d+ of 64 answers/);
  assert.match(a.err, /warning: answer length: /);
  // The key's seed, given back, rebuilds the same sheet.
  const b = await cli([
    "--results",
    STUDY,
    "--n",
    "8",
    "--seed",
    String(key.seed),
    "--out",
    join(dir, "b"),
  ]);
  assert.equal(b.code, 0, b.err);
  assert.match(b.err, new RegExp(`seed ${key.seed} \\(given`));
  assert.equal(
    await Deno.readTextFile(join(dir, "b", HUMAN_EVAL_FILES.csv)),
    await Deno.readTextFile(join(dir, "бағалау 1", HUMAN_EVAL_FILES.csv)),
  );
  const bad = await cli(["--results", STUDY, "--frobnicate"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /Unknown option "--frobnicate"/);
  await Deno.remove(dir, { recursive: true });
});
