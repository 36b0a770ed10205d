/**
 * The scored-results cache under damage and misuse: a flipped byte, an entry written in an older
 * layout, a name longer than a file system allows, a cache folder that cannot be written. Each
 * costs time, never values.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import { loadScored } from "./load_scored.ts";
import { readEntry, writeEntry } from "./_cache.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";

async function inputs(files: Record<string, string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "scored-inputs-" });
  for (const [from, to] of Object.entries(files)) {
    await Deno.copyFile(join(STUDY_RESULTS, from), join(dir, to));
  }
  return dir;
}

/** Runs `f` with console.error captured. */
async function capturingStderr<T>(f: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { value: await f(), lines };
  } finally {
    console.error = original;
  }
}

Deno.test("a cache entry with one flipped byte is rescored, with a note, and gives the right values", async () => {
  const dir = await inputs({ "benchmark_4b_ft.json": "benchmark_4b_ft.json" });
  const cacheDir = join(await Deno.makeTempDir(), "scored");
  const fresh = await loadScored(dir, { cacheDir });
  const files = [...Deno.readDirSync(cacheDir)].map((e) => e.name).sort();
  for (const suffix of [".ipc", ".text.ipc", ".json"]) {
    const name = files.find((f) =>
      f.endsWith(suffix) && (suffix !== ".ipc" || !f.endsWith(".text.ipc"))
    )!;
    const path = join(cacheDir, name);
    const bytes = await Deno.readFile(path);
    const at = Math.floor(bytes.length * 0.6);
    const original = bytes[at];
    bytes[at] ^= 0x01;
    await Deno.writeFile(path, bytes);
    const { value: again, lines } = await capturingStderr(() => loadScored(dir, { cacheDir }));
    assert.deepEqual(again.cache, { hits: 0, misses: 1 }, `${suffix}: rescored`);
    assert.ok(again.frame.frameEqual(fresh.frame), `${suffix}: the same values as fresh`);
    assert.equal(lines.length, 1, `${suffix}: one note`);
    assert.match(lines[0], new RegExp(`${name.replace(/\./g, "\\.")}.*fails its checksum`));
    // The rescoring rewrote the entry: the next load reads it.
    const third = await loadScored(dir, { cacheDir });
    assert.deepEqual(third.cache, { hits: 1, misses: 0 }, `${suffix}: repaired`);
    bytes[at] = original;
  }
});

Deno.test("a cache entry written in another layout than FRAME_COLUMNS is rescored, with a note", async () => {
  const dir = await inputs({ "benchmark_4b_ft.json": "benchmark_4b_ft.json" });
  const cacheDir = join(await Deno.makeTempDir(), "scored");
  const fresh = await loadScored(dir, { cacheDir });
  const entry = [...Deno.readDirSync(cacheDir)].find((e) => e.name.endsWith(".json"))!.name
    .replace(/\.json$/, "");
  const current = await readEntry(cacheDir, entry);
  assert.ok(current && "header" in current);
  // Older layouts, each written with valid checksums: latency as a metric column beside no
  // latency_s column, a column of another type, a metric column that is not numeric.
  const older: [string, pl.DataFrame, RegExp][] = [
    [
      "no latency_s column",
      current.frame.drop("latency_s").withColumn(pl.col("chrf").alias("gen_time")),
      /column latency_s is missing/,
    ],
    [
      "new_tokens as integers",
      current.frame.withColumn(pl.col("new_tokens").cast(pl.Int64)),
      /column new_tokens is Int64, expected Float64/,
    ],
    [
      "a text metric",
      current.frame.withColumn(pl.lit("x").alias("verdict")),
      /column verdict is String, expected Float64 \(a metric\)/,
    ],
  ];
  for (const [what, frame, why] of older) {
    await writeEntry(cacheDir, entry, current.header, frame);
    const { value: again, lines } = await capturingStderr(() => loadScored(dir, { cacheDir }));
    assert.deepEqual(again.cache, { hits: 0, misses: 1 }, `${what}: rescored`);
    assert.ok(again.frame.frameEqual(fresh.frame), `${what}: the same values as fresh`);
    assert.equal(lines.length, 1, `${what}: one note`);
    assert.match(lines[0], /was written in another layout/, what);
    assert.match(lines[0], why, what);
    const third = await loadScored(dir, { cacheDir });
    assert.deepEqual(third.cache, { hits: 1, misses: 0 }, `${what}: rebuilt`);
  }
});

Deno.test("a result file with a 245-byte name is cached under a short name", async () => {
  const long = `${"қ".repeat(120)}.json`;
  assert.equal(new TextEncoder().encode(long).length, 245);
  const dir = await inputs({ "baseline_4b.json": long });
  const cacheDir = join(await Deno.makeTempDir(), "scored");
  const first = await loadScored(dir, { cacheDir });
  assert.equal(first.runs[0].run.id, long.slice(0, -5));
  const second = await loadScored(dir, { cacheDir });
  assert.deepEqual(second.cache, { hits: 1, misses: 0 });
  for (const e of Deno.readDirSync(cacheDir)) assert.ok(e.name.length < 80, e.name);
});

Deno.test("a cache folder that cannot be written costs time only: one warning, the right frame", async () => {
  const dir = await inputs({
    "baseline_4b.json": "baseline_4b.json",
    "benchmark_4b_ft.json": "b.json",
  });
  // Tests run as root, where permissions do not stop a write: a cache path below a regular file
  // fails as a read-only or full disk would.
  const file = join(await Deno.makeTempDir(), "not-a-folder");
  await Deno.writeTextFile(file, "mine");
  const cacheDir = join(file, "scored");
  const { value, lines } = await capturingStderr(() => loadScored(dir, { cacheDir }));
  assert.equal(value.frame.height, 1000);
  assert.ok(value.frame.frameEqual((await loadScored(dir, { cache: false })).frame));
  assert.equal(lines.length, 1, lines.join("\n"));
  assert.match(
    lines[0],
    /cannot write the scored-results cache ".*not-a-folder\/scored".*going on without caching/,
  );
  assert.equal(await Deno.readTextFile(file), "mine");
});
