import assert from "node:assert/strict";
import { acquireLock } from "./acquire_lock.ts";

Deno.test("acquireLock() waits for the holder, and a lock file removed meanwhile is locked afresh by path", async () => {
  const path = `${await Deno.makeTempDir()}/out.lock`;
  const first = await acquireLock(path);
  let granted = false;
  const second = acquireLock(path).then((f) => (granted = true, f));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(granted, false, "the second waits");
  // A cleanup removes the file while the second waits on it; a third run creates a new one.
  await Deno.remove(path);
  const third = await acquireLock(path);
  first.close();
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(
    granted,
    false,
    "the second now waits on the file the path names, held by the third",
  );
  third.close();
  const held = await second;
  assert.equal((await Deno.stat(path)).ino, (await held.stat()).ino);
  held.close();
});
