import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string) {
    for await (const e of Deno.readDir(d)) {
      const p = join(d, e.name);
      if (e.isDirectory) await walk(p);
      else out.push(relative(dir, p));
    }
  }
  await walk(dir);
  return out.sort();
}

Deno.test("committed figures/ equal a fresh `deno task report` of the default data, byte for byte", async () => {
  const out = join(await Deno.makeTempDir(), "figures");
  await runReport(resolveParams({ out }), { log: () => {} });
  const committed = fromRoot("figures");
  const want = await listFiles(out);
  const have = await listFiles(committed);
  assert.deepEqual(
    have,
    want,
    "figures/ does not hold the same files as a fresh report: run `deno task report` and commit figures/",
  );
  const stale: string[] = [];
  for (const f of want) {
    const [a, b] = await Promise.all([
      Deno.readFile(join(out, f)),
      Deno.readFile(join(committed, f)),
    ]);
    if (a.length !== b.length || !a.every((x, i) => x === b[i])) stale.push(f);
  }
  assert.deepEqual(
    stale,
    [],
    `figures/ is out of date (${stale.join(", ")}): run \`deno task report\` and commit figures/`,
  );
});
