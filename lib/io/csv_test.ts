import assert from "node:assert/strict";
import { join } from "node:path";
import { detectCsvDelimiter, parseCsv, parseCsvRows, stringifyCsv } from "./csv.ts";
import { projectPython } from "../pyenv/project_python.ts";

/** Rows as Python's csv module reads the file (newline="" as its documentation requires). */
async function pythonRows(path: string, delimiter = ","): Promise<string[][]> {
  const python = await projectPython(["pytest"]);
  const script = [
    "import csv, json, sys",
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:",
    "    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))",
  ].join("\n");
  const r = await new Deno.Command(python, { args: ["-c", script, path, delimiter] }).output();
  assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
  return JSON.parse(new TextDecoder().decode(r.stdout));
}

const ROWS = [
  ["номер_вопроса", "ответ_модели", "комментарий"],
  ["0", 'Жауап:\r=HYPERLINK("http://x")\rСоңы', ""],
  ["1", "Ответ\r\n@SUM(A1)", 'ст. 5, п. 2; «кавычки» и "двойные"'],
  ["2", "Салық кодексінің 12-бабы", "a\rb"],
];

Deno.test("stringifyCsv() quotes a bare carriage return, so a CSV reader keeps the row whole", async () => {
  const text = stringifyCsv(ROWS, { bom: true });
  assert.ok(text.includes('"Жауап:\r=HYPERLINK(""http://x"")\rСоңы"'), JSON.stringify(text));
  assert.ok(text.includes('"a\rb"'));
  assert.deepEqual(parseCsvRows(text), ROWS);
  const dir = await Deno.makeTempDir();
  const path = join(dir, "sheet.csv");
  await Deno.writeTextFile(path, text);
  // Python's csv module ends an unquoted field at a bare CR, as spreadsheets do: the same rows
  // come back only because the field is quoted.
  assert.deepEqual(await pythonRows(path), ROWS);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("semicolon-separated CSV (as Excel saves in a Russian locale) is read with delimiter auto", async () => {
  const text = "\uFEFF" + stringifyCsv(ROWS, { delimiter: ";", eol: "\r\n" });
  assert.ok(text.startsWith("\uFEFFномер_вопроса;ответ_модели;комментарий\r\n"));
  assert.equal(detectCsvDelimiter(text), ";");
  assert.deepEqual(parseCsvRows(text, { delimiter: "auto" }), ROWS);
  assert.deepEqual(parseCsv(text, { delimiter: "auto" })[2], {
    "номер_вопроса": "2",
    "ответ_модели": "Салық кодексінің 12-бабы",
    "комментарий": "a\rb",
  });
  const dir = await Deno.makeTempDir();
  const path = join(dir, "sheet.csv");
  await Deno.writeTextFile(path, text);
  assert.deepEqual(await pythonRows(path, ";"), ROWS);
  // Read as comma-separated, the same file does not parse: the delimiter matters.
  assert.throws(() => parseCsvRows(text), /Invalid Opening Quote/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("detectCsvDelimiter() counts delimiters in the header only, outside quotes", () => {
  assert.equal(detectCsvDelimiter('"а,б,в";г\nx,y,z,w,v\n'), ";");
  assert.equal(detectCsvDelimiter("сұрақ\tжауап\tбаға\n"), "\t");
  assert.equal(detectCsvDelimiter("a,b;c\n"), ",");
  assert.equal(detectCsvDelimiter(""), ",");
  assert.throws(
    () => parseCsvRows("a|b\n", { delimiter: "|" as ";" }),
    /delimiter must be one of/,
  );
});
