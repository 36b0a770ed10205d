/**
 * The default data in `data/` is the study's, unchanged: every file has the size and SHA-256
 * that `data/README.md` lists, no file is shipped unlisted, and the study's files are
 * byte-identical to the canonical copies in `../shared/datasets/kz-legal-qa/`.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { sha256File } from "../io/sha256.ts";
import { requireSharedData, SHARED_DATASET } from "../results/_shared_data.ts";

const DATA = fromRoot("data");

interface Listed {
  path: string;
  bytes: number | null;
  sha256: string;
}

/** Rows of the README's tables: `| \`path\` | ... | bytes? | sha |`. */
async function listed(): Promise<Listed[]> {
  const text = await Deno.readTextFile(join(DATA, "README.md"));
  const out: Listed[] = [];
  for (const line of text.split("\n")) {
    const m = line.match(/^\| `([^`]+)` \|(?:.*\|)? `?([0-9a-f]{64})`? \|$/);
    if (!m) continue;
    const cells = line.split("|").map((c) => c.trim());
    const bytes = cells.length >= 6 && /^[\d,]+$/.test(cells[cells.length - 3])
      ? Number(cells[cells.length - 3].replaceAll(",", ""))
      : null;
    out.push({ path: m[1], bytes, sha256: m[2] });
  }
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) out.push(...await filesUnder(p));
    else out.push(relative(DATA, p));
  }
  return out.sort();
}

Deno.test("data/: every study file has the size and SHA-256 data/README.md lists, and none is unlisted", async () => {
  const rows = await listed();
  assert.equal(rows.length, 18, "12 study files and 6 published summaries are listed");
  for (const row of rows) {
    const path = join(DATA, row.path);
    const stat = await Deno.stat(path);
    if (row.bytes !== null) assert.equal(stat.size, row.bytes, `size of data/${row.path}`);
    assert.equal(await sha256File(path), row.sha256, `SHA-256 of data/${row.path}`);
  }
  const shipped = [
    ...await filesUnder(join(DATA, "results")),
    ...await filesUnder(join(DATA, "dataset")),
    ...await filesUnder(join(DATA, "human_eval")),
    ...await filesUnder(join(DATA, "published")),
  ].sort();
  assert.deepEqual(shipped, rows.map((r) => r.path).sort(), "files in data/ not in its README");
});

Deno.test("data/: the study's files are byte-identical to ../shared/datasets/kz-legal-qa/", async () => {
  await requireSharedData();
  const study = (await listed()).filter((r) => !r.path.startsWith("published/"));
  assert.equal(study.length, 12);
  for (const row of study) {
    const shared = join(
      SHARED_DATASET,
      row.path === "dataset/validation_subset.jsonl" ? "validation_subset.jsonl" : row.path,
    );
    assert.equal(await sha256File(shared), row.sha256, `${shared} differs from data/${row.path}`);
  }
});
