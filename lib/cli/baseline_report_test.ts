import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsv } from "../io/csv.ts";
import { resolveParams } from "../report/params.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { runReport } from "../report/run_report.ts";

/** A `python3` first on PATH that cannot import scikit-learn (python/tests/_block_modules). */
async function pythonWithoutSklearn(dir: string): Promise<Record<string, string>> {
  const real = new TextDecoder().decode(
    (await new Deno.Command("python3", { args: ["-c", "import sys; print(sys.executable)"] })
      .output()).stdout,
  ).trim();
  const bin = join(dir, "bin");
  await Deno.mkdir(bin);
  await Deno.writeTextFile(
    join(bin, "python3"),
    `#!/bin/sh\nPYTHONPATH="${REPO_ROOT}/python/tests/_block_modules" WORKBENCH_TEST_BLOCK_MODULES=sklearn exec "${real}" "$@"\n`,
  );
  await Deno.chmod(join(bin, "python3"), 0o755);
  const env: Record<string, string> = {
    ...Deno.env.toObject(),
    PATH: `${bin}:${Deno.env.get("PATH")}`,
  };
  delete env.WORKBENCH_PYTHON;
  return env;
}

Deno.test("`deno task baseline` works where python3 lacks scikit-learn, and `deno task report --results` reads and scores its result", async () => {
  const dir = await Deno.makeTempDir();
  const out = join(dir, "baseline");
  const env = await pythonWithoutSklearn(dir);
  const probe = await new Deno.Command("python3", {
    args: ["-c", "import sklearn"],
    env,
    clearEnv: true,
  })
    .output();
  assert.equal(probe.code, 1, "python3 on this PATH cannot import sklearn");
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "lib/cli/baseline.ts", "--out", out, "--n", "40"],
    cwd: REPO_ROOT,
    env,
    clearEnv: true,
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
