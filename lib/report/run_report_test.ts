import assert from "node:assert/strict";
import { join } from "node:path";
import { denoNotebook } from "../testing/deno_notebook.ts";
import { parseCsv } from "../io/csv.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { resolveParams } from "./params.ts";
import { loadResults } from "../results/load_results.ts";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { NotebookError } from "../notebook/execute_notebook.ts";
import { REPORT_MANIFEST, runReport } from "./run_report.ts";

/** A notebook that writes a section (and a table whose content names `tag`) and nothing else. */
function tinyNotebook(tag: string, extra = ""): string {
  return denoNotebook(
    `import { ReportSection, reportParams } from "${REPO_ROOT}/lib/report/mod.ts";\n` +
      `const section = new ReportSection("01_tiny", "Tiny", reportParams());`,
    `${extra}\nawait section.table("tiny", [{ tag: "${tag}" }], { sources: [{ path: "x", sha256: "0" }] });\n` +
      `await section.save();`,
  );
}

const created: string[] = [];
globalThis.addEventListener("unload", () => {
  for (const dir of created) Deno.removeSync(dir, { recursive: true });
});

/** A folder for test notebooks inside the repository (ignored `runs/`): the import map applies there. */
async function notebookDir(content: string): Promise<string> {
  await Deno.mkdir(join(REPO_ROOT, "runs"), { recursive: true });
  const dir = await Deno.makeTempDir({ dir: join(REPO_ROOT, "runs"), prefix: "test-notebooks-" });
  created.push(dir);
  await Deno.writeTextFile(join(dir, "01_tiny.ipynb"), content);
  return dir;
}

async function failingRun(cells: string[]): Promise<{ error: unknown; out: string }> {
  const dir = await Deno.makeTempDir();
  const failing = await notebookDir(denoNotebook(...cells));
  await Deno.rename(join(failing, "01_tiny.ipynb"), join(failing, "01_fail.ipynb"));
  const out = join(dir, "out");
  await runReport(resolveParams({ out }), {
    notebooks: ["01_tiny.ipynb"],
    notebookDir: await notebookDir(tinyNotebook("previous")),
    log: () => {},
  });
  let error: unknown = null;
  try {
    await runReport(resolveParams({ out }), {
      notebooks: ["01_fail.ipynb"],
      notebookDir: failing,
      log: () => {},
    });
  } catch (e) {
    error = e;
  }
  return { error, out };
}

Deno.test("runReport() fails on a throwing cell, names notebook, cell and error, and keeps the old output", async () => {
  const { error, out } = await failingRun([
    "const a = 1;\na",
    'throw new Error("boom қазақ");',
    "1",
  ]);
  assert.ok(error instanceof NotebookError, `expected NotebookError, got ${error}`);
  assert.equal(error.cell, 1);
  assert.match(error.message, /01_fail\.ipynb" failed in cell 1: Error: boom қазақ/);
  assert.match(await Deno.readTextFile(join(out, "tables", "tiny.csv")), /previous/);
  const siblings = [...Deno.readDirSync(join(out, ".."))].map((e) => e.name);
  assert.ok(!siblings.some((n) => n.includes(".partial")), `staging left behind: ${siblings}`);
});

Deno.test("runReport() fails on a rejected await in a cell", async () => {
  const { error } = await failingRun(['await Promise.reject(new TypeError("late failure"));']);
  assert.ok(error instanceof NotebookError, `expected NotebookError, got ${error}`);
  assert.equal(error.cell, 0);
  assert.match(error.message, /TypeError: late failure/);
});

Deno.test("report on the study's files: scaling means equal the stored per-sample means, intervals close to the study's", async () => {
  const out = join(await Deno.makeTempDir(), "x");
  await runReport(resolveParams({ results: STUDY_RESULTS, out, resamples: 2000 }), {
    notebooks: ["20_scaling.ipynb"],
    log: () => {},
  });
  const rows = parseCsv(await Deno.readTextFile(join(out, "tables", "scaling.csv")));
  assert.equal(rows.length, 8);
  const { runs } = await loadResults(STUDY_RESULTS);
  for (const r of runs) {
    const row = rows.find((x) => x.run === r.run.id)!;
    assert.equal(Number(row.n), 500);
    for (const metric of Object.keys(r.samples![0].metrics)) {
      let sum = 0;
      for (const s of r.samples!) sum += s.metrics[metric]!;
      // Equal up to the order of summation (the frame holds a run's rows in question order).
      const mean = Number(row[`${metric}_mean`]), stored = sum / r.samples!.length;
      assert.ok(Math.abs(mean - stored) <= 1e-12 * Math.abs(stored), `${r.run.id} ${metric}`);
    }
    const file = JSON.parse(await Deno.readTextFile(r.source.path));
    const ci = file.confidence_intervals.bertscore_f1;
    assert.ok(Math.abs(Number(row.bertscore_f1_lo) - ci.ci_lower) < 0.001, `${r.run.id} lo`);
    assert.ok(Math.abs(Number(row.bertscore_f1_hi) - ci.ci_upper) < 0.001, `${r.run.id} hi`);
  }
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(report, /`data\/results\/baseline_4b\.json` `[0-9a-f]{64}`/);
  for (
    const f of [
      "scaling.svg",
      "scaling.png",
      "latency_quality.svg",
      "tables/scaling.md",
      "tables/scaling_main.tex",
      "tables/published_vs_recomputed.csv",
      "notebooks/20_scaling.ipynb",
      REPORT_MANIFEST,
    ]
  ) {
    assert.ok((await Deno.stat(join(out, f))).size > 0, f);
  }
  const svg = await Deno.readTextFile(join(out, "scaling.svg"));
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /GPT-4o \(reference\)/);
});

Deno.test("runReport() replaces only what a report wrote: a draft report.md does not authorise deleting the inputs", async () => {
  const project = await Deno.makeTempDir();
  await Deno.mkdir(join(project, "results"));
  await Deno.copyFile(
    join(STUDY_RESULTS, "benchmark_8b_ft.json"),
    join(project, "results", "benchmark_8b_ft.json"),
  );
  await Deno.writeTextFile(join(project, "report.md"), "my draft");
  await assert.rejects(
    runReport(resolveParams({ results: join(project, "results"), out: project }), {
      notebooks: ["01_tiny.ipynb"],
      notebookDir: await notebookDir(tinyNotebook("x")),
      log: () => {},
    }),
    /not empty and was not written by a report/,
  );
  assert.equal(await Deno.readTextFile(join(project, "report.md")), "my draft");
  assert.ok((await Deno.stat(join(project, "results", "benchmark_8b_ft.json"))).isFile);

  // A report folder that gained a file of yours is refused too, naming the file.
  const out = join(await Deno.makeTempDir(), "report");
  const opts = {
    notebooks: ["01_tiny.ipynb"],
    notebookDir: await notebookDir(tinyNotebook("x")),
    log: () => {},
  };
  await runReport(resolveParams({ out }), opts);
  await Deno.writeTextFile(join(out, "tables", "my_notes.txt"), "keep me");
  await assert.rejects(runReport(resolveParams({ out }), opts), /tables\/my_notes\.txt/);
  assert.equal(await Deno.readTextFile(join(out, "tables", "my_notes.txt")), "keep me");
  await Deno.remove(join(out, "tables", "my_notes.txt"));
  await runReport(resolveParams({ out }), opts); // only report files again: replaced
  const fileDir = await Deno.makeTempDir();
  const file = join(fileDir, "a-file");
  await Deno.writeTextFile(file, "");
  await assert.rejects(runReport(resolveParams({ out: file }), opts), /it is a file, not a folder/);
  assert.deepEqual((await Array.fromAsync(Deno.readDir(fileDir))).map((e) => e.name), ["a-file"]);
});

Deno.test("two reports into one folder at once do not mix: the second waits, and the result is one whole report", async () => {
  const out = join(await Deno.makeTempDir(), "report");
  const run = async (tag: string) =>
    runReport(resolveParams({ out }), {
      notebooks: ["01_tiny.ipynb"],
      notebookDir: await notebookDir(tinyNotebook(tag)),
      log: () => {},
    });
  await Promise.all([run("first"), run("second")]);
  const table = await Deno.readTextFile(join(out, "tables", "tiny.csv"));
  const section = await Deno.readTextFile(join(out, "notebooks", "01_tiny.ipynb"));
  const tag = table.includes("first") ? "first" : "second";
  assert.ok(
    section.includes(`tag: \\"${tag}\\"`),
    "the table and the executed notebook come from the same run",
  );
  const manifest = JSON.parse(await Deno.readTextFile(join(out, REPORT_MANIFEST)));
  assert.deepEqual(manifest.files.sort(), [
    "notebooks/01_tiny.ipynb",
    "report.md",
    "tables/tiny.csv",
    "tables/tiny.md",
    "tables/tiny.tex",
  ]);
});

Deno.test("a run killed during the final swap is recovered by the next run; stale staging of dead runs is removed", async () => {
  const parent = await Deno.makeTempDir();
  const out = join(parent, "report");
  const opts = async (tag: string) => ({
    notebooks: ["01_tiny.ipynb"],
    notebookDir: await notebookDir(tinyNotebook(tag)),
    log: () => {},
  });
  await runReport(resolveParams({ out }), await opts("old"));
  // As SIGKILL between the two renames leaves it: the old output moved aside, no output folder.
  await Deno.rename(out, join(parent, ".report.old"));
  await Deno.mkdir(join(parent, ".report.partial-999999"));
  const messages: string[] = [];
  await runReport(resolveParams({ out }), { ...(await opts("new")), log: (m) => messages.push(m) });
  assert.ok(
    messages.some((m) => /recovered ".*report" from an interrupted run/.test(m)),
    messages.join("\n"),
  );
  assert.match(await Deno.readTextFile(join(out, "tables", "tiny.csv")), /new/);
  assert.deepEqual(
    (await Array.fromAsync(Deno.readDir(parent))).map((e) => e.name).sort(),
    ["report"],
    "nothing but the report beside it: no lock, staging or swap folder",
  );
});

Deno.test("runReport() loses nothing it did not write: a foreign .<out>.old, a hand-edited report.md, a symlinked --out", async () => {
  const parent = await Deno.makeTempDir();
  const opts = async (tag: string) => ({
    notebooks: ["01_tiny.ipynb"],
    notebookDir: await notebookDir(tinyNotebook(tag)),
    log: () => {},
  });
  // The case: a folder of yours named .<out>.old beside --out is kept, and named.
  const out = join(parent, "myfig");
  await runReport(resolveParams({ out }), await opts("first"));
  await Deno.mkdir(join(parent, ".myfig.old"));
  await Deno.writeTextFile(join(parent, ".myfig.old", "fig.svg"), "<svg/>");
  await assert.rejects(runReport(resolveParams({ out }), await opts("second")), /\.myfig\.old/);
  assert.equal(await Deno.readTextFile(join(parent, ".myfig.old", "fig.svg")), "<svg/>");
  await Deno.remove(join(parent, ".myfig.old"), { recursive: true });
  // A hand edit of report.md is refused, named, and kept; --overwrite-edits replaces it.
  await Deno.writeTextFile(join(out, "report.md"), "my edit");
  await assert.rejects(
    runReport(resolveParams({ out }), await opts("second")),
    /report\.md.*--overwrite-edits/,
  );
  assert.equal(await Deno.readTextFile(join(out, "report.md")), "my edit");
  await runReport(resolveParams({ out }), { ...(await opts("second")), overwriteEdits: true });
  assert.match(await Deno.readTextFile(join(out, "tables", "tiny.csv")), /second/);
  const manifest = JSON.parse(await Deno.readTextFile(join(out, REPORT_MANIFEST)));
  assert.equal(Object.keys(manifest.sha256).length, manifest.files.length, "a hash per file");
  // A symlinked --out: the target gets the new report and the link stays a link.
  const link = join(parent, "link");
  await Deno.symlink(out, link);
  await runReport(resolveParams({ out: link }), await opts("third"));
  assert.ok((await Deno.lstat(link)).isSymlink, "the link stays a link");
  assert.match(await Deno.readTextFile(join(out, "tables", "tiny.csv")), /third/);
});

Deno.test("SIGTERM to a running report stops it, ends its kernel, and keeps the old output", async () => {
  const out = join(await Deno.makeTempDir(), "report");
  const dir = await notebookDir(
    tinyNotebook(
      "slow",
      'console.log("kernel started"); await new Promise((r) => setTimeout(r, 60_000));',
    ),
  );
  const script = join(dir, "run.ts"); // inside the repository, so that its import map applies
  await Deno.writeTextFile(
    script,
    `import { runReport } from "${REPO_ROOT}/lib/report/run_report.ts";\n` +
      `import { resolveParams } from "${REPO_ROOT}/lib/report/params.ts";\n` +
      `try { await runReport(resolveParams({ out: ${
        JSON.stringify(out)
      } }), { notebooks: ["01_tiny.ipynb"], notebookDir: ${
        JSON.stringify(dir)
      } }); } catch (e) { console.error(String(e)); Deno.exit(1); }`,
  );
  const count = async (pattern: string) => {
    const r = await new Deno.Command("pgrep", { args: ["-f", pattern], stdout: "piped" }).output();
    return new TextDecoder().decode(r.stdout).trim().split("\n").filter(Boolean).length;
  };
  const runners = () => count(dir); // the child Python running the notebook names its folder
  const kernels = () => count("jupyter --kernel");
  const before = await kernels();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script],
    cwd: REPO_ROOT,
    stdout: "null",
    stderr: "piped",
  }).spawn();
  // Wait until the notebook's kernel runs (its connection file names the notebook folder's python child).
  const deadline = Date.now() + 60_000;
  let staged = false;
  while (Date.now() < deadline && !staged) {
    await new Promise((r) => setTimeout(r, 300));
    staged = (await Array.fromAsync(Deno.readDir(join(out, "..")))).some((e) =>
      e.name.startsWith(".report.partial-")
    ) && (await runners()) > 0 && (await kernels()) > before;
  }
  if (!staged) {
    child.kill("SIGKILL");
    const err = new TextDecoder().decode(await new Response(child.stderr).arrayBuffer());
    assert.fail(`the report did not start its notebook:\n${err}`);
  }
  await new Promise((r) => setTimeout(r, 3000)); // the kernel is up and the cell is sleeping
  child.kill("SIGTERM");
  const status = await child.status;
  const err = new TextDecoder().decode(await new Response(child.stderr).arrayBuffer());
  assert.notEqual(status.code, 0, err);
  assert.match(err, /interrupted|stopped/);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await runners(), 0, "no notebook runner of the report is left");
  assert.equal(await kernels(), before, "its kernel was shut down");
  const left = (await Array.fromAsync(Deno.readDir(join(out, "..")))).map((e) => e.name);
  assert.ok(!left.some((n) => n.includes(".partial")), `staging left behind: ${left}`);
});

Deno.test("the report on a folder with only a RAG aggregate and a header-only sheet completes and says so, in the user's words", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "results"));
  await Deno.copyFile(
    join(STUDY_RESULTS, "rag_ablation.json"),
    join(dir, "results", "rag_ablation.json"),
  );
  const sheet = join(dir, "blank_sheet.csv");
  const filled = await Deno.readTextFile(
    join(REPO_ROOT, "data", "human_eval", "eval_sheet_filled.csv"),
  );
  await Deno.writeTextFile(sheet, filled.split("\n")[0] + "\n");
  const out = join(dir, "report");
  await runReport(
    resolveParams({ results: join(dir, "results"), out, humanEval: [sheet], resamples: 200 }),
    {
      notebooks: [
        "15_samples.ipynb",
        "20_scaling.ipynb",
        "30_paired.ipynb",
        "50_rag.ipynb",
        "60_human_eval.ipynb",
      ],
      log: () => {},
    },
  );
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(report, /no run result \(only RAG ablation aggregates\)/);
  assert.match(report, /no per-sample records, so there are no answers to show/);
  assert.match(report, /The sheets hold no rated answer/);
  assert.match(report, /Table rag_ablation/);
  assert.doesNotMatch(report, /needs at least one row|lists no input files|intersect/);
});

Deno.test("`deno task report --runs DIR` writes the training sweep table: each run's best eval loss and where it was reached", async () => {
  const out = join(await Deno.makeTempDir(), "report");
  await runReport(resolveParams({ out, runs: "lib/training/fixtures/sweep" }), {
    notebooks: ["70_training_runs.ipynb"],
    log: () => {},
  });
  const rows = parseCsv(await Deno.readTextFile(join(out, "tables", "training_runs.csv")));
  assert.ok(rows.length >= 4, `${rows.length} runs`);
  for (const r of rows.filter((r) => r.best_eval_loss !== "")) {
    assert.ok(Number(r.best_eval_loss) > 0 && Number.isInteger(Number(r.best_step)), r.run);
  }
  assert.ok((await Deno.stat(join(out, "training_eval_loss.svg"))).size > 0);
});
