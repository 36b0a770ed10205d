/**
 * Writes an exported training set: the Alpaca JSONL file and its provenance sidecar, both at
 * once (nothing is left half-written), refusing to replace existing files unless asked.
 * @module
 */
import { writeFilesAtomic } from "../io/atomic_write.ts";
import { displayPath } from "../io/paths.ts";
import { type JudgeExport, provenancePath } from "./judge_export.ts";

/** Options of {@linkcode writeJudgeExport}. */
export interface WriteJudgeExportOptions {
  /** Replace existing files. Default: `false`. */
  force?: boolean;
}

/**
 * Writes `out` (one `{"instruction", "input", "output"}` object a line, UTF-8, `\n`) and
 * `out` with `.provenance.jsonl` in place of `.jsonl`.
 *
 * @returns The two paths written.
 * @throws {Error} when a file exists and `force` is not set; {@linkcode TypeError} when `out`
 *   does not end in `.jsonl`.
 */
export async function writeJudgeExport(
  exported: JudgeExport,
  out: string,
  options: WriteJudgeExportOptions = {},
): Promise<{ data: string; provenance: string }> {
  const sidecar = provenancePath(out);
  if (!options.force) {
    for (const p of [out, sidecar]) {
      if (await Deno.stat(p).then(() => true, () => false)) {
        throw new Error(`"${displayPath(p)}" exists; pass --force to replace it`);
      }
    }
  }
  const lines = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r) + "\n").join("");
  await writeFilesAtomic([
    {
      path: out,
      data: lines(
        exported.rows.map((r) => ({
          instruction: r.instruction,
          input: r.input,
          output: r.output,
        })),
      ),
    },
    { path: sidecar, data: lines(exported.provenance) },
  ]);
  return { data: out, provenance: sidecar };
}
