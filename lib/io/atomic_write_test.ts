import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileAtomic, writeFilesAtomic } from "./atomic_write.ts";

async function names(dir: string): Promise<string[]> {
  return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
}

Deno.test("writeFilesAtomic() writes every file, or none when one of them cannot be written", async () => {
  const dir = await Deno.makeTempDir();
  await writeFileAtomic(join(dir, "old.json"), "ескі");
  await writeFilesAtomic([
    { path: join(dir, "old.json"), data: "жаңа" },
    { path: join(dir, "мой файл.json"), data: new TextEncoder().encode("новый") },
  ]);
  assert.deepEqual(await names(dir), ["old.json", "мой файл.json"]);
  assert.equal(await Deno.readTextFile(join(dir, "old.json")), "жаңа");
  // The second destination's folder cannot be created (a file is in the way): nothing changes,
  // and no temporary file is left behind.
  await Deno.writeTextFile(join(dir, "blocker"), "");
  await assert.rejects(() =>
    writeFilesAtomic([
      { path: join(dir, "old.json"), data: "үшінші" },
      { path: join(dir, "blocker", "x.json"), data: "x" },
    ])
  );
  assert.equal(await Deno.readTextFile(join(dir, "old.json")), "жаңа");
  assert.deepEqual(await names(dir), ["blocker", "old.json", "мой файл.json"]);
  await assert.rejects(
    () =>
      writeFilesAtomic([{ path: join(dir, "a"), data: "1" }, {
        path: join(dir, ".", "a"),
        data: "2",
      }]),
    /Cannot write .* twice/,
  );
  await Deno.remove(dir, { recursive: true });
});
