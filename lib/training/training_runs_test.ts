import assert from "node:assert/strict";
import { join } from "node:path";
import { readTrainingRun } from "./read_training_run.ts";
import { readTrainingRuns } from "./read_training_runs.ts";
import { RESULT_COLUMNS, trainingRunSources, trainingRunsTable } from "./training_runs_table.ts";
import { evalLossFigure } from "./eval_loss_figure.ts";
import { writeTable } from "../tables/write_table.ts";
import { parseCsv } from "../io/csv.ts";

// Real run folders written by python/train.py, the transformers Trainer, TRL's SFTTrainer and an
// Unsloth-style TRL run on the tiny Qwen3 (fixtures/make_sweep_fixtures.py says how).
const SWEEP = new URL("./fixtures/sweep", import.meta.url).pathname;

Deno.test("readTrainingRuns() finds every run folder once, whatever wrote it", async () => {
  const runs = await readTrainingRuns(SWEEP);
  assert.deepEqual(runs.map((r) => [r.name, r.producer]), [
    ["all-r8-es", "train.py"],
    ["attn-r4", "train.py"],
    ["trainer-attn-gate", "transformers"],
    ["trl-sft-r8", "trl"],
    ["unsloth-qwen3/outputs", "unsloth"],
  ]);
  // a run folder given directly is one run, named after its folder
  const one = await readTrainingRuns(join(SWEEP, "trl-sft-r8"));
  assert.deepEqual(one.map((r) => r.name), ["trl-sft-r8"]);
});

Deno.test("readTrainingRun() takes the best eval loss, its step, epoch and kept checkpoint from a train.py run", async () => {
  const run = await readTrainingRun(join(SWEEP, "all-r8-es"));
  // train_log.jsonl evaluations: 6.0374 (1), 6.0109 (2), 5.9588 (3), 5.9632 (4), 5.9654 (5)
  assert.deepEqual(run.best, {
    evalLoss: 5.9588446617126465,
    step: 3,
    epoch: 0.75,
    checkpoint: "checkpoints/checkpoint-3",
  });
  assert.equal(run.finalEvalLoss, 5.965438365936279);
  assert.equal(run.finalTrainLoss, 5.943243503570557); // the last logged loss, not the mean
  assert.equal(run.steps, 5);
  assert.equal(run.stoppedEarly, true); // patience 2 after step 3, of 12 planned steps
  assert.equal(run.settings.planned_steps, 12);
  assert.equal(run.runtimeS, 1.243);
  assert.equal(run.peakGpuMemoryGb, null); // CPU run: summary.json records null
  // r=8 on all seven projections of 2 layers: 8 x (128+96+96+128+192+192+192) x 2
  assert.equal(run.trainableParams, 8 * 1024 * 2);
  assert.equal(
    run.settings.target_modules,
    "down_proj,gate_proj,k_proj,o_proj,q_proj,up_proj,v_proj",
  );
  assert.equal(run.settings.data, "python/tests/fixtures/train.jsonl (first 8)");
  assert.equal(run.settings.learning_rate, 0.1);
  assert.deepEqual(run.sources.map((s) => s.path.slice(SWEEP.length + 1)).sort(), [
    "all-r8-es/adapter/adapter_config.json",
    "all-r8-es/checkpoints/checkpoint-5/trainer_state.json",
    "all-r8-es/config.json",
    "all-r8-es/summary.json",
    "all-r8-es/train_log.jsonl",
  ]);
  assert.ok(run.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256)));
});

Deno.test("readTrainingRun() reads Trainer, TRL and Unsloth checkpoint folders", async () => {
  const trainer = await readTrainingRun(join(SWEEP, "trainer-attn-gate"));
  // checkpoint-4/trainer_state.json: eval 6.0348 (2), 6.0290 (4); no top-level state: no runtime
  assert.deepEqual(trainer.best, {
    evalLoss: 6.029019832611084,
    step: 4,
    epoch: 0.6666666666666666,
    checkpoint: "checkpoint-4",
  });
  assert.equal(trainer.runtimeS, null);
  // counted from the safetensors header: r=4 on q,k,v,o,gate: 4 x (128+96+96+128+192) x 2 layers
  assert.equal(trainer.trainableParams, 4 * 640 * 2);
  assert.equal(trainer.settings.target_modules, "gate_proj,k_proj,o_proj,q_proj,v_proj");
  assert.equal(trainer.settings.learning_rate, null); // only in the binary training_args.bin

  const trl = await readTrainingRun(join(SWEEP, "trl-sft-r8"));
  assert.equal(trl.best?.evalLoss, 5.987778186798096);
  assert.equal(trl.best?.step, 6);
  assert.equal(trl.runtimeS, 0.6224); // from the top-level trainer_state.json (save_state)
  assert.equal(trl.trainableParams, 8 * (128 + 96) * 2); // q,v at r=8
  assert.deepEqual([trl.settings.r, trl.settings.lora_alpha, trl.settings.lora_dropout], [
    8,
    16,
    0.05,
  ]);

  const unsloth = await readTrainingRun(join(SWEEP, "unsloth-qwen3", "outputs"));
  assert.equal(unsloth.best, null);
  assert.equal(unsloth.finalEvalLoss, null);
  assert.equal(unsloth.finalTrainLoss, 5.984851837158203);
  assert.equal(unsloth.steps, 6);
  assert.equal(unsloth.settings.base_model, "unsloth/qwen3-4b-unsloth-bnb-4bit");
});

Deno.test("trainingRunsTable() shows results and only the settings that differ", async () => {
  const runs = await readTrainingRuns(SWEEP);
  const table = trainingRunsTable(runs);
  assert.deepEqual(table.columns.slice(0, RESULT_COLUMNS.length), [...RESULT_COLUMNS]);
  assert.deepEqual(table.settingColumns, [
    "base_model",
    "r",
    "lora_alpha",
    "lora_dropout",
    "target_modules",
    "learning_rate",
    "lr_scheduler",
    "grad_accum",
    "planned_steps",
    "data",
    "early_stopping_patience",
    "seed",
  ]);
  // batch_size is 2 everywhere and first_stage null everywhere: not shown
  assert.ok(!table.columns.includes("batch_size") && !table.columns.includes("first_stage"));
  const byRun = Object.fromEntries(table.rows.map((r) => [r.run, r]));
  assert.equal(byRun["attn-r4"].best_step, 8);
  assert.equal(byRun["attn-r4"].target_modules, "k_proj,o_proj,q_proj,v_proj");
  assert.equal(byRun["unsloth-qwen3/outputs"].best_eval_loss, null);
  assert.equal(byRun["trl-sft-r8"].producer, "trl");

  const all = trainingRunsTable(runs, { settings: "all" });
  assert.equal(all.columns.length, RESULT_COLUMNS.length + 14);
  assert.throws(() => trainingRunsTable([]), RangeError);
  assert.throws(() => trainingRunsTable(runs, { settings: "some" as never }), RangeError);
  assert.equal(trainingRunSources(runs).length, runs.reduce((n, r) => n + r.sources.length, 0));
});

Deno.test("the sweep table is written as tables/training_runs.csv with full precision", async () => {
  const dir = await Deno.makeTempDir();
  const table = trainingRunsTable(await readTrainingRuns(SWEEP));
  await writeTable(table.rows, dir, "training_runs", { columns: table.columns });
  const rows = parseCsv(await Deno.readTextFile(join(dir, "training_runs.csv")));
  assert.equal(rows.length, 5);
  assert.deepEqual(Object.keys(rows[0]), table.columns);
  const es = rows.find((r) => r.run === "all-r8-es")!;
  assert.deepEqual(
    [es.best_eval_loss, es.best_step, es.best_checkpoint, es.stopped_early, es.trainable_params],
    ["5.9588446617126465", "3", "checkpoints/checkpoint-3", "true", "16384"],
  );
  assert.equal(rows.find((r) => r.run === "unsloth-qwen3/outputs")!.best_eval_loss, "");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("evalLossFigure() draws every run with an eval loss and leaves out the others", async () => {
  const runs = await readTrainingRuns(SWEEP);
  const svg = evalLossFigure(runs.map((r) => r.curve), { x: "epoch" });
  assert.match(svg, /^<svg xmlns=/);
  for (const name of ["all-r8-es", "attn-r4", "trainer-attn-gate", "trl-sft-r8"]) {
    assert.ok(svg.includes(`>${name}<`), name);
  }
  assert.ok(!svg.includes(">unsloth-qwen3/outputs<"));
  assert.match(
    svg,
    /14 evaluations of 4 runs\. Not shown \(no eval loss logged\): unsloth-qwen3\/outputs/,
  );
  assert.equal(svg.match(/ r="6"/g)?.length, 4, "one ring per run, at its best evaluation");
  const unsloth = runs.filter((r) => r.producer === "unsloth").map((r) => r.curve);
  assert.throws(
    () => evalLossFigure(unsloth),
    /none of the 1 runs logged one \(unsloth-qwen3\/outputs\)/,
  );
});

Deno.test("bad run folders fail with the file and what was expected", async () => {
  const dir = await Deno.makeTempDir();
  await assert.rejects(readTrainingRuns(join(dir, "nope")), /"[^"]*nope": it is not a directory/);
  await Deno.mkdir(join(dir, "empty", "deeper"), { recursive: true });
  await assert.rejects(readTrainingRuns(join(dir, "empty")), /no run folder within 4 levels/);
  await Deno.mkdir(join(dir, "bad", "checkpoint-2"), { recursive: true });
  await Deno.writeTextFile(join(dir, "bad", "checkpoint-2", "trainer_state.json"), "{");
  await assert.rejects(
    readTrainingRuns(dir),
    /Cannot read training run file "[^"]*checkpoint-2\/trainer_state\.json": not valid JSON/,
  );
  await Deno.writeTextFile(
    join(dir, "bad", "checkpoint-2", "trainer_state.json"),
    JSON.stringify({ global_step: 2, log_history: [{ step: 2, eval_loss: "x" }] }),
  );
  await assert.rejects(readTrainingRuns(dir), /log_history\[0\]: eval_loss must be a number/);
  await Deno.writeTextFile(
    join(dir, "bad", "checkpoint-2", "trainer_state.json"),
    JSON.stringify({ global_step: 2, log_history: [{ step: 2, eval_loss: 1.5 }] }),
  );
  await Deno.writeFile(
    join(dir, "bad", "checkpoint-2", "adapter_model.safetensors"),
    new Uint8Array(4),
  );
  await assert.rejects(
    readTrainingRuns(dir),
    /adapter_model\.safetensors": shorter than its 8-byte/,
  );
  await Deno.remove(join(dir, "bad", "checkpoint-2", "adapter_model.safetensors"));
  const [run] = await readTrainingRuns(dir);
  assert.deepEqual([run.name, run.best?.evalLoss, run.trainableParams], ["bad", 1.5, null]);
  await Deno.remove(dir, { recursive: true });
});
