import assert from "node:assert/strict";
import { join } from "node:path";
import { fakeAnsweredRun } from "../testing/fake_run.ts";
import { prepareHumanEval } from "./prepare_human_eval.ts";
import { HUMAN_EVAL_FILES, writeHumanEval } from "./write_human_eval.ts";

const names = async (dir: string) =>
  (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();

const prepared = () =>
  prepareHumanEval([
    fakeAnsweredRun("a", ["бірінші", "екінші", "үшінші"]),
    fakeAnsweredRun("b", ["первый", "второй", "третий"]),
  ], { n: 3, seed: 1 });

Deno.test("writeHumanEval() refuses a folder with a filled rater sheet and no key, naming the sheet, and writes nothing", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "raters"));
  const sheet = join(dir, HUMAN_EVAL_FILES.csv);
  const filled = "номер_вопроса,оценка\n1,5\n";
  await Deno.writeTextFile(sheet, filled);
  await assert.rejects(
    () => writeHumanEval(prepared(), dir),
    /Refusing to overwrite ".*raters\/eval_sheet\.csv".*filled by a rater.*nothing was written/,
  );
  assert.equal(await Deno.readTextFile(sheet), filled);
  assert.deepEqual(await names(dir), ["raters"]);
  assert.deepEqual(await names(join(dir, "raters")), ["eval_sheet.csv"]);
});

Deno.test("writeHumanEval() refuses an existing key or XLSX sheet too, and replaces all with overwrite", async () => {
  const dir = await Deno.makeTempDir();
  await writeHumanEval(prepared(), dir);
  await Deno.remove(join(dir, HUMAN_EVAL_FILES.key));
  await Deno.remove(join(dir, HUMAN_EVAL_FILES.csv));
  await assert.rejects(() => writeHumanEval(prepared(), dir), /eval_sheet\.xlsx/);
  await writeHumanEval(prepared(), dir, { overwrite: true });
  assert.deepEqual(await names(join(dir, "raters")), [
    "eval_sheet.csv",
    "eval_sheet.xlsx",
    "instructions_ru.txt",
  ]);
  await assert.rejects(() => writeHumanEval(prepared(), dir), /key\.json.*may already be out/);
});
