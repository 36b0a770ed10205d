/**
 * Test helper: compares text (a figure's SVG) with a committed snapshot file, as Observable Plot
 * does for its figures. On a mismatch it writes the new text beside the snapshot as
 * `<name>-changed.<ext>` (gitignored) and fails naming both files, so that the two can be opened
 * side by side; with `UPDATE_SNAPSHOTS=1` in the environment it rewrites the snapshot instead:
 *
 * ```sh
 * UPDATE_SNAPSHOTS=1 deno test -A lib/figures/figure_snapshot_test.ts   # or: deno task snapshots
 * ```
 * @module
 */
import { AssertionError } from "node:assert";
import { basename, dirname, extname, join } from "node:path";

/** The path `<dir>/<name>-changed<ext>` where a mismatching result of `snapshot` is written. */
export function changedPath(snapshot: string): string {
  const ext = extname(snapshot);
  return join(dirname(snapshot), `${basename(snapshot, ext)}-changed${ext}`);
}

/**
 * Fails unless `actual` equals the text of the file `snapshot` (see the module doc for what it
 * writes). A missing snapshot fails too: the test never passes by writing its own expectation.
 *
 * @param actual The text produced now.
 * @param snapshot Path of the committed snapshot.
 * @example
 * ```ts
 * import { assertSnapshot, changedPath } from "./assert_snapshot.ts";
 * import assert from "node:assert/strict";
 * const dir = Deno.makeTempDirSync();
 * Deno.writeTextFileSync(`${dir}/a.svg`, "<svg/>");
 * await assertSnapshot("<svg/>", `${dir}/a.svg`);
 * await assert.rejects(assertSnapshot("<svg></svg>", `${dir}/a.svg`), /a-changed\.svg/);
 * assert.equal(Deno.readTextFileSync(changedPath(`${dir}/a.svg`)), "<svg></svg>");
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export async function assertSnapshot(actual: string, snapshot: string): Promise<void> {
  const changed = changedPath(snapshot);
  if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") {
    await Deno.mkdir(dirname(snapshot), { recursive: true });
    await Deno.writeTextFile(snapshot, actual);
    await Deno.remove(changed).catch(() => {});
    return;
  }
  let expected: string;
  try {
    expected = await Deno.readTextFile(snapshot);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    throw new AssertionError({
      message: `Snapshot ${snapshot} is missing; write it with UPDATE_SNAPSHOTS=1 and commit it`,
    });
  }
  if (actual === expected) {
    await Deno.remove(changed).catch(() => {}); // a leftover from an earlier failing run
    return;
  }
  await Deno.writeTextFile(changed, actual);
  const line = firstDifference(expected, actual);
  throw new AssertionError({
    message: `Output differs from snapshot ${snapshot} (first at line ${line}); ` +
      `the new output is in ${changed}. Compare the two; if the change is intended, ` +
      `rerun with UPDATE_SNAPSHOTS=1 and commit the snapshot`,
  });
}

function firstDifference(a: string, b: string): number {
  const x = a.split("\n"), y = b.split("\n");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
