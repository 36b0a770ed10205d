/**
 * `deno bench -A lib/report/run_report_bench.ts`: the whole report (every analysis notebook,
 * Jupyter kernel start-up included) on the study's eight per-sample result files.
 * Target: under 30 s on a 2-core machine.
 */
import { join } from "node:path";
import { resolveParams } from "./params.ts";
import { SHARED_RESULTS } from "../results/_shared_data.ts";
import { runReport } from "./run_report.ts";

Deno.bench({
  name: "deno task report --results ../shared/datasets/kz-legal-qa/results (all notebooks)",
  n: 2,
  warmup: 0,
  async fn() {
    const out = join(await Deno.makeTempDir(), "report");
    await runReport(resolveParams({ results: SHARED_RESULTS, out }), { log: () => {} });
  },
});
