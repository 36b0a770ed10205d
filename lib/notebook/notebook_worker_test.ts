import assert from "node:assert/strict";
import { join } from "node:path";
import { denoNotebook } from "../testing/deno_notebook.ts";
import { NotebookError } from "./notebook_error.ts";
import { startNotebookWorker } from "./notebook_worker.ts";

interface Cell {
  execution_count: number | null;
  outputs: {
    output_type: string;
    execution_count?: number;
    data?: Record<string, string | string[]>;
  }[];
}

/** An output's plain text (nbformat may store it as a list of lines). */
function plain(cell: Cell): string {
  return [cell.outputs[0]?.data?.["text/plain"] ?? ""].flat().join("");
}

async function cells(path: string): Promise<Cell[]> {
  return JSON.parse(await Deno.readTextFile(path)).cells;
}

Deno.test("a notebook worker runs notebook after notebook in one kernel, each saved as a fresh kernel leaves it", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "a.ipynb"), denoNotebook("const x = 1;", "x + 1"));
  await Deno.writeTextFile(join(dir, "b.ipynb"), denoNotebook("const x = 40;", "", "x + 2"));
  const worker = await startNotebookWorker({ cwd: dir });
  try {
    await worker.execute(join(dir, "a.ipynb"), join(dir, "a.out.ipynb"));
    await worker.execute(join(dir, "b.ipynb"), join(dir, "b.out.ipynb"));
  } finally {
    await worker.close();
  }
  const a = await cells(join(dir, "a.out.ipynb"));
  const b = await cells(join(dir, "b.out.ipynb"));
  assert.deepEqual(a.map((c) => c.execution_count), [1, 2]);
  assert.equal(plain(a[1]), "2");
  // b declares x again (the Deno kernel allows it), counts from 1, and skips its empty cell.
  assert.deepEqual(b.map((c) => c.execution_count), [1, null, 2]);
  assert.deepEqual(b[2].outputs.map((o) => o.execution_count), [2]);
  assert.equal(plain(b[2]), "42");
});

Deno.test("after a failed notebook the worker's next notebook gets a fresh kernel", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    join(dir, "bad.ipynb"),
    denoNotebook("globalThis.leftover = 'from bad';", "throw new Error('boom')"),
  );
  await Deno.writeTextFile(join(dir, "next.ipynb"), denoNotebook("typeof globalThis.leftover"));
  const worker = await startNotebookWorker({ cwd: dir });
  try {
    await assert.rejects(
      worker.execute(join(dir, "bad.ipynb"), join(dir, "bad.out.ipynb")),
      (e) => e instanceof NotebookError && e.cell === 1 && /boom/.test(e.evalue),
    );
    await worker.execute(join(dir, "next.ipynb"), join(dir, "next.out.ipynb"));
  } finally {
    await worker.close();
  }
  const next = await cells(join(dir, "next.out.ipynb"));
  assert.equal(plain(next[0]), '"undefined"');
  assert.equal((await cells(join(dir, "bad.out.ipynb")))[0].execution_count, 1);
});

Deno.test("a kernel that holds more than freshKernelAboveMiB after a notebook is replaced for the next one", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "big.ipynb"), denoNotebook("globalThis.leftover = 1;"));
  await Deno.writeTextFile(join(dir, "next.ipynb"), denoNotebook("typeof globalThis.leftover"));
  const run = async (freshKernelAboveMiB: number) => {
    const worker = await startNotebookWorker({ cwd: dir, freshKernelAboveMiB });
    try {
      await worker.execute(join(dir, "big.ipynb"), join(dir, "big.out.ipynb"));
      await worker.execute(join(dir, "next.ipynb"), join(dir, "next.out.ipynb"));
    } finally {
      await worker.close();
    }
    return plain((await cells(join(dir, "next.out.ipynb")))[0]);
  };
  // Any kernel holds more than 0 MiB: the next notebook gets a fresh one.
  assert.equal(await run(0), '"undefined"');
  // None holds a terabyte: the kernel is kept, and what the first notebook left is still there.
  assert.equal(await run(1024 * 1024), '"number"');
});
