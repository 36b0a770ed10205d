import assert from "node:assert/strict";
import { join } from "node:path";
import {
  checkReplaceable,
  createStaging,
  finishStaging,
  recoverInterruptedSwap,
  removeStaleStaging,
  resolveOutFolder,
  STAGING_MARKER,
  stagingFolder,
  swapFolder,
  swapOutput,
} from "./replace_output.ts";
import { REPORT_MANIFEST, writeReportManifest } from "./report_manifest.ts";

/** A folder as a report leaves it: report.md, a table, and the manifest. */
async function reportFolder(dir: string, text = "# report\n"): Promise<void> {
  await Deno.mkdir(join(dir, "tables"), { recursive: true });
  await Deno.writeTextFile(join(dir, "report.md"), text);
  await Deno.writeTextFile(join(dir, "tables", "t.csv"), "a\n1\n");
  await writeReportManifest(dir);
}

const names = async (dir: string) =>
  (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();

Deno.test("recoverInterruptedSwap() refuses a .<out>.old folder that a report did not write, and keeps it", async () => {
  const parent = await Deno.makeTempDir();
  const out = join(parent, "myfig");
  await reportFolder(out);
  await Deno.mkdir(join(parent, ".myfig.old"));
  await Deno.writeTextFile(join(parent, ".myfig.old", "fig.svg"), "<svg>mine</svg>");
  await assert.rejects(
    recoverInterruptedSwap(out, () => {}),
    /Refusing to touch ".*\.myfig\.old".*no \.workbench-report\.json.*move it away/,
  );
  assert.equal(await Deno.readTextFile(join(parent, ".myfig.old", "fig.svg")), "<svg>mine</svg>");
  // Nor is it put back in place of a missing output folder.
  await Deno.remove(out, { recursive: true });
  await assert.rejects(recoverInterruptedSwap(out, () => {}), /\.myfig\.old/);
  assert.deepEqual(await names(parent), [".myfig.old"]);
});

Deno.test("recoverInterruptedSwap() refuses a swap folder whose report files were changed or joined by others", async () => {
  const parent = await Deno.makeTempDir();
  const out = join(parent, "myfig");
  await reportFolder(out);
  const old = swapFolder(out);
  await reportFolder(old);
  await Deno.writeTextFile(join(old, "report.md"), "my notes");
  await assert.rejects(recoverInterruptedSwap(out, () => {}), /differ.*report\.md/);
  await reportFolder(old);
  await Deno.writeTextFile(join(old, "tables", "mine.txt"), "x");
  await assert.rejects(recoverInterruptedSwap(out, () => {}), /tables\/mine\.txt/);
  assert.equal(await Deno.readTextFile(join(old, "tables", "mine.txt")), "x");
});

Deno.test("recoverInterruptedSwap() puts back, or removes, a swap folder a report wrote", async () => {
  const parent = await Deno.makeTempDir();
  const out = join(parent, "myfig");
  await reportFolder(swapFolder(out), "old report\n");
  const messages: string[] = [];
  await recoverInterruptedSwap(out, (m) => messages.push(m));
  assert.equal(await Deno.readTextFile(join(out, "report.md")), "old report\n");
  assert.match(messages.join("\n"), /recovered/);
  await reportFolder(swapFolder(out));
  await recoverInterruptedSwap(out, () => {});
  assert.deepEqual(await names(parent), ["myfig"]);
});

Deno.test("checkReplaceable() refuses a report file edited by hand, naming it, unless edits may be overwritten", async () => {
  const out = join(await Deno.makeTempDir(), "report");
  await reportFolder(out);
  await checkReplaceable(out, { log: () => {} }); // untouched: replaceable
  await Deno.writeTextFile(join(out, "report.md"), "# report\n\nMy note for the paper.\n");
  await assert.rejects(
    checkReplaceable(out, { log: () => {} }),
    /1 file\(s\) changed since the report wrote them \(report\.md\).*--overwrite-edits/,
  );
  const messages: string[] = [];
  await checkReplaceable(out, { overwriteEdits: true, log: (m) => messages.push(m) });
  assert.match(messages.join("\n"), /replacing 1 edited file\(s\).*report\.md/);
});

Deno.test("checkReplaceable() reads an old manifest without hashes as before, and says hand edits are not detected", async () => {
  const out = join(await Deno.makeTempDir(), "report");
  await Deno.mkdir(out);
  await Deno.writeTextFile(join(out, "report.md"), "edited");
  await Deno.writeTextFile(
    join(out, REPORT_MANIFEST),
    JSON.stringify({ format: "workbench-report", version: 1, files: ["report.md"] }),
  );
  const messages: string[] = [];
  await checkReplaceable(out, { log: (m) => messages.push(m) });
  assert.match(messages.join("\n"), /older report whose manifest has no hashes/);
  await Deno.writeTextFile(join(out, "draft.md"), "mine");
  await assert.rejects(checkReplaceable(out, { log: () => {} }), /draft\.md/);
});

Deno.test("a symlinked output folder is written through: the target gets the new report, the link stays a link", async () => {
  const parent = await Deno.makeTempDir();
  const target = join(parent, "paper", "figures");
  await reportFolder(target, "old\n");
  const link = join(parent, "fig-link");
  await Deno.symlink(target, link);
  const out = await resolveOutFolder(link);
  assert.equal(out, await Deno.realPath(target));
  const staging = join(parent, "paper", ".figures.partial-1");
  await reportFolder(staging, "new\n");
  await checkReplaceable(out, { log: () => {} });
  await swapOutput(staging, out);
  assert.ok((await Deno.lstat(link)).isSymlink, "the link stays a link");
  assert.equal(await Deno.readTextFile(join(link, "report.md")), "new\n");
  assert.equal(await Deno.readTextFile(join(target, "report.md")), "new\n");
  assert.deepEqual(await names(join(parent, "paper")), ["figures"]);
  // A link to nowhere is refused, naming it.
  const dangling = join(parent, "nowhere-link");
  await Deno.symlink(join(parent, "missing"), dangling);
  await assert.rejects(resolveOutFolder(dangling), /nowhere-link.*symbolic link.*does not exist/);
});

Deno.test("stale staging folders are removed only when a report marked them (or they are empty); others are kept and named", async () => {
  const parent = await Deno.makeTempDir();
  const out = join(parent, "report");
  const dead = 999999;
  // A staging folder a dead run left: marked, removed.
  await Deno.mkdir(stagingFolder(out, dead));
  await Deno.writeTextFile(join(stagingFolder(out, dead), STAGING_MARKER), "");
  await Deno.writeTextFile(join(stagingFolder(out, dead), "report.md"), "half");
  // A folder of yours with that kind of name: kept.
  const mine = stagingFolder(out, dead - 1);
  await Deno.mkdir(mine);
  await Deno.writeTextFile(join(mine, "notes.txt"), "keep me");
  // An empty one: removed (nothing is lost).
  await Deno.mkdir(stagingFolder(out, dead - 2));
  const messages: string[] = [];
  await removeStaleStaging(out, (m) => messages.push(m));
  assert.deepEqual(await names(parent), [".report.partial-999998"]);
  assert.equal(await Deno.readTextFile(join(mine, "notes.txt")), "keep me");
  assert.match(messages.join("\n"), /kept ".*\.report\.partial-999998".*did not write it/);
});

Deno.test("createStaging() refuses a folder of this run's staging name that a report did not write, and marks its own", async () => {
  const parent = await Deno.makeTempDir();
  const out = join(parent, "report");
  await Deno.mkdir(stagingFolder(out));
  await Deno.writeTextFile(join(stagingFolder(out), "notes.txt"), "keep me");
  await assert.rejects(createStaging(out), /Refusing to touch ".*\.report\.partial-\d+"/);
  assert.equal(await Deno.readTextFile(join(stagingFolder(out), "notes.txt")), "keep me");
  await Deno.remove(stagingFolder(out), { recursive: true });
  const staging = await createStaging(out);
  assert.ok(await Deno.stat(join(staging, STAGING_MARKER)));
  await finishStaging(staging);
  assert.deepEqual(await names(staging), []);
});
