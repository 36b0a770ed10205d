/**
 * The validation set's questions, for keeping them out of a training set built from judgements.
 * @module
 */
import { join } from "node:path";
import { displayPath, fromRoot } from "../io/paths.ts";
import type { SourceFile } from "../io/source_file.ts";
import { readAlpacaJsonl } from "../dataset/read_alpaca_jsonl.ts";
import { questionText } from "../dataset/duplicate_tables.ts";

/** Questions read and the files they came from. */
export interface ValidationQuestions {
  /** {@linkcode questionText} of every row, in file order. */
  questions: string[];
  files: SourceFile[];
}

/**
 * Reads validation questions: each path is an Alpaca JSONL file, or a folder whose
 * `validation.jsonl` is read (its `train.jsonl` is not: training questions are not validation
 * questions).
 *
 * @throws {Error} naming a path that does not exist, or a folder without `validation.jsonl`;
 *   the errors of `readAlpacaJsonl()` (file and line) for a malformed file.
 * @example
 * ```ts
 * import { readValidationQuestions } from "./read_validation_questions.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/validation.jsonl`, '{"instruction":"Ответь.","input":"Салық қандай?","output":"20%."}\n');
 * const v = await readValidationQuestions([dir]);
 * assert.deepEqual(v.questions, ["Ответь.\nСалық қандай?"]);
 * ```
 */
export async function readValidationQuestions(
  paths: readonly string[],
): Promise<ValidationQuestions> {
  paths = paths.map(fromRoot); // relative paths: to the repository root
  if (paths.length === 0) throw new TypeError("No validation set given (--validation PATH...)");
  const questions: string[] = [];
  const files: SourceFile[] = [];
  for (const p of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(p);
    } catch {
      throw new Error(`Validation set "${displayPath(p)}" does not exist`);
    }
    let file = p;
    if (info.isDirectory) {
      file = join(p, "validation.jsonl");
      if (!(await Deno.stat(file).then((s) => s.isFile, () => false))) {
        throw new Error(`Validation folder "${displayPath(p)}" holds no validation.jsonl`);
      }
    }
    const report = await readAlpacaJsonl(
      file,
      (row) => questions.push(questionText(row.instruction, row.input)),
    );
    files.push({ path: file, sha256: report.sha256 });
  }
  return { questions, files };
}
