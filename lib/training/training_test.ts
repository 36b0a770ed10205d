import assert from "node:assert/strict";
import { join } from "node:path";
import { readTrainingCurve } from "./read_training_curve.ts";
import { emaSmooth } from "./smooth.ts";
import { learningRateFigure, lossFigure, lossRows } from "./training_figure.ts";

const STATE = {
  global_step: 20,
  log_history: [
    {
      epoch: 0.5,
      grad_norm: 1.5,
      learning_rate: 2e-4,
      loss: 1.2,
      step: 10,
      num_input_tokens_seen: 5000,
    },
    { epoch: 0.5, eval_loss: 1.1, eval_runtime: 3, step: 10 },
    {
      epoch: 1,
      grad_norm: 0.9,
      learning_rate: 1e-4,
      loss: 0.8,
      step: 20,
      num_input_tokens_seen: 9000,
      // transformers 5 adds these to every training-loss entry
      train_runtime: 0.11,
      train_tokens_per_second: 8955,
    },
    { epoch: 1, step: 20, total_flos: 1, train_loss: 1, train_runtime: 60 },
  ],
};

Deno.test("readTrainingCurve() reads the newest checkpoint's trainer_state.json and a run folder's log", async () => {
  const dir = await Deno.makeTempDir();
  const run = join(dir, "qwen3-4b-lora");
  await Deno.mkdir(join(run, "checkpoints", "checkpoint-10"), { recursive: true });
  await Deno.mkdir(join(run, "checkpoints", "checkpoint-20"), { recursive: true });
  await Deno.writeTextFile(
    join(run, "checkpoints", "checkpoint-10", "trainer_state.json"),
    JSON.stringify({ log_history: [] }),
  );
  await Deno.writeTextFile(
    join(run, "checkpoints", "checkpoint-20", "trainer_state.json"),
    JSON.stringify(STATE),
  );
  const curve = await readTrainingCurve(run);
  assert.equal(curve.name, "qwen3-4b-lora");
  assert.match(curve.source, /checkpoint-20/);
  assert.deepEqual(curve.points.map((p) => [p.step, p.loss, p.evalLoss, p.tokens]), [
    [10, 1.2, null, 5000],
    [10, null, 1.1, null],
    [20, 0.8, null, 9000],
  ]);
  await Deno.writeTextFile(
    join(run, "train_log.jsonl"),
    '{"step": 1, "loss": 2.0, "learning_rate": 1e-5, "tokens": 100}\n\n{"step": 2, "loss": 1.0}\n',
  );
  const log = await readTrainingCurve(run);
  assert.deepEqual(log.points.map((p) => [p.step, p.loss, p.learningRate]), [[1, 2, 1e-5], [
    2,
    1,
    null,
  ]]);
  await Deno.writeTextFile(join(run, "train_log.jsonl"), '{"step": "x", "loss": 1}\n');
  await assert.rejects(readTrainingCurve(run), /line 1: step must be an integer/);
  await assert.rejects(readTrainingCurve(join(dir, "nope")), /does not exist/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("emaSmooth() is debiased, skips nulls and rejects bad weights", () => {
  const s = emaSmooth([1, 3], 0.5);
  assert.equal(s[0], 1);
  assert.ok(Math.abs(s[1]! - (0.5 * 0.5 + 0.5 * 3) / 0.75) < 1e-12);
  assert.deepEqual(emaSmooth([null, 4], 0.5), [null, 4]);
  assert.throws(() => emaSmooth([1], 1), RangeError);
});

Deno.test("lossFigure() draws every run; tokens axis fails clearly when tokens are missing", () => {
  const a = {
    name: "4b",
    source: "a",
    points: STATE.log_history.map((e) => ({
      step: e.step,
      epoch: e.epoch,
      loss: e.loss ?? null,
      learningRate: e.learning_rate ?? null,
      gradNorm: e.grad_norm ?? null,
      evalLoss: e.eval_loss ?? null,
      tokens: e.num_input_tokens_seen ?? null,
    })).filter((p) => p.loss !== null || p.evalLoss !== null),
  };
  const b = {
    ...a,
    name: "14b",
    points: a.points.map((p) => ({ ...p, loss: p.loss && p.loss + 0.3, tokens: null })),
  };
  const svg = lossFigure([a, b], { x: "epoch" });
  assert.match(svg, /^<svg/);
  assert.ok(svg.includes(">4b<") && svg.includes(">14b<"));
  const tokens = lossRows([a], { x: "tokens" });
  assert.deepEqual(tokens.filter((r) => r.kind === "eval loss").map((r) => r.x), [5000]);
  assert.throws(() => lossRows([b], { x: "tokens" }), /Cannot plot run "14b" against tokens/);
  assert.match(learningRateFigure([a]), /^<svg/);
  assert.throws(() => lossFigure([{ name: "e", source: "s", points: [] }]), /No loss values/);
});
