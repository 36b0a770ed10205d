/**
 * No process outlives a report: whatever signal ends it (SIGINT, SIGTERM, SIGHUP, SIGKILL), sent
 * to the report's process or to its whole process group, neither the cache-warming scorers nor
 * the notebook runners nor their kernels (which Jupyter starts in a session of their own) remain.
 * Every process the report starts inherits a marker in its environment; the tests look for it in
 * /proc.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { denoNotebook } from "../testing/deno_notebook.ts";
import { REPO_ROOT } from "../io/paths.ts";

const MARK = "WORKBENCH_PROCESS_TEST";

interface Proc {
  pid: number;
  cmd: string;
}

/** Every live process whose environment carries `MARK=tag` (zombies have none, so are left out). */
async function marked(tag: string): Promise<Proc[]> {
  const needle = new TextEncoder().encode(`\0${MARK}=${tag}\0`);
  const out: Proc[] = [];
  for await (const e of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const env = await Deno.readFile(`/proc/${e.name}/environ`);
      const padded = new Uint8Array(env.length + 1);
      padded.set(env, 1);
      if (!includes(padded, needle)) continue;
      const cmd = (await Deno.readTextFile(`/proc/${e.name}/cmdline`)).replaceAll("\0", " ");
      out.push({ pid: Number(e.name), cmd });
    } catch { /* gone meanwhile, or not ours */ }
  }
  return out;
}

function includes(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await what()) return true;
    await sleep(100);
  }
  return false;
}

const isKernel = (p: Proc) => p.cmd.includes("jupyter --kernel");
const isRunner = (p: Proc) => p.cmd.includes("_execute_notebook.py");
const isScorer = (p: Proc) => p.cmd.includes("warm_scored_cache.ts");

let fixture: Promise<{ dir: string; script: string; small: string; large: string }> | null = null;

/** A report script with a notebook that sleeps, and two results folders (one needs scorers). */
function setUp() {
  fixture ??= (async () => {
    await Deno.mkdir(join(REPO_ROOT, "runs"), { recursive: true });
    const dir = await Deno.makeTempDir({ dir: join(REPO_ROOT, "runs"), prefix: "test-procs-" });
    globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
    await Deno.writeTextFile(
      join(dir, "01_slow.ipynb"),
      denoNotebook("await new Promise((r) => setTimeout(r, 120_000));"),
    );
    // small: one result file under the scorers' 64 KiB threshold; large: three study files
    const small = join(dir, "small");
    await Deno.mkdir(small);
    const study = JSON.parse(
      await Deno.readTextFile(join(REPO_ROOT, "data", "results", "benchmark_4b_ft.json")),
    );
    study.detailed_results = study.detailed_results.slice(0, 3);
    await Deno.writeTextFile(join(small, "benchmark_4b_ft.json"), JSON.stringify(study));
    const large = join(dir, "large");
    await Deno.mkdir(large);
    // 24 distinct files of 1.2 to 3.5 MB: scoring them takes the scorers far longer than the
    // 30 s the tests wait for them to end, so a scorer that outlives the report is seen
    for (const f of ["baseline_4b", "baseline_8b", "baseline_14b"]) {
      const run = JSON.parse(
        await Deno.readTextFile(join(REPO_ROOT, "data", "results", `${f}.json`)),
      );
      for (let copy = 0; copy < 8; copy++) {
        run.model = `${f}-copy-${copy}`;
        await Deno.writeTextFile(join(large, `${f}_${copy}.json`), JSON.stringify(run));
      }
    }
    const script = join(dir, "run.ts"); // inside the repository, so that its import map applies
    await Deno.writeTextFile(
      script,
      `import { runReport } from "${REPO_ROOT}/lib/report/run_report.ts";\n` +
        `import { resolveParams } from "${REPO_ROOT}/lib/report/params.ts";\n` +
        `const [results, out] = Deno.args;\n` +
        `try { await runReport(resolveParams({ results, out }), { notebooks: ["01_slow.ipynb"], notebookDir: ${
          JSON.stringify(dir)
        } }); } catch (e) { console.error(String(e)); Deno.exit(1); }`,
    );
    return { dir, script, small, large };
  })();
  return fixture;
}

/**
 * Starts a report in a process group of its own, waits until `ready` holds for its processes,
 * sends `signal` to the report or to its group, and returns what is still running after a
 * bounded wait (and kills it, so that a failing test leaves nothing behind).
 */
async function leftAfter(
  signal: Deno.Signal,
  target: "process" | "group",
  phase: "scorers" | "kernel",
): Promise<Proc[]> {
  const { dir, script, small, large } = await setUp();
  const tag = crypto.randomUUID();
  const cache = await Deno.makeTempDir({ dir, prefix: "cache-" });
  const child = new Deno.Command("setsid", {
    args: [
      Deno.execPath(),
      "run",
      "-A",
      script,
      phase === "kernel" ? small : large,
      join(cache, "out"),
    ],
    cwd: REPO_ROOT,
    env: { [MARK]: tag, WORKBENCH_CACHE_DIR: cache },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const errText = new Response(child.stderr).text();
  let exited = false;
  child.status.then(() => (exited = true));
  const ready = phase === "kernel"
    ? async () => {
      const ps = await marked(tag);
      return ps.some(isKernel) && ps.some(isRunner);
    }
    : async () => (await marked(tag)).filter(isScorer).length > 0;
  if (!(await until(async () => exited || await ready(), 120_000)) || exited) {
    for (const p of await marked(tag)) Deno.kill(p.pid, "SIGKILL");
    assert.fail(`the report never reached its ${phase}:\n${await errText}`);
  }
  if (phase === "kernel") await sleep(1000); // the cell runs
  if (target === "process") Deno.kill(child.pid, signal);
  else Deno.kill(-child.pid, signal);
  await child.status;
  let left: Proc[] = [];
  await until(async () => (left = await marked(tag)).length === 0, 30_000);
  for (const p of left) {
    try {
      Deno.kill(p.pid, "SIGKILL");
    } catch { /* gone */ }
  }
  await errText;
  return left;
}

const SIGNALS: Deno.Signal[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGKILL"];

for (const target of ["process", "group"] as const) {
  for (const signal of SIGNALS) {
    Deno.test(`${signal} to the report's ${target} while it runs a notebook leaves no runner or kernel`, async () => {
      const left = await leftAfter(signal, target, "kernel");
      assert.deepEqual(left.map((p) => p.cmd), [], `left running after ${signal}`);
    });
    Deno.test(`${signal} to the report's ${target} while it warms the cache leaves no scorer`, async () => {
      const left = await leftAfter(signal, target, "scorers");
      assert.deepEqual(left.map((p) => p.cmd), [], `left running after ${signal}`);
    });
  }
}
