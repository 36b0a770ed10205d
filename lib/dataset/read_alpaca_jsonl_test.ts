import assert from "node:assert/strict";
import { type AlpacaRow, readAlpacaJsonl } from "./read_alpaca_jsonl.ts";

async function file(content: string | Uint8Array): Promise<string> {
  const path = await Deno.makeTempFile({ prefix: "alpaca_", suffix: ".jsonl" });
  if (typeof content === "string") await Deno.writeTextFile(path, content);
  else await Deno.writeFile(path, content);
  return path;
}

async function read(
  path: string,
  options = {},
): Promise<{ rows: AlpacaRow[]; report: Awaited<ReturnType<typeof readAlpacaJsonl>> }> {
  const rows: AlpacaRow[] = [];
  const report = await readAlpacaJsonl(path, (r) => rows.push(r), options);
  return { rows, report };
}

const row = (instruction: string, output = "Жауап.", input = "") =>
  JSON.stringify({ instruction, input, output });

Deno.test("readAlpacaJsonl() reads rows with their line numbers, skipping blank lines, BOM and CRLF", async () => {
  const path = await file(
    `\ufeff${row("Салық кодексінің 138-бабы?")}\r\n\r\n   \n${
      row("Статья 65 ТК РК?", "Да.", "контекст")
    }\n`,
  );
  const { rows, report } = await read(path);
  assert.deepEqual(rows, [
    { instruction: "Салық кодексінің 138-бабы?", input: "", output: "Жауап.", line: 1 },
    { instruction: "Статья 65 ТК РК?", input: "контекст", output: "Да.", line: 4 },
  ]);
  assert.equal(report.rows, 2);
  assert.equal(report.blankLines, 2);
  assert.equal(report.badLineCount, 0);
  assert.match(report.sha256, /^[0-9a-f]{64}$/);
});

Deno.test("readAlpacaJsonl() gives the same rows whatever the block size, with Cyrillic split across blocks", async () => {
  const lines = Array.from(
    { length: 40 },
    (_, i) => row(`Вопрос № ${i}: қандай салық?`, `Ответ ${"ә".repeat(i)}`),
  );
  const path = await file(lines.join("\n"));
  const whole = await read(path);
  for (const blockSize of [16, 17, 33, 100, 4096]) {
    const small = await read(path, { blockSize });
    assert.deepEqual(small.rows, whole.rows, `blockSize ${blockSize}`);
    assert.equal(small.report.sha256, whole.report.sha256);
  }
  assert.equal(whole.rows.length, 40);
  assert.equal(whole.rows[39].line, 40);
});

Deno.test("readAlpacaJsonl() stops at a malformed line, naming file and line", async () => {
  const path = await file(`${row("a")}\n${row("b")}\n{"instruction": "c", "input": ""\n`);
  await assert.rejects(read(path), (e: Error) => {
    assert.ok(e instanceof SyntaxError);
    assert.match(e.message, /alpaca_.*\.jsonl": line 3: not valid JSON/);
    assert.match(e.message, /--skip-bad-lines/);
    return true;
  });
});

Deno.test("readAlpacaJsonl() names a missing or non-string field", async () => {
  await assert.rejects(
    read(await file(`${row("a")}\n{"instruction":"b","output":"c"}\n`)),
    (e: Error) => {
      assert.ok(e instanceof TypeError);
      assert.match(e.message, /line 2: field "input" is missing/);
      return true;
    },
  );
  await assert.rejects(
    read(await file(`{"instruction":"b","input":null,"output":"c"}\n`)),
    /line 1: field "input" must be a string, got null/,
  );
  await assert.rejects(
    read(await file(`["a","b","c"]\n`)),
    /line 1: expected a JSON object with instruction, input, output, got an array/,
  );
});

Deno.test("readAlpacaJsonl() with skipBadLines counts and lists malformed lines and keeps the rest", async () => {
  const path = await file(
    [row("a"), "{oops", row("b"), '{"instruction":"x"}', "42", row("c")].join("\n"),
  );
  const { rows, report } = await read(path, { skipBadLines: true });
  assert.deepEqual(rows.map((r) => [r.instruction, r.line]), [["a", 1], ["b", 3], ["c", 6]]);
  assert.equal(report.badLineCount, 3);
  assert.deepEqual(report.badLines.map((b) => b.line), [2, 4, 5]);
  assert.match(report.badLines[1].reason, /field "input" is missing/);
  const capped = await read(path, { skipBadLines: true, keepBadLines: 1 });
  assert.equal(capped.report.badLineCount, 3);
  assert.equal(capped.report.badLines.length, 1);
});

Deno.test("readAlpacaJsonl() rejects non-UTF-8 input with the line, even with skipBadLines", async () => {
  const cp1251 = new Uint8Array([0xcd, 0xe0, 0xeb, 0xee, 0xe3]); // "Налог" in Windows-1251
  const enc = new TextEncoder();
  const bytes = new Uint8Array([
    ...enc.encode(row("ok") + "\n" + '{"instruction":"'),
    ...cp1251,
    ...enc.encode('","input":"","output":"x"}\n'),
  ]);
  for (const skipBadLines of [false, true]) {
    await assert.rejects(read(await file(bytes), { skipBadLines }), (e: Error) => {
      assert.ok(e instanceof TypeError);
      assert.match(e.message, /line 2 is not valid UTF-8 \(byte offset \d+\)/);
      return true;
    });
  }
});

Deno.test("readAlpacaJsonl() rejects empty files, files of blank lines, and files with only bad lines", async () => {
  await assert.rejects(
    read(await file("")),
    (e: Error) => e instanceof RangeError && /the file is empty/.test(e.message),
  );
  await assert.rejects(read(await file("\n \n")), /no rows \(it holds only blank lines\)/);
  await assert.rejects(
    read(await file("{bad\n"), { skipBadLines: true }),
    /no rows \(all 1 non-blank lines are malformed\)/,
  );
  await assert.rejects(read("/nonexistent/x.jsonl"), /the file does not exist/);
  await assert.rejects(read(await Deno.makeTempDir()), /it is a folder/);
});
