/**
 * The notebooks that start runs (80_training, 90_benchmark), executed headless exactly as a user
 * runs them, with `WORKBENCH_JOB` set to a CPU smoke run: a tiny Qwen3 saved as a local model
 * folder is trained for two steps, benchmarked base and fine-tuned, with and without RAG, and the
 * result files are handed over to the analysis. Needs the CPU test environment `.venv/` (torch,
 * transformers, peft) that `deno task setup --for test` builds; without it the test is ignored
 * with a printed reason, or fails when `WORKBENCH_REQUIRE_ML_TESTS=1` (CI).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { executeNotebook } from "../notebook/execute_notebook.ts";
import { loadResults } from "../results/load_results.ts";
import { JOB_ENV, type JobParams } from "./job_params.ts";
import { projectPython } from "../pyenv/project_python.ts";

const required = Deno.env.get("WORKBENCH_REQUIRE_ML_TESTS") === "1";
const PYTHON = await projectPython(["torch-cpu", "retrieval"]).catch((error) => {
  const reason = `${(error as Error).message}; run 'deno task setup --for test'`;
  if (required) throw new Error(`WORKBENCH_REQUIRE_ML_TESTS=1: ${reason}`);
  console.warn(`job_notebooks_test: ignored: ${reason}`);
  return null;
});
const ready = PYTHON !== null;

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  text?: string | string[];
}
interface Cell {
  cell_type: string;
  outputs?: Output[];
}

async function cells(path: string): Promise<Cell[]> {
  return JSON.parse(await Deno.readTextFile(path)).cells;
}

Deno.test({
  name:
    "notebooks 80 and 90 train, benchmark and hand over end to end on CPU (tiny Qwen3, WORKBENCH_JOB)",
  ignore: !ready,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "job-notebooks-" });
    const model = join(dir, "qwen3-tiny");
    const save = await new Deno.Command(PYTHON!, {
      args: [
        "-c",
        "import sys; from pathlib import Path; sys.path[:0] = ['python/tests', 'python']\n" +
        "from _tiny_qwen3 import save_tiny_model; save_tiny_model(Path(sys.argv[1]))",
        model,
      ],
      cwd: REPO_ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(save.success, new TextDecoder().decode(save.stderr));
    const job: Partial<JobParams> = {
      device: "cpu",
      sizes: ["4b"],
      models: { "4b": model, "8b": model, "14b": model },
      data: "python/tests/fixtures",
      runs: join(dir, "runs"),
      results: join(dir, "results"),
      baseline: join(dir, "baseline"),
      n: 4,
      ragN: 2,
      ragTopK: [1],
      trainArgs: [
        "--max_steps=2",
        "--batch_size=2",
        "--grad_accum=1",
        "--bf16=false",
        "--eval_samples=2",
        "--logging_steps=1",
        "--save_steps=1",
        "--eval_steps=1",
        "--max_seq_length=256",
      ],
      benchmarkArgs: [
        "--batch_size=2",
        "--max_new_tokens=4",
        "--do_sample=false",
        "--bertscore=off",
      ],
    };
    const env = {
      [JOB_ENV]: JSON.stringify(job),
      WORKBENCH_PYTHON: PYTHON!,
      OMP_NUM_THREADS: "1",
      TOKENIZERS_PARALLELISM: "false",
    };

    const trained = join(dir, "80_training.ipynb");
    await executeNotebook(join(REPO_ROOT, "notebooks", "80_training.ipynb"), trained, { env });
    const summary = JSON.parse(
      await Deno.readTextFile(join(dir, "runs", "qwen3-4b-lora", "summary.json")),
    );
    assert.equal(summary.global_step, 2);
    const outputs = (await cells(trained)).flatMap((c) => c.outputs ?? []);
    const svgs = outputs.filter((o) => o.data && "image/svg+xml" in o.data);
    assert.equal(
      svgs.length,
      4,
      "eval loss of all runs, loss by epoch, learning rate, loss by tokens",
    );
    const markdown = outputs.map((o) => o.data?.["text/markdown"])
      .map((m) => Array.isArray(m) ? m.join("") : typeof m === "string" ? m : "");
    const sweep = markdown.find((m) => m.startsWith("| run | producer | best_eval_loss |")) ?? "";
    // one run, evaluated at steps 1 and 2: its best step is one of them
    assert.match(
      sweep,
      /\n\| qwen3-4b-lora \| train\.py \| \d\.\d{4} \| [12] \|/,
      markdown.join("\n"),
    );

    const benchmarked = join(dir, "90_benchmark.ipynb");
    await executeNotebook(join(REPO_ROOT, "notebooks", "90_benchmark.ipynb"), benchmarked, { env });
    const results = await loadResults(join(dir, "results"));
    const seen = results.runs.map((r) =>
      `${r.run.variant} rag=${r.run.rag?.top_k ?? 0} n=${r.samples?.length}`
    ).sort();
    assert.deepEqual(seen, [
      "base rag=0 n=4",
      "base rag=1 n=2",
      "fine-tuned rag=0 n=4",
      "fine-tuned rag=1 n=2",
    ]);
    for (const r of results.runs.filter((r) => r.run.variant === "fine-tuned")) {
      assert.ok(r.run.adapter?.endsWith(join("runs", "qwen3-4b-lora", "adapter")), r.run.adapter!);
    }
    const baseline = await loadResults(join(dir, "baseline"));
    assert.deepEqual(baseline.runs.map((r) => r.run.variant), ["baseline"]);
    const handover = (await cells(benchmarked)).at(-1)!.outputs!
      .map((o) => JSON.stringify(o.data ?? o.text)).join("");
    assert.match(handover, /chrf/);
    assert.match(handover, /fine-tuned/);
    await Deno.remove(dir, { recursive: true });
  },
});
