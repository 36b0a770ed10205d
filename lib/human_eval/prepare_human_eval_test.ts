import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { parseCsvRows } from "../io/csv.ts";
import { prepareHumanEval, sheetText } from "./prepare_human_eval.ts";
import { readHumanEvalKey } from "./human_eval_key.ts";
import { isReasoningTrace, stripReasoningTrace } from "../behaviour/reasoning_trace.ts";
import { fakeAnsweredRun } from "../testing/fake_run.ts";
import { compareIds } from "../analysis/pair_runs.ts";
import { HUMAN_EVAL_FILES, writeHumanEval } from "./write_human_eval.ts";
import { neutralizeCell } from "../escape/neutralize_cell.ts";
import { SHEET_COLUMNS } from "./sheet_columns.ts";
import { readTable } from "./_read_table.ts";

const STUDY = fromRoot("../shared/datasets/kz-legal-qa/results");
const { runs } = await loadResults(STUDY);

Deno.test("prepareHumanEval() uses the study's eight result files: 50 shared questions x 8 labelled answers", () => {
  assert.equal(runs.length, 8);
  const p = prepareHumanEval(runs, { n: 50, seed: 42 });
  assert.equal(p.rows.length, 400);
  assert.deepEqual(p.labels, ["A", "B", "C", "D", "E", "F", "G", "H"]);
  assert.deepEqual(p.questions, [...p.questions].sort(compareIds));
  assert.equal(new Set(p.questions).size, 50);
  // The same seed gives the same sheet and key; another seed another choice.
  assert.deepEqual(prepareHumanEval(runs, { n: 50, seed: 42 }), p);
  assert.notDeepEqual(prepareHumanEval(runs, { n: 50, seed: 43 }).questions, p.questions);
});

Deno.test("prepareHumanEval() writes every answer in full, less its reasoning trace, each under the run the key names", () => {
  const p = prepareHumanEval(runs, { n: 50, seed: 42 });
  const byRun = new Map(runs.map((r) => [r.run.id, new Map(r.samples!.map((s) => [s.id, s]))]));
  let long = 0;
  p.rows.forEach((row, i) => {
    const item = p.key.items[i];
    assert.equal(item.question, row["номер_вопроса"]);
    assert.equal(item.label, row["вариант"]);
    const sample = byRun.get(item.run)!.get(item.question)!;
    const stripped = stripReasoningTrace(sample.prediction);
    assert.equal(row["ответ_модели"], sheetText(stripped.text));
    assert.equal(item.trace_removed, stripped.removed);
    assert.equal(item.trace_chars, stripped.removedChars);
    assert.equal(row["эталонный_ответ"], neutralizeCell(sample.reference));
    if (stripped.removed === null) {
      assert.equal(row["ответ_модели"], neutralizeCell(sample.prediction));
    }
    if (sample.prediction.length > 200) long++;
  });
  assert.ok(long > 100, `only ${long} answers longer than 200 characters: were answers cut?`);
});

Deno.test("reasoning traces never reach the raters, and the key records every removal", () => {
  const p = prepareHumanEval(runs, { n: 50, seed: 42 });
  const base14 = p.key.items.filter((it) => it.run === "baseline_14b");
  // On the 14B base run 483 of 500 answers carry a trace (lib/behaviour); of these 50 questions:
  const sample = new Map(
    runs.find((r) => r.run.id === "baseline_14b")!.samples!.map((s) => [s.id, s]),
  );
  const expected =
    base14.filter((it) => isReasoningTrace(sample.get(it.question)!.prediction)).length;
  assert.ok(expected >= 45, `${expected}`);
  assert.equal(base14.filter((it) => it.trace_removed !== null).length, expected);
  assert.ok(base14.some((it) => it.trace_removed === "think-tags"));
  assert.ok(base14.some((it) => it.trace_removed === "monologue"));
  for (const [i, row] of p.rows.entries()) {
    const answer = row["ответ_модели"];
    assert.ok(!/<\/?think>/i.test(answer), `row ${i + 2} keeps a think tag`);
    assert.equal(isReasoningTrace(answer), false, `row ${i + 2}: ${answer.slice(0, 80)}`);
  }
  // Fine-tuned and GPT answers are untouched.
  for (const it of p.key.items.filter((it) => !it.run.startsWith("baseline_"))) {
    assert.deepEqual([it.trace_removed, it.trace_chars], [null, 0]);
  }
  // With stripTraces: false the answers go as they were, and nothing is recorded as removed.
  const kept = prepareHumanEval(runs, { n: 50, seed: 42, stripTraces: false });
  assert.ok(kept.key.items.every((it) => it.trace_removed === null));
  assert.ok(kept.rows.some((r) => isReasoningTrace(r["ответ_модели"])));
});

Deno.test("prepareHumanEval() draws a fresh seed unless given, and writes it to the key only", async () => {
  const a = prepareHumanEval(runs, { n: 50 });
  const b = prepareHumanEval(runs, { n: 50 });
  assert.equal(a.key.seed_source, "random");
  assert.ok(Number.isInteger(a.key.seed) && a.key.seed! >= 0);
  assert.notEqual(a.key.seed, b.key.seed);
  assert.notDeepEqual(a.key.items, b.key.items);
  // The key's seed reproduces the preparation; a given seed is recorded as given.
  const again = prepareHumanEval(runs, { n: 50, seed: a.key.seed! });
  assert.deepEqual(again.rows, a.rows);
  assert.deepEqual(again.key.items, a.key.items);
  assert.equal(again.key.seed_source, "given");
  // Nothing sent to the raters carries the seed.
  const dir = await Deno.makeTempDir();
  await writeHumanEval(a, dir);
  const seed = String(a.key.seed);
  for (const f of [HUMAN_EVAL_FILES.csv, HUMAN_EVAL_FILES.instructions]) {
    assert.ok(!(await Deno.readTextFile(join(dir, f))).includes(seed), f);
  }
  const key = await readHumanEvalKey(join(dir, HUMAN_EVAL_FILES.key));
  assert.deepEqual([key.version, key.seed, key.seed_source], [2, a.key.seed, "random"]);
  assert.deepEqual(key.items, a.key.items);
  assert.deepEqual(key.warnings, a.warnings);
  await Deno.remove(dir, { recursive: true });
  assert.throws(() => prepareHumanEval(runs, { seed: -1 }), /Seed must be a non-negative integer/);
});

Deno.test("prepareHumanEval() warns about cues that remain: length, language, cut and empty answers", () => {
  const p = prepareHumanEval(runs, {
    runs: ["baseline_14b", "benchmark_14b_ft", "benchmark_gpt4o"],
    n: 50,
    seed: 42,
  });
  const text = p.warnings.join("\n");
  assert.match(
    text,
    /answer length: the median answer of "baseline_14b" is \d+\.\d times as long as that of "benchmark_14b_ft"/,
  );
  assert.match(text, /empty answers: \d+% of "baseline_14b" vs 0% of/);
  assert.deepEqual(p.key.warnings, p.warnings);
  // Runs that answer alike give no warning.
  const alike = prepareHumanEval([
    fakeAnsweredRun("a", [
      "Жауап: салық төлеу міндетті.",
      "Ответ: налог уплачивается.",
      "Иә, міндетті.",
    ]),
    fakeAnsweredRun("b", [
      "Салық төленуі тиіс.",
      "Налог платится ежегодно.",
      "Жоқ, міндетті емес.",
    ]),
  ], { n: 3, seed: 1 });
  assert.deepEqual(alike.warnings, []);
  // A run answering a Kazakh question in Russian and cut mid-sentence is named.
  const odd = prepareHumanEval([
    fakeAnsweredRun("ft", ["Налог уплачивается ежегодно.", "Салық жыл сайын төленеді.", "Ответ."]),
    fakeAnsweredRun("base", ["Налог уплачивается, если", "Налог уплачивается, если", "Налог"]),
  ], { n: 3, seed: 1 });
  assert.match(
    odd.warnings.join("\n"),
    /another language than the question: 33% of "base" vs 0% of "ft"/,
  );
  assert.match(odd.warnings.join("\n"), /stop mid-sentence: 100% of "base" vs 0% of "ft"/);
});

Deno.test("prepareHumanEval() rejects unknown runs, too few runs and too many questions", () => {
  assert.throws(
    () => prepareHumanEval(runs, { runs: ["baseline_4b", "nope"] }),
    /Unknown run "nope"/,
  );
  assert.throws(() => prepareHumanEval(runs, { runs: ["baseline_4b"] }), RangeError);
  assert.throws(() => prepareHumanEval(runs, { n: 501 }), /Only 500 questions/);
});

Deno.test("blinding: nothing in the sheets a rater gets identifies a run", async () => {
  const dir = await Deno.makeTempDir();
  const p = prepareHumanEval(runs, { n: 50, seed: 42 });
  await writeHumanEval(p, dir);
  // The raters' folder holds the sheet and the instructions only; the key lies outside it.
  const sent = (await Array.fromAsync(Deno.readDir(join(dir, "raters")))).map((e) => e.name).sort();
  assert.deepEqual(sent, ["eval_sheet.csv", "eval_sheet.xlsx", "instructions_ru.txt"]);
  assert.equal(HUMAN_EVAL_FILES.key.startsWith("raters/"), false);

  // Columns: exactly the study's, none carrying a length, time, model or metric.
  const csv = parseCsvRows(await Deno.readTextFile(join(dir, HUMAN_EVAL_FILES.csv)));
  assert.deepEqual(csv[0], [...SHEET_COLUMNS]);

  // No run id, model name or run label anywhere, except where an answer itself contains it.
  const names = runs.flatMap((r) => [r.run.id, r.run.model, r.run.label]).filter((s) =>
    s.length >= 4
  );
  const answerCol = SHEET_COLUMNS.indexOf("ответ_модели");
  for (const row of csv.slice(1)) {
    row.forEach((cell, c) => {
      if (c === answerCol) return;
      for (const name of names) {
        assert.ok(
          !cell.toLowerCase().includes(name.toLowerCase()),
          `"${name}" in column ${SHEET_COLUMNS[c]}`,
        );
      }
    });
  }
  const instructions = await Deno.readTextFile(join(dir, HUMAN_EVAL_FILES.instructions));
  for (const name of names) {
    assert.ok(!instructions.includes(name), `"${name}" in the instructions`);
  }

  // The label of a run changes from question to question, and every label mixes runs.
  for (const run of p.key.runs) {
    const labels = new Set(p.key.items.filter((it) => it.run === run).map((it) => it.label));
    assert.ok(labels.size >= 4, `run ${run} got only labels ${[...labels]}`);
  }
  for (const label of p.labels) {
    const behind = new Set(p.key.items.filter((it) => it.label === label).map((it) => it.run));
    assert.ok(behind.size >= 4, `label ${label} always hides one of ${[...behind]}`);
  }
  // Rows follow question id then label: the row order carries no run information.
  const order = csv.slice(1).map((r) => [r[0], r[4]]);
  const sorted = [...order].sort((a, b) => compareIds(a[0], b[0]) || (a[1] < b[1] ? -1 : 1));
  assert.deepEqual(order, sorted);

  // The XLSX holds the same cells as the CSV and no identifying document properties.
  const xlsx = await readTable(join(dir, HUMAN_EVAL_FILES.xlsx));
  assert.deepEqual([xlsx.header, ...xlsx.rows.map((r) => r.cells)], csv);
  const wb = new ExcelJS.Workbook();
  // deno-lint-ignore no-explicit-any
  await wb.xlsx.load((await Deno.readFile(join(dir, HUMAN_EVAL_FILES.xlsx))) as any);
  const props = [
    wb.creator,
    wb.lastModifiedBy,
    wb.title,
    wb.subject,
    wb.keywords,
    wb.description,
    wb.company,
    wb.manager,
    wb.category,
  ]
    .filter((x) => x).join(" ");
  for (const name of names) {
    assert.ok(!props.includes(name), `"${name}" in the workbook properties`);
  }
  assert.deepEqual(wb.worksheets.map((w) => w.name), ["Оценка", "Инструкция"]);
});

Deno.test("writeHumanEval() writes byte-identical files for the same preparation and keeps an existing key", async () => {
  const p = prepareHumanEval(runs, { n: 5, seed: 7 });
  const a = await Deno.makeTempDir(), b = await Deno.makeTempDir();
  await writeHumanEval(p, a);
  await writeHumanEval(p, b);
  for (const f of Object.values(HUMAN_EVAL_FILES)) {
    assert.deepEqual(await Deno.readFile(join(a, f)), await Deno.readFile(join(b, f)), f);
  }
  const csv = await Deno.readFile(join(a, HUMAN_EVAL_FILES.csv));
  assert.deepEqual([...csv.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  await assert.rejects(() => writeHumanEval(p, a), /Refusing to overwrite ".*key\.json"/);
  await writeHumanEval(p, a, { overwrite: true });
});
