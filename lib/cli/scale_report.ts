/**
 * `deno task scale-report [--runs 32] [--samples 5000] [--resamples 10000] [--seed 42] [--keep DIR]`:
 * the report at the scale of a realistic multi-model evaluation. It synthesises `runs` result
 * files of `samples` answers each by resampling the study's records (question `i` of every run
 * is the same study question, drawn with a seeded generator; each run takes that question's
 * record from one of the study's eight runs, so answers, metrics and latencies are real), runs
 * the whole report on them with an empty cache of its own, and prints the wall time and the peak memory of
 * all its processes together (the report, its Python runners and their Deno kernels), sampled
 * every 200 ms from /proc. Target: completes, peak memory under 4 GB.
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { STUDY_RESULTS } from "../results/_shared_data.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { seededRandom } from "../stats/rng.ts";

const STUDY = [
  "baseline_4b",
  "baseline_8b",
  "baseline_14b",
  "benchmark_4b_ft",
  "benchmark_8b_ft",
  "benchmark_14b_ft",
  "benchmark_gpt4o",
  "benchmark_gpt4o_mini",
];

/**
 * Writes `runs` legacy result files into `dir`: sizes 1..k base and fine-tuned Qwen3 runs (the
 * base ones resampled from the study's base runs, the fine-tuned ones from its fine-tuned runs)
 * and two external runs from the GPT files.
 */
export async function synthesise(dir: string, runs: number, samples: number, seed: number) {
  const study = new Map<string, { model: string; detailed_results: Record<string, unknown>[] }>();
  for (const id of STUDY) {
    study.set(id, JSON.parse(await Deno.readTextFile(join(STUDY_RESULTS, `${id}.json`))));
  }
  const random = seededRandom(seed);
  const questions = Array.from({ length: samples }, () => Math.floor(random() * 500));
  const pairs = Math.max(1, Math.floor((runs - 2) / 2));
  const plan: { id: string; from: string; model: string; baseline: boolean }[] = [];
  for (let k = 1; k <= pairs; k++) {
    plan.push({
      id: `qwen3_${k}b_base`,
      from: STUDY[(k - 1) % 3],
      model: `Qwen/Qwen3-${k}B`,
      baseline: true,
    });
    plan.push({
      id: `qwen3_${k}b_ft`,
      from: STUDY[3 + (k - 1) % 3],
      model: `lora_qwen3_${k}b`,
      baseline: false,
    });
  }
  plan.push({ id: "gpt4o", from: "benchmark_gpt4o", model: "gpt-4o", baseline: false });
  plan.push({
    id: "gpt4o_mini",
    from: "benchmark_gpt4o_mini",
    model: "gpt-4o-mini",
    baseline: false,
  });
  for (const p of plan.slice(0, runs)) {
    const source = study.get(p.from)!;
    const detailed = questions.map((q, i) => ({ ...source.detailed_results[q], id: i }));
    const doc = {
      ...source,
      model: p.model,
      is_baseline: p.baseline,
      num_samples: samples,
      detailed_results: detailed,
    };
    delete (doc as Record<string, unknown>).avg_metrics;
    delete (doc as Record<string, unknown>).confidence_intervals;
    (doc as Record<string, unknown>).avg_metrics = {};
    await Deno.writeTextFile(join(dir, `${p.id}.json`), JSON.stringify(doc));
  }
}

/**
 * Resident memory (bytes) of `pid` and all its descendants, from /proc, in all and by process
 * (`pid command`).
 */
async function treeRss(pid: number): Promise<{ total: number; each: Map<string, number> }> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for await (const e of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const stat = await Deno.readTextFile(`/proc/${e.name}/stat`);
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      const id = Number(e.name);
      rss.set(id, pages * 4096);
      names.set(id, stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(id);
    } catch { /* the process ended */ }
  }
  let total = 0;
  const each = new Map<string, number>();
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    each.set(`${p} ${names.get(p) ?? "?"}`, rss.get(p) ?? 0);
    for (const c of children.get(p) ?? []) stack.push(c);
  }
  return { total, each };
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      runs: { type: "string", default: "32" },
      samples: { type: "string", default: "5000" },
      resamples: { type: "string", default: "10000" },
      seed: { type: "string", default: "42" },
      keep: { type: "string" },
      plan: { type: "string" },
    },
    strict: true,
  });
  const [runs, samples, resamples, seed] = [
    values.runs,
    values.samples,
    values.resamples,
    values.seed,
  ]
    .map(Number);
  const dir = values.keep ?? await Deno.makeTempDir({ prefix: "scale-report-" });
  await Deno.mkdir(join(dir, "results"), { recursive: true });
  console.error(`scale-report: synthesising ${runs} runs × ${samples} answers in ${dir}`);
  await synthesise(join(dir, "results"), runs, samples, seed);
  // A sweep of many sizes declares what a researcher would: the study's plan with fine-tuned
  // models of adjacent sizes compared (every two sizes grows with the square of the sizes).
  const plan = values.plan ?? join(dir, "analysis_plan.json");
  if (!values.plan) {
    const study = JSON.parse(
      await Deno.readTextFile(join(REPO_ROOT, "data", "analysis_plan.json")),
    );
    for (const c of study.comparisons) if (c.comparison === "ft_sizes") c.sizes = "adjacent";
    study.note =
      "Generated by deno task scale-report: the study's plan, fine-tuned sizes adjacent.";
    await Deno.writeTextFile(plan, JSON.stringify(study, null, 2) + "\n");
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      join(REPO_ROOT, "lib", "cli", "report.ts"),
      "--results",
      join(dir, "results"),
      "--out",
      join(dir, "report"),
      "--resamples",
      String(resamples),
      "--human-eval",
      "none",
      "--plan",
      plan,
    ],
    cwd: REPO_ROOT,
    env: { WORKBENCH_CACHE_DIR: join(dir, "cache") },
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  let peak = 0;
  let atPeak = new Map<string, number>();
  const started = performance.now();
  const timer = setInterval(async () => {
    const { total, each } = await treeRss(child.pid);
    if (total > peak) [peak, atPeak] = [total, each];
  }, 200);
  const status = await child.status;
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `scale-report: ${runs} runs × ${samples} answers, ${resamples} resamples: ${
      status.success ? "completed" : `FAILED (exit ${status.code})`
    } in ${seconds.toFixed(0)} s, peak memory of all processes ${(peak / 2 ** 30).toFixed(2)} GiB`,
  );
  const top = [...atPeak].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(
    `scale-report: at the peak, ${
      top.map(([p, b]) => `${p} ${(b / 2 ** 30).toFixed(2)} GiB`).join(", ")
    }`,
  );
  if (!values.keep) await Deno.remove(dir, { recursive: true });
  Deno.exit(status.success ? 0 : 1);
}
