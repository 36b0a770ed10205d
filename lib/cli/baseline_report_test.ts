import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsv } from "../io/csv.ts";
import { resolveParams } from "../params.ts";
import { REPO_ROOT } from "../paths.ts";
import { runReport } from "../report/run_report.ts";

Deno.test("`deno task baseline` writes a schema-v1 result that `deno task report --results` reads and scores", async () => {
  const dir = await Deno.makeTempDir();
  const out = join(dir, "baseline");
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "lib/cli/baseline.ts", "--out", out, "--n", "40"],
    cwd: REPO_ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const log = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
  assert.equal(r.code, 0, log);
  const report = join(dir, "report");
  await runReport(resolveParams({ results: out, out: report }), {
    notebooks: ["20_scaling.ipynb", "25_metric_audit.ipynb"],
    log: () => {},
  });
  const [row, ...rest] = parseCsv(await Deno.readTextFile(join(report, "tables", "scaling.csv")));
  assert.equal(rest.length, 0);
  assert.equal(row.variant, "baseline");
  assert.equal(row.n, "40");
  for (const m of ["citation_accuracy", "rougeL_v2", "chrf"]) {
    assert.ok(Number.isFinite(Number(row[`${m}_mean`])), `${m} is scored`);
  }
});
