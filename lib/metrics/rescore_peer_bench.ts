/**
 * `deno task bench-rescore`: `deno task rescore --suite all` against its Python peer
 * (`python/rescore_peer.py`, sacrebleu + NLTK + numpy), whole process against whole process, on
 * the study's result files in `data/results/`.
 *
 * ```sh
 * deno task bench-rescore                  # 1 warm-up + 5 rounds each, alternating
 * deno task bench-rescore --rounds 3 --path-deno
 * ```
 *
 * Each round runs both commands one after the other, each writing into a fresh temporary folder,
 * and checks that each exited 0 and wrote one file per run. The Deno side is started as a user
 * starts it, `deno task rescore ...`, with the Deno binary running this script
 * (`Deno.execPath()`); `--path-deno` adds, for information, the `deno` found on `PATH` (on the
 * project's machines a wrapper, `npx -y deno@2.9.6`, whose Node start is charged to it). Prints,
 * per command, the median wall seconds and the median CPU seconds (user + sys of the process and
 * its children, from `/usr/bin/time`), the ratios peer / Deno, and the load average before and
 * after. The peer computes fewer metrics than rescore (see its docstring), so the ratio favours
 * it. Not a `Deno.bench` file: under `deno bench` it does nothing.
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { projectPython } from "../pyenv/project_python.ts";

/** One timed run of a command. */
export interface Timing {
  wall: number;
  cpu: number;
}

const TIME = "/usr/bin/time";
const RESULTS = "data/results";

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `argv` in the repository root under `/usr/bin/time`; checks that it wrote `files` files. */
async function timed(
  label: string,
  argv: (out: string) => string[],
  files: number,
): Promise<Timing> {
  const out = await Deno.makeTempDir({ prefix: "rescore-peer-bench-" });
  const timeFile = join(out, "time.txt");
  try {
    const result = await new Deno.Command(TIME, {
      args: ["-f", "%e %U %S", "-o", timeFile, ...argv(join(out, "out"))],
      cwd: fromRoot("."),
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!result.success) {
      throw new Error(
        `${label} exited with ${result.code}:\n${new TextDecoder().decode(result.stderr)}`,
      );
    }
    const written = [...Deno.readDirSync(join(out, "out"))].filter((e) => e.name.endsWith(".json"));
    if (written.length !== files) {
      throw new Error(`${label} wrote ${written.length} files, expected ${files}`);
    }
    const [wall, user, sys] = (await Deno.readTextFile(timeFile)).trim().split("\n").pop()!
      .split(" ").map(Number);
    return { wall, cpu: user + sys };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

async function load(): Promise<string> {
  return (await Deno.readTextFile("/proc/loadavg")).split(" ").slice(0, 3).join(" ");
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rounds: { type: "string", default: "5" },
      "path-deno": { type: "boolean", default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new RangeError(`--rounds must be a positive integer, got "${values.rounds}"`);
  }
  try {
    await Deno.stat(TIME);
  } catch {
    throw new Error(`${TIME} is needed to measure CPU seconds (Debian package "time")`);
  }
  const python = await projectPython(["pytest"]);
  const runs =
    [...Deno.readDirSync(fromRoot(RESULTS))].filter((e) =>
      e.name.endsWith(".json") && !e.name.startsWith("rag_ablation")
    ).length;
  const rescore = (deno: string) => (out: string) => [
    deno,
    "task",
    "rescore",
    "--suite",
    "all",
    "--out",
    out,
    RESULTS,
  ];
  const commands: { label: string; argv: (out: string) => string[] }[] = [
    { label: `deno task rescore (${Deno.execPath()})`, argv: rescore(Deno.execPath()) },
    {
      label: `python/rescore_peer.py (${python})`,
      argv: (out) => [python, "python/rescore_peer.py", `--results=${RESULTS}`, `--out=${out}`],
    },
  ];
  if (values["path-deno"]) {
    commands.push({ label: "deno task rescore (deno on PATH)", argv: rescore("deno") });
  }
  const loadBefore = await load();
  console.log(`load before: ${loadBefore}; ${runs} result files; 1 warm-up + ${rounds} rounds`);
  const times = commands.map(() => [] as Timing[]);
  for (let round = 0; round <= rounds; round++) {
    for (const [i, c] of commands.entries()) {
      const t = await timed(c.label, c.argv, runs);
      if (round > 0) times[i].push(t);
      console.log(
        `${round === 0 ? "warm-up" : `round ${round}`}: ${c.label}: wall ${t.wall.toFixed(2)} s, ` +
          `CPU ${t.cpu.toFixed(2)} s`,
      );
    }
  }
  const med = times.map((ts) => ({
    wall: median(ts.map((t) => t.wall)),
    cpu: median(ts.map((t) => t.cpu)),
  }));
  console.log(`\nmedians of ${rounds} rounds (load before ${loadBefore}, after ${await load()}):`);
  for (const [i, c] of commands.entries()) {
    console.log(`  ${c.label}: wall ${med[i].wall.toFixed(2)} s, CPU ${med[i].cpu.toFixed(2)} s`);
  }
  const peer = med[1];
  for (const [i, c] of commands.entries()) {
    if (i === 1) continue;
    console.log(
      `peer / ${c.label}: wall ${(peer.wall / med[i].wall).toFixed(1)}×, CPU ${
        (peer.cpu / med[i].cpu).toFixed(1)
      }×`,
    );
  }
}

if (import.meta.main) await main(Deno.args);
