/**
 * Keeps rescore's Python peer (`python/rescore_peer.py`, timed against `deno task rescore` by
 * `rescore_peer_bench.ts`) honest: on the study's result files it computes the same values as
 * rescore for the metrics they share.
 */
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { projectPython } from "../pyenv/project_python.ts";
import { loadResults } from "../results/load_results.ts";
import { rescoreRun } from "./rescore_run.ts";

/** The metrics the peer computes, named as in the registry. */
const SHARED = ["chrf", "chrf_pp", "rouge1", "rouge2", "rougeL", "bleu", "length_ratio"];

interface PeerFile {
  run: string;
  summary: Record<string, { mean: number; n: number }>;
  samples: { id: string; metrics: Record<string, number> }[];
}

Deno.test("rescore_peer.py: the same means and per-sample values as rescore on the study's files, within 1e-9", async () => {
  const out = await Deno.makeTempDir({ prefix: "rescore-peer-test-" });
  try {
    const result = await new Deno.Command(await projectPython(["pytest"]), {
      args: ["python/rescore_peer.py", "--results=data/results", `--out=${out}`],
      cwd: fromRoot("."),
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(result.success, new TextDecoder().decode(result.stderr));
    const { runs } = await loadResults(fromRoot("data/results"));
    assert.equal(runs.length, 8, "the study's eight result files with samples");
    const written = [...Deno.readDirSync(out)].map((e) => e.name).sort();
    assert.deepEqual(
      written,
      runs.map((r) => basename(r.source.path)).sort(),
      "one peer file per run",
    );
    for (const run of runs) {
      const name = basename(run.source.path);
      const peer = JSON.parse(await Deno.readTextFile(join(out, name))) as PeerFile;
      const deno = rescoreRun(run, { suite: "all" });
      assert.deepEqual(Object.keys(peer.summary).sort(), [...SHARED].sort(), name);
      for (const metric of SHARED) {
        const a = peer.summary[metric];
        const b = deno.summary[metric];
        assert.equal(a.n, b.n, `${name} ${metric}: n`);
        assert.ok(
          Math.abs(a.mean - b.mean) <= 1e-9,
          `${name} ${metric}: peer mean ${a.mean}, rescore ${b.mean}`,
        );
      }
      const samples = deno.samples!;
      assert.equal(peer.samples.length, samples.length, name);
      peer.samples.forEach((s, i) => {
        assert.equal(s.id, samples[i].id, `${name} sample ${i}: id`);
        for (const metric of SHARED) {
          const b = samples[i].metrics[metric];
          assert.ok(
            typeof b === "number" && Math.abs(s.metrics[metric] - b) <= 1e-9,
            `${name} sample ${s.id} ${metric}: peer ${s.metrics[metric]}, rescore ${b}`,
          );
        }
      });
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
