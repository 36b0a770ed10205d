import assert from "node:assert/strict";
import { join } from "node:path";
import { FAILED_MARKER, LOCKS_DIR, removeOldLeftovers } from "./remove_old_leftovers.ts";

Deno.test("removeOldLeftovers() removes only old, marked failure folders and old lock files of reports", async () => {
  const tmp = await Deno.makeTempDir();
  const now = new Date("2026-12-07T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  async function failed(name: string, age: number, marked = true): Promise<string> {
    const dir = join(tmp, name);
    await Deno.mkdir(dir);
    await Deno.writeTextFile(join(dir, "10_x.ipynb"), "{}");
    if (marked) {
      await Deno.writeTextFile(join(dir, FAILED_MARKER), "10_x.ipynb\n");
      await Deno.utime(join(dir, FAILED_MARKER), daysAgo(age), daysAgo(age));
    }
    await Deno.utime(dir, daysAgo(age), daysAgo(age));
    return dir;
  }
  const oldFailed = await failed("workbench-failed-a1b2c3", 30);
  const youngFailed = await failed("workbench-failed-d4e5f6", 1);
  const unmarked = await failed("workbench-failed-notours", 30, false);
  const otherName = await failed("my-workbench-failed-x", 30);
  await Deno.mkdir(join(tmp, LOCKS_DIR));
  const lock = (hex: string, age: number, text = "") => {
    const path = join(tmp, LOCKS_DIR, `${hex}.lock`);
    Deno.writeTextFileSync(path, text);
    Deno.utimeSync(path, daysAgo(age), daysAgo(age));
    return path;
  };
  const oldLock = lock("0".repeat(32), 30);
  const youngLock = lock("1".repeat(32), 1);
  const notALock = lock("mine", 30);
  const withContent = lock("2".repeat(32), 30, "a note");
  const removed = await removeOldLeftovers({ tmp, now, maxAgeDays: 7 });
  assert.deepEqual(removed.sort(), [oldFailed, oldLock].sort());
  for (const kept of [youngFailed, unmarked, otherName, youngLock, notALock, withContent]) {
    assert.ok(await Deno.stat(kept).then(() => true, () => false), kept);
  }
});
