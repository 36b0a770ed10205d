import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { parseCsvRows } from "../io/csv.ts";
import { prepareHumanEval } from "./prepare_human_eval.ts";
import { compareIds } from "../analysis/pair_runs.ts";
import { HUMAN_EVAL_FILES, writeHumanEval } from "./write_human_eval.ts";
import { neutralizeCell } from "./neutralize_cell.ts";
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

Deno.test("prepareHumanEval() writes every answer in full, each under the run the key names", () => {
  const p = prepareHumanEval(runs, { n: 50, seed: 42 });
  const byRun = new Map(runs.map((r) => [r.run.id, new Map(r.samples!.map((s) => [s.id, s]))]));
  let long = 0;
  p.rows.forEach((row, i) => {
    const item = p.key.items[i];
    assert.equal(item.question, row["номер_вопроса"]);
    assert.equal(item.label, row["вариант"]);
    const sample = byRun.get(item.run)!.get(item.question)!;
    assert.equal(row["ответ_модели"], neutralizeCell(sample.prediction));
    assert.equal(row["эталонный_ответ"], neutralizeCell(sample.reference));
    if (sample.prediction.length > 200) long++;
  });
  assert.ok(long > 100, `only ${long} answers longer than 200 characters: were answers cut?`);
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
  await assert.rejects(() => writeHumanEval(p, a), /Refusing to overwrite the key/);
  await writeHumanEval(p, a, { overwrite: true });
});
