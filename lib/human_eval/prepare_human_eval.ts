/**
 * Prepares a blind expert evaluation from result files: a seeded choice of questions that every
 * chosen run answered, each question's answers shuffled (seeded) and labelled A, B, C, ..., the
 * rows of the sheet, and the key that maps (question, label) back to the run.
 *
 * Blinding: a sheet row carries the question, the reference and one answer under its label,
 * nothing else (no model name, run id, answer length, latency or metric); the order of runs under
 * the labels is drawn afresh for every question. Answers are given in full (the study cut them at
 * 200 characters) and every text cell is neutralised against formula injection.
 * @module
 */
import { compareIds } from "../analysis/pair_runs.ts";
import type { RunResult, Sample } from "../results/run_result.ts";
import { DEFAULT_SEED, seededRandom, shuffle } from "../stats/rng.ts";
import { displayPath } from "../paths.ts";
import { neutralizeCell } from "./neutralize_cell.ts";
import { answerFingerprint, type HumanEvalKey, KEY_FORMAT } from "./human_eval_key.ts";
import type { SheetRow } from "./sheet_columns.ts";

/**
 * Text as it goes into a sheet cell: line breaks made `\n` (a bare carriage return, which some
 * spreadsheets take for a new row, included) and neutralised against formula injection.
 *
 * @example
 * ```ts
 * import { sheetText } from "./prepare_human_eval.ts";
 * import assert from "node:assert/strict";
 * assert.equal(sheetText("Жауап:\r=HYPERLINK(1)\r\nСоңы"), "Жауап:\n=HYPERLINK(1)\nСоңы");
 * assert.equal(sheetText("-5"), "'-5");
 * ```
 */
export function sheetText(text: string): string {
  return neutralizeCell(text.replace(/\r\n?/g, "\n"));
}

/** Options for {@linkcode prepareHumanEval}. */
export interface PrepareHumanEvalOptions {
  /** Run ids to evaluate, in this order in the key. Default: every run with per-sample records. */
  runs?: readonly string[];
  /** Number of questions. Default: `50` (the study's). */
  n?: number;
  /** Seed of the question choice and of the per-question shuffles. Default: `42`. */
  seed?: number;
}

/** Defaults of {@linkcode PrepareHumanEvalOptions}. */
export const PREPARE_DEFAULTS = { n: 50, seed: DEFAULT_SEED } as const;

/** A prepared evaluation: the sheet's rows (for raters) and the key (not for raters). */
export interface PreparedHumanEval {
  rows: SheetRow[];
  key: HumanEvalKey;
  /** Labels used, `A`... in order. */
  labels: string[];
  /** Question ids in sheet order. */
  questions: string[];
}

/**
 * Builds the sheet rows and the key.
 *
 * Procedure (all draws from one generator seeded with `seed`): the question ids shared by all
 * chosen runs are put in id order and shuffled; the first `n` are taken and put back in id order
 * (the sheet's order); then, question by question, the chosen runs are shuffled and the i-th
 * gets label `A` + i.
 *
 * @param runs Loaded runs (from {@linkcode loadResults}).
 * @param options Which runs, how many questions, the seed.
 * @throws {RangeError} when fewer than `n` questions are shared, or a run or label count is out of range.
 * @throws {TypeError} when a chosen run is unknown, repeated or has no per-sample records.
 */
export function prepareHumanEval(
  runs: readonly RunResult[],
  options: PrepareHumanEvalOptions = {},
): PreparedHumanEval {
  const { n, seed } = { ...PREPARE_DEFAULTS, ...options };
  const wanted = options.runs ?? runs.filter((r) => r.samples !== null).map((r) => r.run.id);
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Number of questions must be a positive integer, got ${n}`);
  }
  if (wanted.length < 2) {
    throw new RangeError(`A blind comparison needs at least 2 runs, got ${wanted.length}`);
  }
  if (wanted.length > 26) {
    throw new RangeError(`At most 26 runs can be labelled A-Z, got ${wanted.length}`);
  }
  const chosen: { run: RunResult; byId: Map<string, Sample> }[] = [];
  for (const id of wanted) {
    const run = runs.find((r) => r.run.id === id);
    if (!run) {
      throw new TypeError(`Unknown run "${id}"; known: ${runs.map((r) => r.run.id).join(", ")}`);
    }
    if (chosen.some((c) => c.run.run.id === id)) throw new TypeError(`Run "${id}" is given twice`);
    if (run.samples === null) {
      throw new TypeError(`Run "${id}" (${run.source.path}) has no per-sample records to evaluate`);
    }
    chosen.push({ run, byId: new Map(run.samples.map((s) => [s.id, s])) });
  }
  const shared = [...chosen[0].byId.keys()].filter((id) => chosen.every((c) => c.byId.has(id)))
    .sort(compareIds);
  if (shared.length < n) {
    throw new RangeError(
      `Only ${shared.length} questions are answered by all of ${wanted.join(", ")}; asked for ${n}`,
    );
  }
  const random = seededRandom(seed);
  const questions = shuffle(shared, random).slice(0, n).sort(compareIds);
  const labels = wanted.map((_, i) => String.fromCharCode(65 + i));
  const rows: SheetRow[] = [];
  const items: HumanEvalKey["items"] = [];
  for (const q of questions) {
    // The question text comes from the first run that recorded it (the study's GPT files have
    // no `input`); runs that recorded it must agree, and all must share the reference.
    const first = chosen.map((c) => c.byId.get(q)!).find((s) => s.input !== "") ??
      chosen[0].byId.get(q)!;
    for (const c of chosen) {
      const s = c.byId.get(q)!;
      const same = s.reference === first.reference && (s.input === "" || s.input === first.input) &&
        (s.instruction === "" || s.instruction === first.instruction);
      if (!same) {
        throw new TypeError(
          `Question "${q}" differs between result files ("${c.run.source.path}" has another instruction, input ` +
            "or reference): the runs did not answer the same question under this id",
        );
      }
    }
    const order = shuffle(chosen, random);
    order.forEach((c, i) => {
      const answer = sheetText(c.byId.get(q)!.prediction);
      rows.push({
        "номер_вопроса": sheetText(q),
        "вопрос": sheetText(first.instruction),
        "контекст": sheetText(first.input),
        "эталонный_ответ": sheetText(first.reference),
        "вариант": labels[i],
        "ответ_модели": answer,
        "корректность_1_5": "",
        "полнота_1_5": "",
        "релевантность_1_5": "",
        "галлюцинация_да_нет": "",
        "комментарий": "",
      });
      items.push({
        question: q,
        label: labels[i],
        run: c.run.run.id,
        answer_sha256: answerFingerprint(answer),
      });
    });
  }
  const key: HumanEvalKey = {
    format: KEY_FORMAT,
    version: 1,
    seed,
    runs: [...wanted],
    sources: chosen.map((c) => ({
      run: c.run.run.id,
      path: displayPath(c.run.source.path),
      sha256: c.run.source.sha256,
    })),
    items,
  };
  return { rows, key, labels, questions };
}
