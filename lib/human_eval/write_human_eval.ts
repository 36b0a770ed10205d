/**
 * Writes a prepared blind evaluation to a folder: what goes to the raters under `raters/`
 * (the sheet as CSV and XLSX, the instructions) and the key beside it, outside `raters/`.
 * @module
 */
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic_write.ts";
import { humanEvalInstructions } from "./instructions.ts";
import type { PreparedHumanEval } from "./prepare_human_eval.ts";
import { sheetCsv, sheetXlsx } from "./_sheet_files.ts";
import { exists } from "../io/exists.ts";

/** Options for {@linkcode writeHumanEval}. */
export interface WriteHumanEvalOptions {
  /** Replace existing files (key, sheets, instructions) in the folder. Default: `false`: a sheet
   * already sent out would no longer match its key, and a filled sheet would be lost. */
  overwrite?: boolean;
}

/** Paths written by {@linkcode writeHumanEval}. */
export interface WrittenHumanEval {
  csv: string;
  xlsx: string;
  instructions: string;
  key: string;
}

/** Names of the files, relative to the output folder. */
export const HUMAN_EVAL_FILES = {
  csv: "raters/eval_sheet.csv",
  xlsx: "raters/eval_sheet.xlsx",
  instructions: "raters/instructions_ru.txt",
  key: "key.json",
} as const;

/**
 * Writes `raters/eval_sheet.csv`, `raters/eval_sheet.xlsx`, `raters/instructions_ru.txt` and
 * `key.json` under `dir`. Only the `raters/` folder is for the raters.
 *
 * @param prepared From {@linkcode prepareHumanEval}.
 * @param dir Output folder (created if missing).
 * @throws {Error} when `dir` already holds any of these files (a key, a sheet, perhaps filled by a
 * rater) and `overwrite` is not set, naming them; nothing is written then.
 */
export async function writeHumanEval(
  prepared: PreparedHumanEval,
  dir: string,
  options: WriteHumanEvalOptions = {},
): Promise<WrittenHumanEval> {
  const { overwrite = false } = options;
  const paths: WrittenHumanEval = {
    csv: join(dir, HUMAN_EVAL_FILES.csv),
    xlsx: join(dir, HUMAN_EVAL_FILES.xlsx),
    instructions: join(dir, HUMAN_EVAL_FILES.instructions),
    key: join(dir, HUMAN_EVAL_FILES.key),
  };
  if (!overwrite) {
    const present: string[] = [];
    for (const p of [paths.key, paths.csv, paths.xlsx, paths.instructions]) {
      if (await exists(p, { link: true })) present.push(p);
    }
    if (present.length > 0) {
      throw new Error(
        `Refusing to overwrite ${present.map((p) => `"${p}"`).join(", ")}: ${
          present.includes(paths.key)
            ? "sheets prepared with the key may already be out"
            : "a sheet there may already be filled by a rater"
        }; nothing was written (choose another folder, or --force to replace them)`,
      );
    }
  }
  const instructions = humanEvalInstructions({
    questions: prepared.questions.length,
    labels: prepared.labels,
  });
  await writeFileAtomic(paths.csv, sheetCsv(prepared.rows));
  await writeFileAtomic(paths.xlsx, await sheetXlsx(prepared.rows, instructions));
  await writeFileAtomic(paths.instructions, instructions);
  const note =
    "SECRET: maps each (question, label) of the sheet to the run that wrote the answer. Do not send to raters.";
  await writeFileAtomic(paths.key, JSON.stringify({ note, ...prepared.key }, null, 2) + "\n");
  return paths;
}
