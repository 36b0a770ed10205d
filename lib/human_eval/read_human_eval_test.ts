import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { projectPython } from "../pyenv/project_python.ts";
import { loadResults } from "../results/load_results.ts";
import { fromRoot } from "../io/paths.ts";
import { scoredFromRuns } from "../scored/load_scored.ts";
import { parseCsvRows, stringifyCsv } from "../io/csv.ts";
import { seededRandom } from "../stats/rng.ts";
import { bootstrapCi } from "../stats/bootstrap.ts";
import { prepareHumanEval } from "./prepare_human_eval.ts";
import { HUMAN_EVAL_FILES, writeHumanEval } from "./write_human_eval.ts";
import { readHumanEvalKey } from "./human_eval_key.ts";
import { readHumanEval } from "./read_human_eval.ts";
import { humanEvalSummary } from "./human_eval_summary.ts";
import { humanEvalPaired } from "./human_eval_paired.ts";
import { humanEvalAgreement } from "./human_eval_agreement.ts";
import { humanEvalCorrelation } from "./human_eval_correlation.ts";
import { fillCsv, type Filled, fillXlsx } from "./_test_fill.ts";
import { fakeAnsweredRun } from "../testing/fake_run.ts";

const STUDY = fromRoot("../shared/datasets/kz-legal-qa/results");
const STUDY_SHEET = fromRoot("../shared/datasets/kz-legal-qa/human_eval/eval_sheet_filled.csv");
const BOOT = { resamples: 1000, seed: 5 };

Deno.test("round trip: sheets prepared from the study's 8 result files, filled by two raters (CSV and XLSX), read back exactly", async () => {
  const { runs } = await loadResults(STUDY);
  const dir = await Deno.makeTempDir();
  const p = prepareHumanEval(runs, { n: 50, seed: 42 });
  const files = await writeHumanEval(p, dir);
  const random = seededRandom(2024);
  const ivanova = join(dir, "ivanova.csv"), akhmetov = join(dir, "akhmetov.xlsx");
  const filled: Record<string, Filled[]> = {
    ivanova: await fillCsv(files.csv, ivanova, random, 0.05),
    akhmetov: await fillXlsx(files.xlsx, akhmetov, random, 0.05),
  };
  const key = await readHumanEvalKey(files.key);
  const data = await readHumanEval([ivanova, akhmetov], { key });

  // Every judgement comes back, blank cells as null, under the run the key names.
  const runOf = new Map(p.key.items.map((it) => [`${it.question}/${it.label}`, it.run]));
  const expected = Object.entries(filled).flatMap(([rater, rows]) =>
    rows.map((f) => ({ rater, ...f, run: runOf.get(`${f.question}/${f.label}`) }))
  );
  const got = data.ratings.map((
    { rater, question, label, correctness, completeness, relevance, hallucination, run },
  ) => ({
    rater,
    question,
    label,
    correctness,
    completeness,
    relevance,
    hallucination,
    run,
  }));
  assert.equal(got.length, 800);
  assert.deepEqual(got, expected);
  const blanks = filled.ivanova.filter((f) => f.correctness === null).length;
  assert.ok(blanks > 0);
  assert.equal(data.sheets[0].blanks.correctness, blanks);
  assert.deepEqual(data.sheets.map((s) => s.format), ["csv", "xlsx"]);

  // Summaries equal the definition computed directly from what was written.
  const rows = humanEvalSummary(data, BOOT);
  assert.deepEqual(rows.map((r) => r.run), p.key.runs);
  const avg = (xs: (number | null)[]) => {
    const d = xs.filter((x): x is number => x !== null);
    return d.length ? d.reduce((a, b) => a + b, 0) / d.length : null;
  };
  for (const row of rows) {
    const items = p.questions.map((q) => {
      const label = p.key.items.find((it) => it.question === q && it.run === row.run)!.label;
      const mine = expected.filter((e) => e.question === q && e.label === label);
      return {
        correctness: avg(mine.map((m) => m.correctness)),
        hallucination: avg(mine.map((m) => m.hallucination)),
      };
    });
    const c = bootstrapCi(items.map((i) => i.correctness), BOOT);
    const h = bootstrapCi(items.map((i) => i.hallucination), BOOT);
    assert.ok(Math.abs((row.correctness_mean as number) - c.mean) < 1e-12);
    assert.deepEqual([row.correctness_lo, row.correctness_hi], [c.lo, c.hi]);
    assert.ok(Math.abs((row.hallucination_rate_mean as number) - h.mean) < 1e-12);
    assert.equal(row.n, 50);
  }

  // Paired comparisons, agreement and correlation run on the same data.
  const paired = humanEvalPaired(data, BOOT);
  assert.equal(paired.length, 28 * 4);
  for (const r of paired) {
    assert.ok(
      (r.p_holm as number) >= (r.p as number) && (r.p as number) > 0 && (r.p as number) <= 1,
    );
  }
  const agreement = humanEvalAgreement(data, BOOT);
  assert.deepEqual(agreement.map((a) => [a.judgement, a.level]), [
    ["correctness", "ordinal"],
    ["completeness", "ordinal"],
    ["relevance", "ordinal"],
    ["hallucination_rate", "nominal"],
  ]);
  // Independent random judgements agree at chance level.
  for (const a of agreement) {
    assert.ok(Math.abs(a.alpha_mean as number) < 0.15, `alpha ${a.alpha_mean}`);
  }
  const corr = humanEvalCorrelation(data, scoredFromRuns(runs));
  assert.equal(corr.matched, 400);
  assert.ok(corr.rows.some((r) => r.metric === "bertscore_f1" && r.judgement === "correctness"));
});

Deno.test("readHumanEval() reads the study's published sheet: 50 questions x labels A-D, per-label means", async () => {
  const data = await readHumanEval([STUDY_SHEET]);
  assert.equal(data.ratings.length, 200);
  assert.equal(data.sheets[0].rater, "eval_sheet_filled");
  assert.deepEqual(data.sheets[0].blanks, {
    correctness: 0,
    completeness: 0,
    relevance: 0,
    hallucination: 0,
  });
  const rows = humanEvalSummary(data, BOOT);
  // Means counted by hand from the CSV (python csv module): e.g. label A has 155 correctness
  // points over 50 answers = 3.1, and 6 of 50 answers judged «да».
  assert.deepEqual(rows.map((r) => [r.label, r.n, r.correctness_mean, r.hallucination_rate_mean]), [
    ["A", 50, 3.1, 0.12],
    ["B", 50, 3.04, 0.2],
    ["C", 50, 3.1, 0.14],
    ["D", 50, 2.92, 0.14],
  ]);
  assert.throws(() => humanEvalPaired(data), /need a key/);
});

/** Writes a small sheet (2 questions x labels A, B) with the given edits; returns its path. */
async function sheet(name: string, edit: (rows: string[][]) => void = () => {}): Promise<string> {
  const header = [
    "номер_вопроса",
    "вопрос",
    "контекст",
    "эталонный_ответ",
    "вариант",
    "ответ_модели",
    "корректность_1_5",
    "полнота_1_5",
    "релевантность_1_5",
    "галлюцинация_да_нет",
    "комментарий",
  ];
  const rows = [header];
  for (const q of ["0", "1"]) {
    for (const l of ["A", "B"]) {
      rows.push([q, "Сұрақ", "", "Эталон", l, "Жауап", "4", "3", "5", "нет", ""]);
    }
  }
  edit(rows);
  const path = join(await Deno.makeTempDir(), name);
  await Deno.writeTextFile(path, stringifyCsv(rows, { bom: true }));
  return path;
}

Deno.test("readHumanEval() names file, row and column of every invalid value", async () => {
  const path = await sheet("rater1.csv", (rows) => {
    rows[2][6] = "7"; // row 3 of the spreadsheet
    rows[3][9] = "может быть";
    rows[4][4] = "b";
    rows[1][8] = "4.5";
  });
  await assert.rejects(() => readHumanEval([path]), (e: Error) => {
    assert.ok(e instanceof RangeError);
    assert.match(e.message, /4 problems/);
    assert.match(
      e.message,
      /rater1\.csv" row 3, column корректность_1_5: expected an integer from 1 to 5 or a blank cell, got "7"/,
    );
    assert.match(
      e.message,
      /row 4, column галлюцинация_да_нет: expected "да", "нет" or a blank cell, got "может быть"/,
    );
    assert.match(e.message, /row 5, column вариант: expected one capital letter A-Z, got "b"/);
    assert.match(e.message, /row 2, column релевантность_1_5: .*got "4.5"/);
    return true;
  });
});

Deno.test("readHumanEval() reports missing and repeated rows, with and without a key", async () => {
  const missing = await sheet("r.csv", (rows) => rows.splice(4, 1));
  await assert.rejects(
    () => readHumanEval([missing]),
    /missing row: question "1" has no label B \(other questions have A, B\)/,
  );
  const repeated = await sheet("r.csv", (rows) => (rows[2][4] = "A"));
  await assert.rejects(
    () => readHumanEval([repeated]),
    /row 3, column вариант: question "0", label "A" already appears in row 2/,
  );
  const key = {
    format: "workbench-human-eval-key" as const,
    version: 1 as const,
    seed: 1,
    runs: ["x", "y", "z"],
    sources: [],
    items: ["0", "1"].flatMap((q) =>
      ["A", "B", "C"].map((l, i) => ({
        question: q,
        label: l,
        run: ["x", "y", "z"][i],
        answer_sha256: null,
      }))
    ),
  };
  const plain = await sheet("r.csv");
  await assert.rejects(
    () => readHumanEval([plain], { key }),
    /missing row: question "0", label "C" of the key has no row/,
  );
  const unknown = await sheet("r.csv", (rows) => (rows[1][4] = "D"));
  await assert.rejects(
    () => readHumanEval([unknown], { key }),
    /row 2, column вариант: label "D" is not in the key for question "0" \(key has A, B, C\)/,
  );
});

Deno.test("readHumanEval() counts blank cells instead of dropping them, and rejects a sheet without score columns", async () => {
  const path = await sheet("r.csv", (rows) => {
    rows[1][6] = "";
    rows[2][6] =
      rows[2][7] =
      rows[2][8] =
      rows[2][9] =
        "";
  });
  const data = await readHumanEval([path]);
  assert.equal(data.ratings.length, 4);
  assert.deepEqual(data.sheets[0].blanks, {
    correctness: 2,
    completeness: 1,
    relevance: 1,
    hallucination: 1,
  });
  assert.equal(data.sheets[0].unratedRows, 1);
  assert.equal(data.ratings[0].correctness, null);
  const noScores = await sheet("r.csv", (rows) => rows.forEach((r) => r.splice(6, 1)));
  await assert.rejects(() => readHumanEval([noScores]), /lacks column корректность_1_5/);
  const latin1 = join(await Deno.makeTempDir(), "r.csv");
  await Deno.writeFile(latin1, new Uint8Array([0xed, 0xee, 0xec, 0x0a]));
  await assert.rejects(() => readHumanEval([latin1]), /not UTF-8/);
});

Deno.test("readHumanEval() with a key catches a re-sorted sheet by its answers", async () => {
  const runs = [
    fakeAnsweredRun("a", ["Жауап бір", "Ответ два"]),
    fakeAnsweredRun("b", ["Басқа жауап", "Другой ответ"]),
  ];
  const dir = await Deno.makeTempDir();
  const files = await writeHumanEval(prepareHumanEval(runs, { n: 2, seed: 3 }), dir);
  const rows = parseCsvRows(await Deno.readTextFile(files.csv));
  [rows[1][5], rows[2][5]] = [rows[2][5], rows[1][5]]; // a rater sorted the answer column only
  const path = join(dir, "r.csv");
  await Deno.writeTextFile(path, stringifyCsv(rows, { bom: true }));
  const key = await readHumanEvalKey(join(dir, HUMAN_EVAL_FILES.key));
  await assert.rejects(
    () => readHumanEval([path], { key }),
    /row 2, column ответ_модели: the answer differs/,
  );
});

Deno.test("an answer with bare carriage returns stays in its row of the CSV sheet, as Python's csv module reads it", async () => {
  const answers = [
    'Жауап:\r=HYPERLINK("http://evil.example")\rСоңы',
    "Ответ\r@SUM(1,1)\r\nконец",
    "Салық кодексінің 12-бабы\r+1",
  ];
  const runs = [
    fakeAnsweredRun("a", answers),
    fakeAnsweredRun("b", answers.map((x) => `${x}\rb`)),
  ];
  const p = prepareHumanEval(runs, { n: answers.length, seed: 6 });
  const dir = await Deno.makeTempDir();
  const files = await writeHumanEval(p, dir);
  const python = await projectPython(["pytest"]);
  const script =
    "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps(list(csv.reader(f))))";
  const out = await new Deno.Command(python, { args: ["-c", script, files.csv] }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const rows: string[][] = JSON.parse(new TextDecoder().decode(out.stdout));
  assert.equal(rows.length, 1 + 2 * answers.length);
  for (const row of rows) {
    assert.equal(row.length, 11);
    for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), JSON.stringify(cell));
  }
  // The answer is whole, its line breaks made \n, and it still matches the key when read back.
  const byRun = new Map(runs.map((r) => [r.run.id, r]));
  rows.slice(1).forEach((row, i) => {
    const item = p.key.items[i];
    const sample = byRun.get(item.run)!.samples!.find((s) => s.id === item.question)!;
    assert.equal(row[5], sample.prediction.replace(/\r\n?/g, "\n"));
  });
  await fillCsv(files.csv, join(dir, "r.csv"), seededRandom(1));
  const key = await readHumanEvalKey(files.key);
  assert.equal((await readHumanEval([join(dir, "r.csv")], { key })).ratings.length, 6);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an XLSX formula cell without a saved result is an error naming the worksheet and cell, never a blank score", async () => {
  const runs = [
    fakeAnsweredRun("a", ["Жауап бір", "Ответ два"]),
    fakeAnsweredRun("b", ["Басқа жауап", "Другой ответ"]),
  ];
  const dir = await Deno.makeTempDir();
  const files = await writeHumanEval(prepareHumanEval(runs, { n: 2, seed: 3 }), dir);
  const filled = join(dir, "filled.xlsx");
  await fillXlsx(files.xlsx, filled, seededRandom(9));
  const edit = async (name: string, f: (ws: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    // deno-lint-ignore no-explicit-any
    await wb.xlsx.load((await Deno.readFile(filled)) as any);
    f(wb.getWorksheet("Оценка")!);
    const path = join(dir, name);
    await Deno.writeFile(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    return path;
  };
  // G is корректность_1_5, H полнота_1_5, K комментарий.
  const uncached = await edit("uncached.xlsx", (ws) => {
    ws.getCell("G4").value = { formula: "ROUND(AVERAGE(H2:H3),0)" } as ExcelJS.CellFormulaValue;
  });
  await assert.rejects(
    () => readHumanEval([uncached]),
    (e: Error) => {
      assert.ok(e instanceof RangeError);
      assert.match(
        e.message,
        /uncached\.xlsx" row 4, column корректность_1_5: worksheet "Оценка" cell G4 holds the formula =ROUND\(AVERAGE\(H2:H3\),0\) with no saved result/,
      );
      return true;
    },
  );
  // With a saved result the value is read; a formula in a column that is not read is ignored.
  const cached = await edit("cached.xlsx", (ws) => {
    ws.getCell("G4").value = { formula: "2+2", result: 4 } as ExcelJS.CellFormulaValue;
    ws.getCell("K5").value = { formula: "LEN(F5)" } as ExcelJS.CellFormulaValue;
  });
  const data = await readHumanEval([cached]);
  assert.equal(data.ratings.find((r) => r.row === 4)!.correctness, 4);
  assert.equal(data.ratings.length, 4);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a semicolon-separated sheet (Excel in a Russian locale) is read like the comma-separated one", async () => {
  const { runs } = await loadResults(STUDY);
  const dir = await Deno.makeTempDir();
  const files = await writeHumanEval(
    prepareHumanEval(runs, { runs: ["benchmark_4b_ft", "benchmark_gpt4o"], n: 10, seed: 5 }),
    dir,
  );
  const comma = join(dir, "ivanova.csv");
  await fillCsv(files.csv, comma, seededRandom(3), 0.1);
  const rows = parseCsvRows(await Deno.readTextFile(comma));
  const semi = join(await Deno.makeTempDir(), "ivanova.csv");
  await Deno.writeTextFile(
    semi,
    "\uFEFF" + stringifyCsv(rows, { delimiter: ";", eol: "\r\n" }),
  );
  assert.ok((await Deno.readTextFile(semi)).startsWith("\uFEFFномер_вопроса;вопрос;"));
  const key = await readHumanEvalKey(files.key);
  const a = await readHumanEval([comma], { key });
  const b = await readHumanEval([semi], { key });
  assert.equal(b.sheets[0].delimiter, ";");
  assert.equal(a.sheets[0].delimiter, ",");
  const strip = (d: typeof a) => d.ratings.map(({ file: _f, ...r }) => r);
  assert.deepEqual(strip(b), strip(a));
  assert.equal(b.ratings.length, 20);
});
