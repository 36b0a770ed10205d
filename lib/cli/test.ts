/**
 * `deno task test`: sets up what the tests need (nbclient, the Deno kernelspec, the CPU Python
 * test environment `.venv/`: see `setup.ts`), runs the TypeScript tests (`deno test --doc lib/`), then the
 * Python tests (lib/cli/pytest.ts), and ends with one line `N passed, M failed` (`, K skipped`)
 * summing both. Exits non-zero if anything failed or if no test ran.
 * @module
 */

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

if (import.meta.main) {
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
