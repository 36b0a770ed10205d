/**
 * `deno bench -A lib/report/run_report_bench.ts`: the whole default report (every report notebook,
 * Jupyter kernel start-up included) on the study's files in `data/`, from a cold cache (nothing
 * scored, nothing remembered) and from a warm one (a second report on the same inputs). Targets:
 * cold under 15 s on a 2-core machine, warm at most 0.7× cold.
 */
import { join } from "node:path";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";
import { CACHE_DIR_ENV } from "../scored/load_scored.ts";

const warmCache = await Deno.makeTempDir({ prefix: "report-bench-warm-" });

async function report(cache: string) {
  Deno.env.set(CACHE_DIR_ENV, cache); // read by this process and the notebook kernels
  const out = join(await Deno.makeTempDir(), "report");
  await runReport(resolveParams({ out }), { log: () => {} });
}

Deno.bench({
  name: "deno task report, cold cache (scores the 8 result files, computes every analysis)",
  n: 2,
  warmup: 0,
  async fn() {
    await report(await Deno.makeTempDir({ prefix: "report-bench-cold-" }));
  },
});

Deno.bench({
  name: "deno task report, warm cache (the same inputs a second time)",
  n: 2,
  warmup: 1,
  async fn() {
    await report(warmCache);
  },
});
