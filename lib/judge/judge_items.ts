/**
 * What the judge is asked about: items built from saved runs (one per run × question in single
 * mode, one per pair of runs × question in pairwise mode), on a seeded sample of the questions
 * every chosen run answered, so that runs are graded on the same questions.
 * @module
 */
import type { RunResult } from "../results/run_result.ts";
import type { SourceFile } from "../io/source_file.ts";
import { displayPath } from "../io/paths.ts";
import { runAnswerBehaviour } from "../behaviour/behaviour_summary.ts";
import { seededRandom, shuffle } from "../stats/rng.ts";
import type { JudgeMode, PromptQuestion } from "./rubric.ts";

/** One thing to judge: one answer (single) or two answers of one question (pairwise). */
export interface JudgeItem {
  mode: JudgeMode;
  /** Where the answers come from: result files, or an expert sheet. */
  source: "results" | "sheet";
  /** Question id (the result files' sample id, or the sheet's `номер_вопроса`). */
  id: string;
  /** The sheet's label (`вариант`); `null` for result files. */
  label: string | null;
  /** The run (single), or the two runs in the order given (pairwise: run_a, run_b). */
  runs: string[];
  question: PromptQuestion;
  /** The answers, one per run. */
  answers: string[];
  /** Whether each answer is substantive (`lib/behaviour/`); `null` when not known (sheets). */
  substantive: (boolean | null)[];
  /** The files the texts came from, with their SHA-256. */
  inputs: SourceFile[];
}

/** Options of {@linkcode judgeItems}. */
export interface JudgeItemsOptions {
  /** Judging mode. Default: `"single"`. */
  mode?: JudgeMode;
  /** Run ids, in the order wanted (pairwise: every pair, first run as run_a). Default: every run with per-sample records. */
  runs?: readonly string[] | null;
  /** Questions to sample. Default: `null`, every question all chosen runs answered. */
  n?: number | null;
  /** Seed of the question sample. Default: `42`. */
  seed?: number;
}

/** Items and what was left out. */
export interface JudgeItemSet {
  items: JudgeItem[];
  /** Run ids used, in order. */
  runs: string[];
  /** Question ids sampled, in the first run's order. */
  questions: string[];
  /** Questions answered by some chosen runs but not all (left out). */
  notShared: number;
}

/** Samples `n` of `pool` with a seeded shuffle, returned in pool order; all of it when `n` is null. */
export function sampleQuestions(
  pool: readonly string[],
  n: number | null,
  seed: number,
): string[] {
  if (n === null) return [...pool];
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`n must be a positive integer, got ${n}`);
  }
  if (n > pool.length) {
    throw new RangeError(`Cannot sample ${n} questions: only ${pool.length} are available`);
  }
  const chosen = new Set(shuffle(pool, seededRandom(seed)).slice(0, n));
  return pool.filter((q) => chosen.has(q));
}

/**
 * Judge items from runs with per-sample records.
 *
 * The question shown to the judge is the first chosen run's, with its `input` taken from the
 * first chosen run that stores one (the study's GPT-4o files store none). Runs must agree on the
 * instruction and the reference of every shared question id, or the ids do not name the same
 * questions and this is an error.
 *
 * @example
 * ```ts
 * import { judgeItems } from "./judge_items.ts";
 * import { fakeRun } from "../testing/fake_run.ts";
 * import assert from "node:assert/strict";
 * const q = (id: string, prediction: string) => ({ id, instruction: "Сұрақ " + id, reference: "Жауап", prediction, metrics: {} });
 * const a = fakeRun("a", [q("1", "Иә."), q("2", "Жоқ."), q("3", "Мүмкін.")]);
 * const b = fakeRun("b", [q("2", "Да."), q("3", "Нет.")]);
 * const set = judgeItems([a, b], { mode: "pairwise" });
 * assert.deepEqual(set.questions, ["2", "3"]);
 * assert.equal(set.notShared, 1);
 * assert.deepEqual(set.items[0].answers, ["Жоқ.", "Да."]);
 * ```
 */
export function judgeItems(
  runs: readonly RunResult[],
  options: JudgeItemsOptions = {},
): JudgeItemSet {
  const { mode = "single", runs: wanted = null, n = null, seed = 42 } = options;
  const withSamples = runs.filter((r) => r.samples && r.samples.length > 0);
  const byId = new Map(runs.map((r) => [r.run.id, r]));
  let chosen: RunResult[];
  if (wanted && wanted.length > 0) {
    chosen = wanted.map((id) => {
      const r = byId.get(id);
      if (!r) {
        throw new TypeError(
          `Unknown run "${id}"; the results hold ${
            runs.map((x) => x.run.id).join(", ") || "no run"
          }`,
        );
      }
      if (!r.samples || r.samples.length === 0) {
        throw new TypeError(
          `Run "${id}" (${displayPath(r.source.path)}) has no per-sample records to judge`,
        );
      }
      return r;
    });
    const dup = wanted.find((id, i) => wanted.indexOf(id) !== i);
    if (dup) throw new TypeError(`Run "${dup}" is named twice`);
  } else chosen = withSamples;
  if (chosen.length === 0) throw new TypeError("No run with per-sample records to judge");
  if (mode === "pairwise" && chosen.length < 2) {
    throw new TypeError(`Pairwise judging needs at least two runs, got ${chosen.length}`);
  }
  const sampleMaps = chosen.map((r) => {
    const m = new Map<string, number>();
    r.samples!.forEach((s, i) => {
      if (m.has(s.id)) {
        throw new TypeError(
          `Run "${r.run.id}" (${displayPath(r.source.path)}) has sample id "${s.id}" twice`,
        );
      }
      m.set(s.id, i);
    });
    return m;
  });
  const all = new Set(chosen.flatMap((r) => r.samples!.map((s) => s.id)));
  const pool = chosen[0].samples!.map((s) => s.id).filter((id) =>
    sampleMaps.every((m) => m.has(id))
  );
  if (pool.length === 0) {
    throw new TypeError(
      `No question is answered by every chosen run (${chosen.map((r) => r.run.id).join(", ")})`,
    );
  }
  const questions = sampleQuestions(pool, n, seed);
  const behaviour = chosen.map((r) => runAnswerBehaviour(r).map((x) => x.behaviour.substantive));
  const inputs = chosen.map((r): SourceFile => ({
    path: displayPath(r.source.path),
    sha256: r.source.sha256,
  }));
  const questionOf = (id: string): PromptQuestion => {
    const samples = chosen.map((r, k) => r.samples![sampleMaps[k].get(id)!]);
    const first = samples[0];
    for (const [k, s] of samples.entries()) {
      for (const field of ["instruction", "reference"] as const) {
        if (s[field] !== first[field]) {
          throw new TypeError(
            `Question "${id}" has a different ${field} in run "${chosen[k].run.id}" than in run "${
              chosen[0].run.id
            }": the runs did not answer the same questions`,
          );
        }
      }
    }
    const input = samples.find((s) => s.input !== "")?.input ?? "";
    return { instruction: first.instruction, input, reference: first.reference };
  };
  const items: JudgeItem[] = [];
  for (const id of questions) {
    const question = questionOf(id);
    const at = (k: number) => sampleMaps[k].get(id)!;
    if (mode === "single") {
      chosen.forEach((r, k) => {
        items.push({
          mode,
          source: "results",
          id,
          label: null,
          runs: [r.run.id],
          question,
          answers: [r.samples![at(k)].prediction],
          substantive: [behaviour[k][at(k)]],
          inputs: [inputs[k]],
        });
      });
    } else {
      for (let i = 0; i < chosen.length; i++) {
        for (let j = i + 1; j < chosen.length; j++) {
          items.push({
            mode,
            source: "results",
            id,
            label: null,
            runs: [chosen[i].run.id, chosen[j].run.id],
            question,
            answers: [chosen[i].samples![at(i)].prediction, chosen[j].samples![at(j)].prediction],
            substantive: [behaviour[i][at(i)], behaviour[j][at(j)]],
            inputs: [inputs[i], inputs[j]],
          });
        }
      }
    }
  }
  return {
    items,
    runs: chosen.map((r) => r.run.id),
    questions,
    notShared: all.size - pool.length,
  };
}
