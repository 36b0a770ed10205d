/**
 * `deno task strip-notebooks [PATH...]`: removes outputs and execution counts from notebooks
 * (default: every `notebooks/*.ipynb`), so that what is committed is the notebook, not one run of
 * it (executed copies belong in the report folder). Rewrites a file only when it changes.
 * @module
 */
import { join } from "node:path";
import { fromRoot } from "../io/paths.ts";
import { writeFileAtomic } from "../io/atomic_write.ts";

/** A notebook's JSON with outputs and execution counts removed; `null` when nothing changes. */
export function stripNotebook(text: string): string | null {
  const nb = JSON.parse(text);
  let changed = false;
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== "code") continue;
    if ((cell.outputs ?? []).length > 0 || cell.execution_count !== null) changed = true;
    cell.outputs = [];
    cell.execution_count = null;
  }
  return changed ? JSON.stringify(nb, null, 1) + "\n" : null;
}

if (import.meta.main) {
  const dir = fromRoot("notebooks");
  const paths = Deno.args.length
    ? Deno.args.map(fromRoot)
    : (await Array.fromAsync(Deno.readDir(dir))).filter((e) => e.name.endsWith(".ipynb"))
      .map((e) => join(dir, e.name)).sort();
  for (const path of paths) {
    const stripped = stripNotebook(await Deno.readTextFile(path));
    if (stripped !== null) {
      await writeFileAtomic(path, stripped);
      console.error(`strip-notebooks: cleared the outputs of ${path}`);
    }
  }
}
