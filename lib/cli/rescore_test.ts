import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main, parseArgs } from "./rescore.ts";
import { loadResultFile } from "../results/load_result_file.ts";

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
  const { code, out } = await run(["--suite", "v2", "--chrf-pp", "--out", outDir, input]);
  assert.equal(code, 0, out.join("\n"));
  const written = await loadResultFile(join(outDir, "benchmark_4b_ft.json"));
  assert.equal(written.source.format, "v1");
  assert.equal(written.samples!.length, 5);
  assert.equal(typeof written.samples![0].metrics.chrf, "number");
  assert.equal(typeof written.samples![0].metrics.chrf_pp, "number");
  assert.equal(typeof written.samples![0].metrics.bertscore_f1, "number"); // stored value kept
  assert.equal(
    written.samples![0].latency_s,
    JSON.parse(before).detailed_results[0].metrics.gen_time,
  );
  assert.match(written.metricSignatures.chrf, /^chrf\|suite:v2\|nc:6\|nw:0\|/);
  assert.equal(written.metricSignatures.rouge1, undefined); // suite v2 only
  assert.equal(await Deno.readTextFile(input), before);
  // --in-place rewrites the input as a v1 file
  assert.equal((await run(["--in-place", "--suite", "legacy", input])).code, 0);
  assert.equal((await loadResultFile(input)).source.format, "v1");
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
    chrfPlusPlus: false,
    out: "o",
    inPlace: false,
    paths: ["a", "--b"],
  });
});

Deno.test("rescore fails with exit 1 on a missing path", async () => {
  const { code, err } = await run(["--check", "/nonexistent/x.json"]);
  assert.equal(code, 1);
  assert.match(err[0], /Cannot read "\/nonexistent\/x.json"/);
});
