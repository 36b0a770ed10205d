import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main, parseArgs } from "./rescore.ts";
import { loadResultFile } from "../results/load_result_file.ts";
import { fromRoot } from "../io/paths.ts";
import { suiteMetricNames } from "../metrics/score_sample.ts";
import { metricInfo } from "../metrics/registry.ts";

const SHARED = fileURLToPath(
  new URL("../../../shared/datasets/kz-legal-qa/results", import.meta.url),
);

async function requireShared(): Promise<void> {
  try {
    await Deno.stat(SHARED);
  } catch {
    assert.fail(
      `The study's result files are missing: expected them in "${SHARED}" (../shared/datasets/kz-legal-qa/results from the repository root)`,
    );
  }
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A small legacy file: the first `n` samples of one of the study's files. */
async function smallLegacyCopy(
  dir: string,
  n: number,
  edit?: (d: { detailed_results: { metrics: Record<string, number> }[] }) => void,
) {
  const data = JSON.parse(await Deno.readTextFile(join(SHARED, "benchmark_4b_ft.json")));
  data.detailed_results = data.detailed_results.slice(0, n);
  data.num_samples = n;
  edit?.(data);
  const path = join(dir, "benchmark_4b_ft.json");
  await Deno.writeTextFile(path, JSON.stringify(data));
  return path;
}

Deno.test("rescore --check on the study's files reproduces every stored legacy value", async () => {
  await requireShared();
  const { code, out } = await run(["--check", SHARED]);
  assert.equal(out.at(-1), "4000 samples, 31000 values checked, 0 mismatches");
  assert.equal(out.length, 1);
  assert.equal(code, 0);
});

Deno.test("rescore --check reports an altered value and exits 1", async () => {
  await requireShared();
  const dir = await Deno.makeTempDir();
  const path = await smallLegacyCopy(dir, 20, (d) => {
    d.detailed_results[7].metrics.rougeL = 0.123;
  });
  const { code, out } = await run(["--check", path]);
  assert.equal(code, 1);
  assert.equal(out.length, 2);
  const [file, id, metric, stored] = out[0].split("\t");
  assert.deepEqual([file, id, metric, stored], [path, "7", "rougeL", "0.123"]);
  assert.equal(out[1], "20 samples, 160 values checked, 1 mismatches");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("rescore writes schema-v1 files with signatures into --out and never touches the input", async () => {
  await requireShared();
  const dir = await Deno.makeTempDir();
  const input = await smallLegacyCopy(dir, 5);
  const before = await Deno.readTextFile(input);
  const outDir = join(dir, "out");
  const { code, out } = await run(["--suite", "v2", "--out", outDir, input]);
  assert.equal(code, 0, out.join("\n"));
  const written = await loadResultFile(join(outDir, "benchmark_4b_ft.json"));
  assert.equal(written.source.format, "v1");
  assert.equal(written.samples!.length, 5);
  assert.equal(typeof written.samples![0].metrics.chrf, "number");
  for (const name of suiteMetricNames("v2")) {
    assert.ok(name in written.samples![0].metrics, name);
    assert.equal(written.metricSignatures[name], metricInfo(name).signature);
  }
  assert.equal(typeof written.samples![0].metrics.bertscore_f1, "number"); // stored value kept
  assert.equal(
    written.samples![0].latency_s,
    JSON.parse(before).detailed_results[0].metrics.gen_time,
  );
  // Latency is a sample field of its own in the written file, never among its metrics.
  const doc = JSON.parse(await Deno.readTextFile(join(outDir, "benchmark_4b_ft.json")));
  assert.equal(typeof doc.samples[0].latency_s, "number");
  assert.ok(!("latency_s" in doc.samples[0].metrics) && !("gen_time" in doc.samples[0].metrics));
  assert.match(written.metricSignatures.chrf, /^chrf\|suite:v2\|nc:6\|nw:0\|/);
  assert.equal(written.metricSignatures.rouge1, undefined); // suite v2 only
  assert.equal(await Deno.readTextFile(input), before);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("rescore refuses bad usage with exit code 2 and the usage line", async () => {
  for (
    const argv of [["--frobnicate", "x.json"], [], ["--suite", "v3", "x.json"], ["--out"], [
      "--in-place",
      "--out",
      "d",
      "x.json",
    ]]
  ) {
    const { code, err } = await run(argv);
    assert.equal(code, 2, argv.join(" "));
    assert.match(err.at(-1)!, /^Usage: deno task rescore/);
  }
  assert.deepEqual(parseArgs(["--check", "--suite=legacy", "--out=o", "a", "--", "--b"]), {
    check: true,
    suite: "legacy",
    out: "o",
    inPlace: false,
    force: false,
    help: false,
    paths: ["a", "--b"],
  });
  assert.throws(() => parseArgs(["--out", "--check", "a"]), /--out needs a value/);
  assert.throws(() => parseArgs(["--check=yes", "a"]), /--check takes no value/);
  const help = await run(["-h"]);
  assert.equal(help.code, 0);
  assert.match(help.out[0], /^Usage: deno task rescore/);
});

Deno.test("rescore fails with exit 1 on a missing path", async () => {
  const { code, err } = await run(["--check", "/nonexistent/x.json"]);
  assert.equal(code, 1);
  assert.match(err[0], /Cannot read "\/nonexistent\/x.json"/);
});

/** Names of the files in `dir`, sorted; `[]` when the folder does not exist. */
async function listing(dir: string): Promise<string[]> {
  try {
    return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}

Deno.test("rescore reads files named with spaces and Cyrillic letters and writes valid v1 files under ASCII run ids", async () => {
  await requireShared();
  const dir = await Deno.makeTempDir();
  const small = await smallLegacyCopy(dir, 4);
  const names = ["мой файл.json", "Қазақша жауаптар (14B).json", "base model.json"];
  for (const n of names) await Deno.copyFile(small, join(dir, n));
  await Deno.remove(small);
  const outDir = join(dir, "шығыс");
  // Given as files, and as the folder that holds them.
  const byFile = await run(["--suite", "v2", "--out", outDir, ...names.map((n) => join(dir, n))]);
  assert.equal(byFile.code, 0, byFile.err.join("\n"));
  assert.deepEqual(await listing(outDir), [
    "Qazaqsha_zhauaptar_14B.json",
    "base_model.json",
    "moy_fayl.json",
  ]);
  assert.ok(
    byFile.err.some((l) =>
      l.includes(
        'мой файл.json" has no valid schema-v1 run id in its name; its run id is "moy_fayl"',
      )
    ),
  );
  const written = await loadResultFile(join(outDir, "moy_fayl.json"));
  assert.equal(written.run.id, "moy_fayl");
  assert.equal(written.samples!.length, 4);
  assert.equal(typeof written.samples![0].metrics.chrf, "number");
  const outDir2 = join(dir, "out2");
  const byFolder = await run(["--suite", "legacy", "--out", outDir2, dir]);
  assert.equal(byFolder.code, 0, byFolder.err.join("\n"));
  assert.deepEqual(await listing(outDir2), await listing(outDir));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("rescore writes nothing when any input fails: no partial output, and a message instead of a stack trace", async () => {
  await requireShared();
  const dir = await Deno.makeTempDir();
  const small = await smallLegacyCopy(dir, 3);
  // "a b.json" and "a_b.json" both get run id a_b: refused before anything is written.
  await Deno.copyFile(small, join(dir, "a b.json"));
  await Deno.copyFile(small, join(dir, "a_b.json"));
  const outDir = join(dir, "out");
  const clash = await run(["--out", outDir, small, join(dir, "a b.json"), join(dir, "a_b.json")]);
  assert.equal(clash.code, 1);
  assert.match(
    clash.err.at(-1)!,
    /^rescore: ".*a b\.json" and ".*a_b\.json" would both be written to/,
  );
  assert.deepEqual(await listing(outDir), []);
  // An output folder that cannot be created (a file stands in its way): an error, no stack
  // trace, no file and no temporary file anywhere.
  await Deno.writeTextFile(join(dir, "blocked"), "");
  const blocked = await run(["--out", join(dir, "blocked", "out"), small, join(dir, "a b.json")]);
  assert.equal(blocked.code, 1);
  assert.equal(blocked.err.filter((l) => l.startsWith("rescore: ")).length, 1);
  assert.ok(!blocked.err.join("\n").includes("    at "), blocked.err.join("\n"));
  assert.deepEqual(await listing(dir), ["a b.json", "a_b.json", "benchmark_4b_ft.json", "blocked"]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("rescore --in-place refuses legacy files it cannot round-trip, naming the fields, and keeps v1 files whole", async () => {
  await requireShared();
  const dir = await Deno.makeTempDir();
  const legacy = await smallLegacyCopy(dir, 5);
  const before = await Deno.readTextFile(legacy);
  const refused = await run(["--in-place", legacy]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.err.at(-1)!,
    /refusing --in-place on ".*benchmark_4b_ft\.json": it is a legacy result file, and its schema-v1 version could not keep confidence_intervals, by_domain, by_language, gpu\.vram_gb\. Nothing was written/,
  );
  assert.equal(await Deno.readTextFile(legacy), before);

  // A legacy file with nothing v1 cannot carry converts in place.
  const bare = JSON.parse(before);
  for (const k of ["confidence_intervals", "by_domain", "by_language", "gpu"]) delete bare[k];
  const barePath = join(dir, "bare.json");
  await Deno.writeTextFile(barePath, JSON.stringify(bare));
  assert.equal((await run(["--in-place", "--suite", "legacy", barePath])).code, 0);
  assert.equal((await loadResultFile(barePath)).source.format, "v1");

  // A v1 file re-scored in place keeps everything but the recomputed metrics, their signatures
  // and means; the note and the input hash are added.
  const v1Dir = join(dir, "v1");
  assert.equal((await run(["--suite", "legacy", "--out", v1Dir, legacy])).code, 0);
  const v1Path = join(v1Dir, "benchmark_4b_ft.json");
  const doc = JSON.parse(await Deno.readTextFile(v1Path));
  doc.decoding = { max_new_tokens: 512, temperature: 0.1 };
  doc.environment.packages.torch = "2.11.0";
  doc.samples[2].metrics.bertscore_f1 = 0.5;
  await Deno.writeTextFile(v1Path, JSON.stringify(doc, null, 2));
  const inputSha = (await loadResultFile(v1Path)).source.sha256;
  const res = await run(["--in-place", "--suite", "v2", v1Path]);
  assert.equal(res.code, 0, res.err.join("\n"));
  const after = JSON.parse(await Deno.readTextFile(v1Path));
  for (const k of ["run", "created_at", "config", "environment", "decoding", "runtime"]) {
    assert.deepEqual(after[k], doc[k], k);
  }
  assert.deepEqual(after.inputs.results, doc.inputs.results);
  assert.equal(after.inputs.rescored_from.sha256, inputSha);
  assert.match(after.source, /; metrics .*chrf.* re-scored by lib\/cli\/rescore\.ts \(suite v2\)/);
  after.samples.forEach((s: { metrics: Record<string, number> }, i: number) => {
    const old = doc.samples[i];
    assert.equal(s.metrics.rougeL, old.metrics.rougeL); // legacy values kept
    assert.equal(typeof s.metrics.chrf, "number");
    // The file held legacy metrics only; suite v2 adds its own and leaves those alone.
    for (const [k, v] of Object.entries(old.metrics)) assert.equal(s.metrics[k], v, k);
  });
  assert.equal(after.samples[2].metrics.bertscore_f1, 0.5);
  assert.ok(after.metric_signatures.chrf && after.metric_signatures.rougeL);
  assert.equal(after.summary.rougeL.mean, doc.summary.rougeL.mean);
  assert.equal(typeof after.summary.chrf.mean, "number");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("rescore --out refuses to replace a file it did not write, naming it, and replaces its own (or with --force)", async () => {
  const dir = await Deno.makeTempDir();
  const data = JSON.parse(await Deno.readTextFile(fromRoot("data/results/benchmark_4b_ft.json")));
  data.detailed_results = data.detailed_results.slice(0, 3);
  data.num_samples = 3;
  const input = join(dir, "in", "benchmark_4b_ft.json");
  await Deno.mkdir(join(dir, "in"));
  await Deno.writeTextFile(input, JSON.stringify(data));
  const outDir = join(dir, "paper");
  await Deno.mkdir(outDir);
  const mine = join(outDir, "benchmark_4b_ft.json");
  await Deno.writeTextFile(mine, '{"my": "unrelated file"}');
  const refused = await run(["--suite", "v2", "--out", outDir, input]);
  assert.equal(refused.code, 1);
  assert.match(
    refused.err.join("\n"),
    /refusing to replace ".*paper\/benchmark_4b_ft\.json".*--force/,
  );
  assert.equal(await Deno.readTextFile(mine), '{"my": "unrelated file"}');
  assert.deepEqual((await Array.fromAsync(Deno.readDir(outDir))).map((e) => e.name), [
    "benchmark_4b_ft.json",
  ]);
  const forced = await run(["--suite", "v2", "--out", outDir, "--force", input]);
  assert.equal(forced.code, 0, forced.err.join("\n"));
  assert.equal((await loadResultFile(mine)).samples!.length, 3);
  // A file rescore wrote is replaced without --force.
  const again = await run(["--suite", "v2", "--out", outDir, input]);
  assert.equal(again.code, 0, again.err.join("\n"));
  await Deno.remove(dir, { recursive: true });
});
