import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { TerminalLog } from "./_terminal_log.ts";
import { PythonRunError, runPython } from "./run_python.ts";
import { probeCuda, requireCuda } from "./require_cuda.ts";

const SCRIPT = fileURLToPath(new URL("./_test_script.py", import.meta.url));

Deno.test("TerminalLog collapses carriage-return updates and keeps the tail", () => {
  const log = new TerminalLog({ maxLines: 3 });
  log.write("a\nprog 1\rprog 2\rprog 3");
  assert.deepEqual(log.tail(), ["a", "prog 3"]);
  log.write("\nb\r\nc\nd\ne\npartial");
  assert.deepEqual(log.tail(), ["c", "d", "e", "partial"]);
  assert.equal(log.totalLines, 6);
  assert.match(log.render(), /^\.\.\. 3 earlier line\(s\) not shown \.\.\.\nc\nd\ne\npartial$/);
  assert.throws(() => new TerminalLog({ maxLines: 0 }), RangeError);
});

Deno.test("runPython() streams throttled, collapsed updates to the sink", async () => {
  const renders: string[] = [];
  const r = await runPython(SCRIPT, ["ok"], {
    output: (text) => renders.push(text),
    maxLines: 5,
    throttleMs: 50,
  });
  assert.equal(r.code, 0);
  assert.ok(renders.length >= 1 && renders.length < 50, `${renders.length} renders for 300 writes`);
  const last = renders.at(-1)!;
  assert.ok(!last.includes("\r") && !last.includes("progress 1/200"));
  assert.ok(last.split("\n").length <= 6);
  assert.ok(r.tail.includes("to stderr") && r.tail.includes("line 99"));
  assert.match(r.command, /_test_script\.py ok$/);
});

Deno.test("runPython() throws with the command and the exit code", async () => {
  const error = await runPython(SCRIPT, ["fail"], { output: "none" }).then(() => null, (e) => e);
  assert.ok(error instanceof PythonRunError);
  assert.equal(error.code, 3);
  assert.match(error.message, /_test_script\.py fail" failed with exit code 3/);
  assert.match(error.message, /Traceback: boom/);
});

Deno.test("runPython() stops the child when the signal aborts", async () => {
  const controller = new AbortController();
  const seen: string[] = [];
  const started = performance.now();
  const run = runPython(SCRIPT, ["sleep"], {
    output: (text) => {
      seen.push(text);
      if (text.includes("sleeping")) controller.abort();
    },
    signal: controller.signal,
    throttleMs: 0,
    graceMs: 2000,
  });
  const error = await run.then(() => null, (e) => e);
  assert.ok(error instanceof PythonRunError, String(error));
  assert.match(error.message, /was stopped: aborted/);
  assert.ok(performance.now() - started < 10_000);
  // The child got SIGINT (its handler ran) rather than waiting for the SIGKILL fallback.
  assert.ok(error.tail.some((line: string) => line.includes("got SIGINT")), error.tail.join("|"));
});

Deno.test("requireCuda() refuses without a GPU and names the command; a listed GPU passes", async () => {
  const none = await probeCuda({
    nvidiaSmi: "/nonexistent/nvidia-smi",
    pythons: ["/nonexistent/python"],
  });
  assert.equal(none.available, false);
  await assert.rejects(
    requireCuda("python python/train.py --config=python/configs/qwen3_4b.json", {
      nvidiaSmi: "/nonexistent/nvidia-smi",
      pythons: ["/nonexistent/python"],
    }),
    /This needs a CUDA GPU.*nvidia-smi: not found.*\n {2}cd .* && python python\/train\.py --config=python\/configs\/qwen3_4b\.json$/s,
  );
  const dir = await Deno.makeTempDir();
  const fake = `${dir}/nvidia-smi`;
  await Deno.writeTextFile(fake, "#!/bin/sh\necho 'GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-x)'\n");
  await Deno.chmod(fake, 0o755);
  const probe = await requireCuda("x", { nvidiaSmi: fake, pythons: [] });
  assert.deepEqual(probe.gpus, ["GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-x)"]);
  await Deno.remove(dir, { recursive: true });
});
