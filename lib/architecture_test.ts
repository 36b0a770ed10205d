/**
 * The shape of `lib/`, checked: imports point down. Folders import each other without cycles,
 * nothing outside `lib/cli/` imports from it, code outside tests never imports test helpers
 * (`lib/testing/`), and every folder has a `mod.ts`. Doc comments are not code: their example
 * imports are left out.
 */
import assert from "node:assert/strict";
import { dirname, join, normalize, relative } from "node:path";
import { REPO_ROOT } from "./io/paths.ts";

const LIB = join(REPO_ROOT, "lib");

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory && e.name !== "fixtures") out.push(...await sourceFiles(p));
    else if (e.isFile && e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Relative imports of a file's code, comments removed. */
function imports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => m[1]);
}

const folderOf = (file: string) => relative(LIB, dirname(file)).split("/")[0] || ".";
const isTest = (file: string) => /_(test|bench)\.ts$/.test(file);

async function graph() {
  const edges = new Map<string, Map<string, string>>(); // from → to → an example import
  for (const file of await sourceFiles(LIB)) {
    if (isTest(file)) continue;
    const from = folderOf(file);
    for (const spec of imports(await Deno.readTextFile(file))) {
      const target = normalize(join(dirname(file), spec));
      if (!target.startsWith(LIB)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from)!.set(to, `${relative(LIB, file)} → ${relative(LIB, target)}`);
    }
  }
  return edges;
}

Deno.test("lib/ folders import each other without cycles (imports point down)", async () => {
  const edges = await graph();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of edges.get(node)?.keys() ?? []) {
      if (next === "." || node === ".") continue; // lib/mod.ts is the barrel on top
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = [...path.slice(at), next];
        cycles.push(
          loop.join(" → ") + ": " +
            loop.slice(0, -1).map((a, i) => edges.get(a)!.get(loop[i + 1])).join("; "),
        );
      } else if (path.length < 20) visit(next, [...path, next]);
    }
  };
  for (const node of edges.keys()) visit(node, [node]);
  assert.deepEqual([...new Set(cycles)], []);
});

Deno.test("nothing outside lib/cli imports it, and no library code imports test helpers", async () => {
  const edges = await graph();
  const bad: string[] = [];
  for (const [from, tos] of edges) {
    if (from !== "cli" && tos.has("cli")) bad.push(tos.get("cli")!);
    if (tos.has("testing")) bad.push(tos.get("testing")!);
  }
  assert.deepEqual(bad, []);
});

Deno.test("every lib/ folder has a mod.ts, and lib/ holds only mod.ts and tests", async () => {
  const missing: string[] = [];
  const loose: string[] = [];
  for await (const e of Deno.readDir(LIB)) {
    if (e.isDirectory) {
      if (!(await Deno.stat(join(LIB, e.name, "mod.ts")).catch(() => null))) missing.push(e.name);
    } else if (e.name.endsWith(".ts") && e.name !== "mod.ts" && !isTest(e.name)) {
      loose.push(e.name);
    }
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(loose, []);
});
