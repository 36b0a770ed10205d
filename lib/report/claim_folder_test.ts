import assert from "node:assert/strict";
import { join } from "node:path";
import { claimFolder, OWN_MARKER, recordWritten } from "./claim_folder.ts";

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("claimFolder() on a re-run removes only the files a notebook wrote, and refuses (keeping them) files it did not", async () => {
  const out = await Deno.makeTempDir();
  await claimFolder(out, { fresh: true });
  await Deno.mkdir(join(out, "tables"));
  for (const f of ["fig.svg", "tables/t.csv"]) await Deno.writeTextFile(join(out, f), "x");
  await recordWritten(out, [join(out, "fig.svg"), "tables/t.csv"]);
  // A file of the user's beside the notebook's own, at the top and in a subfolder.
  await Deno.writeTextFile(join(out, "draft.md"), "my draft");
  await Deno.writeTextFile(join(out, "tables", "mine.csv"), "a,b");
  await assert.rejects(
    claimFolder(out, { fresh: true }),
    /holds files no notebook wrote \(draft\.md, tables\/mine\.csv\)/,
  );
  // Nothing was removed: neither the user's files nor the notebook's.
  for (const f of ["draft.md", "tables/mine.csv", "fig.svg", "tables/t.csv"]) {
    assert.ok(await exists(join(out, f)), f);
  }
  await Deno.remove(join(out, "draft.md"));
  await Deno.remove(join(out, "tables", "mine.csv"));
  await claimFolder(out, { fresh: true });
  assert.deepEqual(
    (await Array.fromAsync(Deno.readDir(out))).map((e) => e.name),
    [OWN_MARKER],
  );
});

Deno.test("claimFolder() refuses a folder with no marker, or with an older marker that lists no files", async () => {
  const out = await Deno.makeTempDir();
  await Deno.writeTextFile(join(out, "paper.tex"), "mine");
  await assert.rejects(
    claimFolder(out, { fresh: true }),
    /not written by a notebook \(paper\.tex\)/,
  );
  await Deno.writeTextFile(
    join(out, OWN_MARKER),
    "Written by a workbench notebook opened by hand; replaced on its next run.\n",
  );
  await assert.rejects(claimFolder(out, { fresh: true }), /older version/);
  assert.equal(await Deno.readTextFile(join(out, "paper.tex")), "mine");
});
