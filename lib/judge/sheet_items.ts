/**
 * Judge items from an expert-evaluation sheet: the judge grades the very texts the lawyers
 * graded (as the sheet shows them, cut where the sheet cut them), so that its scores can be set
 * against theirs answer by answer. Each label is a "run" named `sheet:<label>`.
 * @module
 */
import { displayPath } from "../io/paths.ts";
import type { SheetAnswers } from "../human_eval/read_sheet_answers.ts";
import type { JudgeItem } from "./judge_items.ts";
import { sampleQuestions } from "./judge_items.ts";

/** The run name of a sheet label. */
export function sheetRun(label: string): string {
  return `sheet:${label}`;
}

/** Options of {@linkcode sheetItems}. */
export interface SheetItemsOptions {
  /** Labels to grade. Default: all. */
  labels?: readonly string[] | null;
  /** Questions to sample (all labels of each). Default: `null`, every question. */
  n?: number | null;
  /** Seed of the sample. Default: `42`. */
  seed?: number;
}

/**
 * Single-mode items, one per sheet row, in sheet order.
 *
 * @example
 * ```ts
 * import { sheetItems } from "./sheet_items.ts";
 * import assert from "node:assert/strict";
 * const row = (question: string, label: string, row: number) => ({ question, label, instruction: "Сұрақ", input: "", reference: "Жауап", answer: `Жауап ${label}`, row });
 * const sheet = { path: "s.csv", sha256: "0", answers: [row("1", "A", 2), row("1", "B", 3), row("2", "A", 4), row("2", "B", 5)] };
 * const items = sheetItems(sheet, { labels: ["B"] });
 * assert.deepEqual(items.map((i) => [i.id, i.runs[0], i.label]), [["1", "sheet:B", "B"], ["2", "sheet:B", "B"]]);
 * ```
 */
export function sheetItems(sheet: SheetAnswers, options: SheetItemsOptions = {}): JudgeItem[] {
  const { labels = null, n = null, seed = 42 } = options;
  const present = [...new Set(sheet.answers.map((a) => a.label))].sort();
  for (const l of labels ?? []) {
    if (!present.includes(l)) {
      throw new TypeError(
        `Sheet "${displayPath(sheet.path)}" has no label "${l}"; it has ${present.join(", ")}`,
      );
    }
  }
  const pool = [...new Set(sheet.answers.map((a) => a.question))];
  const questions = new Set(sampleQuestions(pool, n, seed));
  const inputs = [{ path: displayPath(sheet.path), sha256: sheet.sha256 }];
  return sheet.answers
    .filter((a) =>
      questions.has(a.question) &&
      (labels === null || labels.length === 0 || labels.includes(a.label))
    )
    .map((a) => ({
      mode: "single" as const,
      source: "sheet" as const,
      id: a.question,
      label: a.label,
      runs: [sheetRun(a.label)],
      question: { instruction: a.instruction, input: a.input, reference: a.reference },
      answers: [a.answer],
      substantive: [null],
      inputs,
    }));
}
