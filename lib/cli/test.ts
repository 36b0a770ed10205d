/**
 * `deno task test`: sets up what the tests need (nbclient, the Deno kernelspec, the CPU Python
 * test environment `.venv/`: see `setup.ts`), runs the TypeScript tests (`deno test --doc lib/`), then the
 * Python tests (lib/cli/pytest.ts), and ends with one line `N passed, M failed` (`, K skipped`)
 * summing both. Exits non-zero if anything failed or if no test ran. This is the whole suite:
 * CI runs it, and nothing in it is skipped.
 *
 * `deno task test --fast`: the edit loop. Runs the unit and doc tests that start no process (no
 * Jupyter kernel, no Python, no report run, no child `deno`), skips the setup (it needs no
 * `.venv/`) and the Python tests. Which test files are slow is not a list kept by hand: it is
 * derived on each run by `lib/cli/test_tiers.ts`, which reads every file under `lib/` and
 * marks a file slow when its code creates a process (`Deno.Command`, `Deno.run`,
 * `child_process`) or when it imports, directly or through other project modules, one that does.
 * A new test that runs a notebook or Python therefore lands in the slow tier by itself, whole
 * files at a time (a test never skips: the fast tier leaves slow files out, via `--ignore`, and
 * says how many). The fast run also leaves out the doc examples of the modules that spawn.
 * The fast tier runs its modules in parallel (`--parallel`, one per core). Measured on this
 * 2-core machine: 54 s wall (75 s user, 24 s system CPU), 696 tests, quiet (load average 1.7);
 * 84 s wall for 517 tests while shared (load average 5).
 * Figure snapshot tests (`lib/figures/figure_snapshot_test.ts`) are fast. `--list` prints both tiers
 * with the reason each slow file is slow, and exits.
 *
 * Other arguments are passed to `deno test` in place of `lib/` (then the Python tests are not run).
 * @module
 */
import { testTiers } from "./test_tiers.ts";

async function stream(
  cmd: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; text: string }> {
  const child = new Deno.Command(cmd[0], {
    args: cmd.slice(1),
    stdout: "piped",
    stderr: "piped",
    env,
  }).spawn();
  let text = "";
  const dec = new TextDecoder();
  const pump = async (stream: ReadableStream<Uint8Array>, sink: (b: Uint8Array) => void) => {
    for await (const chunk of stream) {
      text += dec.decode(chunk, { stream: true });
      sink(chunk);
    }
  };
  await Promise.all([
    pump(child.stdout, (b) => Deno.stdout.writeSync(b)),
    pump(child.stderr, (b) => Deno.stderr.writeSync(b)),
  ]);
  return { code: (await child.status).code, text };
}

/** Counts from a `deno test` summary line such as `ok | 12 passed (3 steps) | 1 failed | 2 ignored`. */
export function denoCounts(
  text: string,
): { passed: number; failed: number; skipped: number } | null {
  // deno-lint-ignore no-control-regex
  const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
  const m =
    /(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed(?: \(\d+ steps?\))?(?: \| (\d+) ignored)?/
      .exec(plain);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) } : null;
}

/** Counts from pytest's last line, e.g. `3 failed, 40 passed, 2 skipped in 1.2s`. */
export function pytestCounts(
  text: string,
): { passed: number; failed: number; skipped: number } | null {
  // deno-lint-ignore no-control-regex
  const lines = text.replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n").reverse();
  const line = lines.find((l) => /\d+ (passed|failed|error)/.test(l) && / in [\d.]+s/.test(l));
  if (!line) return null;
  const get = (w: string) => Number(new RegExp(`(\\d+) ${w}`).exec(line)?.[1] ?? 0);
  return { passed: get("passed"), failed: get("failed") + get("errors?"), skipped: get("skipped") };
}

/** Repository root: two folders above this file. */
const ROOT = new URL("../..", import.meta.url).pathname;

/** Runs the fast tier (see the module doc) and exits with its status. */
async function fast(list: boolean): Promise<never> {
  const tiers = await testTiers(ROOT);
  if (list) {
    console.log(`fast (${tiers.fast.length} files):\n  ${tiers.fast.join("\n  ")}`);
    console.log(`slow (${tiers.slow.length} files):`);
    for (const s of tiers.slow) console.log(`  ${s.file}: ${s.because}`);
    Deno.exit(0);
  }
  const ignore = [...tiers.slow.map((s) => s.file), ...tiers.slowModules];
  console.log(
    `test --fast: ${tiers.fast.length} test files; leaving out ${tiers.slow.length} slow test files ` +
      `(run \`deno task test --fast --list\` to see why) and the doc examples of ` +
      `${tiers.slowModules.length} modules that start processes`,
  );
  const ts = await stream([
    Deno.execPath(),
    "test",
    "-A",
    "--doc",
    "--parallel", // a test module per core; they write to temp folders or atomically (scored cache)
    `--ignore=${ignore.join(",")}`,
    "lib/",
  ], { NO_COLOR: "1" });
  const a = denoCounts(ts.text);
  if (!a) {
    console.error("test: could not read the deno test summary");
    Deno.exit(1);
  }
  console.log(
    `\n${a.passed} passed, ${a.failed} failed (fast tier; ${tiers.slow.length} slow files not run)`,
  );
  Deno.exit(ts.code !== 0 || a.failed > 0 || a.passed === 0 ? 1 : 0);
}

if (import.meta.main) {
  if (Deno.args[0] === "--fast") {
    const rest = Deno.args.slice(1);
    if (rest.some((a) => a !== "--list")) {
      console.error(`test: --fast takes only --list, got ${rest.join(" ")}`);
      Deno.exit(2);
    }
    await fast(rest.includes("--list"));
  }
  const deno = Deno.execPath();
  const setup = await stream([deno, "run", "-A", "lib/cli/setup.ts", "--for", "test"]);
  if (setup.code !== 0) Deno.exit(setup.code);
  const ts = await stream([
    deno,
    "test",
    "-A",
    "--doc",
    ...(Deno.args.length ? Deno.args : ["lib/"]),
  ], { NO_COLOR: "1" });
  const py = Deno.args.length
    ? null
    : await stream([deno, "run", "-A", "lib/cli/pytest.ts"], { NO_COLOR: "1" });
  const a = denoCounts(ts.text);
  const b = py ? pytestCounts(py.text) : { passed: 0, failed: 0, skipped: 0 };
  if (!a || !b) {
    console.error(`test: could not read the ${!a ? "deno test" : "pytest"} summary`);
    Deno.exit(1);
  }
  const passed = a.passed + b.passed, failed = a.failed + b.failed, skipped = a.skipped + b.skipped;
  console.log(
    `\ndeno test: ${a.passed} passed, ${a.failed} failed; pytest: ${b.passed} passed, ${b.failed} failed, ${b.skipped} skipped`,
  );
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  const code = ts.code !== 0 || (py && py.code !== 0) || failed > 0 || passed === 0 ? 1 : 0;
  Deno.exit(code);
}
