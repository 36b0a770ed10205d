/**
 * Prepares a blind expert evaluation from result files: a seeded choice of questions that every
 * chosen run answered, each question's answers shuffled (seeded) and labelled A, B, C, ..., the
 * rows of the sheet, and the key that maps (question, label) back to the run.
 *
 * Blinding: a sheet row carries the question, the reference and one answer under its label,
 * nothing else (no model name, run id, answer length, latency or metric); the order of runs under
 * the labels is drawn afresh for every question. Answers are given in full (the study cut them at
 * 200 characters), with reasoning traces removed (a base model's "Okay, let's tackle this
 * question..." or `<think>` block would tell the raters which model wrote it; the key records
 * every removal), and every text cell is neutralised against formula injection. The seed is drawn
 * at random unless given and is written only to the key, so that whoever holds the sheets, the
 * result files and this code still cannot rebuild the key. Cues that remain (answers of one run
 * much longer than another's, answers in another language, answers cut mid-sentence) are
 * returned as warnings.
 * @module
 */
import { compareIds } from "../analysis/pair_runs.ts";
import type { RunResult, Sample } from "../results/run_result.ts";
import { seededRandom, shuffle } from "../stats/rng.ts";
import { quantileSorted } from "../stats/quantile.ts";
import { displayPath } from "../io/paths.ts";
import { stripReasoningTrace, type TraceKind } from "../behaviour/reasoning_trace.ts";
import { answerLanguage, questionLanguage } from "../behaviour/answer_language.ts";
import { isWrongLanguage } from "../behaviour/wrong_language.ts";
import { endsMidSentence } from "../behaviour/truncated.ts";
import { isEmptyAnswer } from "../behaviour/empty_answer.ts";
import { neutralizeCell } from "../escape/neutralize_cell.ts";
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
  /**
   * Seed of the question choice and of the per-question shuffles. Default: a fresh random seed
   * ({@linkcode drawSeed}), recorded in the key only. Give one to reproduce a preparation.
   */
  seed?: number;
  /** Remove reasoning traces from answers (recorded per answer in the key). Default: `true`. */
  stripTraces?: boolean;
  /**
   * Warn when one run's median answer is at least this many times as long as another's.
   * Default: `2`.
   */
  lengthRatio?: number;
  /**
   * Warn when the share of answers in the wrong language, or cut mid-sentence, or empty, differs
   * between two runs by at least this much. Default: `0.2`.
   */
  shareGap?: number;
}

/** Defaults of {@linkcode PrepareHumanEvalOptions} (the seed's default is drawn at random). */
export const PREPARE_DEFAULTS = {
  n: 50,
  stripTraces: true,
  lengthRatio: 2,
  shareGap: 0.2,
} as const;

/** A prepared evaluation: the sheet's rows (for raters) and the key (not for raters). */
export interface PreparedHumanEval {
  rows: SheetRow[];
  key: HumanEvalKey;
  /** Labels used, `A`... in order. */
  labels: string[];
  /** Question ids in sheet order. */
  questions: string[];
  /** Cues that may still tell runs apart; also written to the key. */
  warnings: string[];
}

/**
 * A fresh random seed (an unsigned 32-bit integer from the operating system's generator).
 *
 * @example
 * ```ts
 * import { drawSeed } from "./prepare_human_eval.ts";
 * import assert from "node:assert/strict";
 * const s = drawSeed();
 * assert.ok(Number.isInteger(s) && s >= 0 && s < 2 ** 32);
 * ```
 */
export function drawSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** What goes to the raters for one answer, and what the key records about it. */
interface Shown {
  text: string;
  removed: TraceKind | null;
  removedChars: number;
}

function median(xs: number[]): number {
  return quantileSorted([...xs].sort((a, b) => a - b), 0.5);
}

/**
 * Cues that remain in the shown answers: per run, the median length of the non-empty answers and
 * the shares of answers in another language than the question, cut mid-sentence, and empty (for
 * instance, whole answers that were reasoning traces).
 */
function remainingCues(
  shown: { run: string; sample: Sample; text: string }[],
  runs: readonly string[],
  lengthRatio: number,
  shareGap: number,
): string[] {
  const stats = runs.map((run) => {
    const mine = shown.filter((s) => s.run === run);
    const share = (f: (s: (typeof mine)[number]) => boolean) =>
      mine.filter(f).length / Math.max(1, mine.length);
    return {
      run,
      n: mine.length,
      // Empty answers are reported on their own; the length cue is that of the others.
      length: median(mine.filter((s) => !isEmptyAnswer(s.text)).map((s) => s.text.length)),
      wrong: share((s) =>
        !isEmptyAnswer(s.text) &&
        isWrongLanguage(answerLanguage(s.text), questionLanguage(s.sample))
      ),
      cut: share((s) => endsMidSentence(s.text)),
      empty: share((s) => isEmptyAnswer(s.text)),
    };
  });
  const warnings: string[] = [];
  const measured = stats.filter((s) => !Number.isNaN(s.length));
  const longest = measured.reduce((a, b) => (b.length > a.length ? b : a), measured[0]);
  const shortest = measured.reduce((a, b) => (b.length < a.length ? b : a), measured[0]);
  if (measured.length >= 2 && longest.length >= lengthRatio * Math.max(1, shortest.length)) {
    warnings.push(
      `answer length: the median answer of "${longest.run}" is ${
        (longest.length / Math.max(1, shortest.length)).toFixed(1)
      } times as long as that of "${shortest.run}" (${Math.round(longest.length)} vs ${
        Math.round(shortest.length)
      } characters); raters may tell the runs apart by length`,
    );
  }
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  for (
    const [what, key] of [
      ["answers in another language than the question", "wrong"],
      ["answers that stop mid-sentence", "cut"],
      ["empty answers", "empty"],
    ] as const
  ) {
    const hi = stats.reduce((a, b) => (b[key] > a[key] ? b : a));
    const lo = stats.reduce((a, b) => (b[key] < a[key] ? b : a));
    if (hi[key] - lo[key] >= shareGap) {
      warnings.push(
        `${what}: ${pct(hi[key])} of "${hi.run}" vs ${
          pct(lo[key])
        } of "${lo.run}"; raters may tell the runs apart`,
      );
    }
  }
  return warnings;
}

/**
 * Builds the sheet rows and the key.
 *
 * Procedure (all draws from one generator seeded with `seed`): the question ids shared by all
 * chosen runs are put in id order and shuffled; the first `n` are taken and put back in id order
 * (the sheet's order); then, question by question, the chosen runs are shuffled and the i-th
 * gets label `A` + i. Each answer has its reasoning trace removed (`stripReasoningTrace()` of
 * lib/behaviour; an answer that was nothing but a trace becomes an empty cell, which the
 * instructions read as "no answer"), and the key records, per answer, what was removed.
 *
 * @param runs Loaded runs (from {@linkcode loadResults}).
 * @param options Which runs, how many questions, the seed, trace removal, cue thresholds.
 * @throws {RangeError} when fewer than `n` questions are shared, or a run or label count is out of range.
 * @throws {TypeError} when a chosen run is unknown, repeated or has no per-sample records.
 */
export function prepareHumanEval(
  runs: readonly RunResult[],
  options: PrepareHumanEvalOptions = {},
): PreparedHumanEval {
  const { n, stripTraces, lengthRatio, shareGap } = { ...PREPARE_DEFAULTS, ...options };
  const seedSource = options.seed === undefined ? "random" : "given";
  const seed = options.seed ?? drawSeed();
  const wanted = options.runs ?? runs.filter((r) => r.samples !== null).map((r) => r.run.id);
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Number of questions must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(seed) || seed < 0) {
    throw new RangeError(`Seed must be a non-negative integer, got ${seed}`);
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
  const shownAll: { run: string; sample: Sample; text: string }[] = [];
  const show = (prediction: string): Shown => {
    if (!stripTraces) return { text: prediction, removed: null, removedChars: 0 };
    const s = stripReasoningTrace(prediction);
    return { text: s.text, removed: s.removed, removedChars: s.removedChars };
  };
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
      const sample = c.byId.get(q)!;
      const shown = show(sample.prediction);
      const answer = sheetText(shown.text);
      shownAll.push({
        run: c.run.run.id,
        sample: { ...sample, input: first.input },
        text: shown.text,
      });
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
        trace_removed: shown.removed,
        trace_chars: shown.removedChars,
      });
    });
  }
  const warnings = remainingCues(shownAll, wanted, lengthRatio, shareGap);
  const key: HumanEvalKey = {
    format: KEY_FORMAT,
    version: 2,
    seed,
    seed_source: seedSource,
    warnings,
    runs: [...wanted],
    sources: chosen.map((c) => ({
      run: c.run.run.id,
      path: displayPath(c.run.source.path),
      sha256: c.run.source.sha256,
    })),
    items,
  };
  return { rows, key, labels, questions, warnings };
}
