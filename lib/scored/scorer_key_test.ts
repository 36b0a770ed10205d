import assert from "node:assert/strict";
import { join } from "node:path";
import { cpSync } from "node:fs";
import { REPO_ROOT } from "../io/paths.ts";
import { sourceHash } from "../io/source_hash.ts";
import { SCORER_ENTRY, scorerKey } from "./scorer_key.ts";
import { analysisEntries } from "./memo.ts";

/** A copy of the repository's `lib/` and lock file, to edit. */
async function copyOfLib(): Promise<string> {
  const root = await Deno.makeTempDir();
  Deno.copyFileSync(join(REPO_ROOT, "deno.lock"), join(root, "deno.lock"));
  cpSync(join(REPO_ROOT, "lib"), join(root, "lib"), { recursive: true });
  return root;
}

function edit(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = Deno.readTextFileSync(file);
  assert.ok(text.includes(from), `${path} holds ${from}`);
  Deno.writeTextFileSync(file, text.replace(from, to));
}

Deno.test("the scorer's code hash changes when quantileSorted(), which the truncation estimate imports, changes", async () => {
  const root = await copyOfLib();
  const before = sourceHash([SCORER_ENTRY], { root });
  edit(
    root,
    "lib/stats/quantile.ts",
    "export function quantileSorted(",
    "export function /* edited */ quantileSorted(",
  );
  assert.notEqual(sourceHash([SCORER_ENTRY], { root }), before);
  await Deno.remove(root, { recursive: true });
});

Deno.test("the scorer's code hash changes when the frame's column declaration changes: no cache entry of an older layout is looked up", async () => {
  const root = await copyOfLib();
  const before = sourceHash([SCORER_ENTRY], { root });
  edit(root, "lib/scored/frame_columns.ts", '"Tokens generated', '"Tokens generated (edited)');
  assert.notEqual(sourceHash([SCORER_ENTRY], { root }), before);
  await Deno.remove(root, { recursive: true });
});

Deno.test("the analysis memo's code hash changes when a module the analyses import from outside lib/analysis changes", async () => {
  const root = await copyOfLib();
  const entries = analysisEntries(root);
  const before = sourceHash(entries, { root });
  edit(root, "lib/tables/format_table.ts", "export function", "export /* edited */ function");
  assert.notEqual(sourceHash(entries, { root }), before);
  await Deno.remove(root, { recursive: true });
});

Deno.test("scorerKey() is the same within a process and differs between suites", async () => {
  const a = await scorerKey({ legacy: "v2", v1: "all" });
  assert.equal(await scorerKey({ legacy: "v2", v1: "all" }), a);
  assert.notEqual(await scorerKey({ legacy: "all", v1: "all" }), a);
  assert.match(a, /^[0-9a-f]{16}$/);
});
