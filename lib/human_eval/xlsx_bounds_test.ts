import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readTable } from "./_read_table.ts";
import { XLSX_LIMITS } from "./_xlsx_bounds.ts";

/** A small valid workbook: sheet "Оценка" with a header and one row. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Оценка");
  ws.addRow(["item_id", "correctness"]);
  ws.addRow(["q1", "4"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function withExtra(add: (zip: JSZip) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await workbook());
  add(zip);
  return await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

Deno.test("readTable() reads a small workbook within the XLSX bounds", async () => {
  const path = join(await Deno.makeTempDir(), "ok.xlsx");
  await Deno.writeFile(path, await workbook());
  const t = await readTable(path);
  assert.deepEqual([t.header, t.rows.map((r) => r.cells)], [["item_id", "correctness"], [[
    "q1",
    "4",
  ]]]);
});

Deno.test("readTable() refuses a zip bomb (a small XLSX inflating past the bound) before parsing it, naming the file", async () => {
  const path = join(await Deno.makeTempDir(), "бомба.xlsx");
  // 80 MiB of zeros compress to about 80 KB
  const bytes = await withExtra((zip) =>
    zip.file(
      "xl/media/image1.bin",
      new Uint8Array(XLSX_LIMITS.maxUncompressedBytes + 16 * 1024 * 1024),
    )
  );
  assert.ok(bytes.length < 1024 * 1024, `the bomb is ${bytes.length} bytes`);
  await Deno.writeFile(path, bytes);
  await assert.rejects(
    () => readTable(path),
    (e: Error) =>
      e instanceof RangeError &&
      /sheet ".*бомба\.xlsx": its XLSX content inflates to more than 64 MiB \(at entry "xl\/media\/image1\.bin"\)/
        .test(e.message),
  );
});

Deno.test("readTable() refuses an XLSX with more entries than a workbook has, naming the file", async () => {
  const path = join(await Deno.makeTempDir(), "many.xlsx");
  const bytes = await withExtra((zip) => {
    for (let i = 0; i <= XLSX_LIMITS.maxEntries; i++) zip.file(`xl/x/${i}.xml`, "");
  });
  await Deno.writeFile(path, bytes);
  await assert.rejects(
    () => readTable(path),
    (e: Error) =>
      e instanceof RangeError &&
      /sheet ".*many\.xlsx": its XLSX container holds 100\d\d entries, more than the 10000/.test(
        e.message,
      ),
  );
});
