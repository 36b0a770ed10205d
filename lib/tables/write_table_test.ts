import assert from "node:assert/strict";
import { tableCells, writeTable } from "./write_table.ts";

/** A row typed by an interface, as the analysis functions return them (no index signature). */
interface RunRow {
  run: string;
  n: number;
  mean: number | null;
}

Deno.test("writeTable() and tableCells() take rows typed by an interface, and still check their fields", async () => {
  const rows: RunRow[] = [{ run: "a", n: 3, mean: 0.5 }, { run: "b", n: 2, mean: null }];
  // Before CellRecord, this did not type-check: interfaces have no `Record<string, Cell>` index.
  assert.deepEqual(tableCells(rows).cells, [["a", 3, 0.5], ["b", 2, null]]);
  const dir = await Deno.makeTempDir();
  const t = await writeTable(rows, dir, "runs");
  assert.equal(await Deno.readTextFile(t.files.csv), "run,n,mean\na,3,0.5\nb,2,\n");
  await Deno.remove(dir, { recursive: true });
  interface Nested {
    run: string;
    values: number[];
  }
  const nested: Nested[] = [{ run: "a", values: [1] }];
  // @ts-expect-error a field that is not a table cell (a list) is still refused
  assert.ok(tableCells(nested));
});
