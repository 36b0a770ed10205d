/**
 * Whether the runs answered the same questions: what decides if "both answered the same
 * questions" may be said, and how many questions a paired comparison can use.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { runRows, textValues } from "../scored/run_columns.ts";

/** What {@linkcode questionSets} found among the runs with per-sample records. */
export interface QuestionSets {
  /** Runs with per-sample records. */
  runs: number;
  /** Whether every one of them answered exactly the same questions (by `question_key`). */
  same: boolean;
  /** Distinct questions over all of them. */
  questions: number;
  /** Questions that every one of them answered. */
  common: number;
}

/**
 * Compares the runs' question sets by the frame's `question_key` (id and question together).
 *
 * @example
 * ```ts
 * import { questionSets } from "./question_sets.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "a", values: { m: [1, 2, 3] } }, { id: "b", values: { m: [1, 2] } }]);
 * assert.deepEqual(questionSets(scored), { runs: 2, same: false, questions: 3, common: 2 });
 * ```
 */
export function questionSets(scored: ScoredResults): QuestionSets {
  const sets = scored.runs.filter((r) => r.samples > 0).map((r) =>
    new Set(textValues(runRows(scored.frame, r.run.id), "question_key").map((k) => k ?? ""))
  );
  const all = new Set(sets.flatMap((s) => [...s]));
  const common = [...all].filter((k) => sets.every((s) => s.has(k))).length;
  return {
    runs: sets.length,
    same: sets.every((s) => s.size === all.size),
    questions: all.size,
    common,
  };
}

/**
 * The sentence under a table of unpaired intervals: why overlapping intervals do not show two
 * runs equal, and whether the runs answered the same questions (said only when they did).
 *
 * @example
 * ```ts
 * import { overlapNote } from "./question_sets.ts";
 * import assert from "node:assert/strict";
 * assert.match(overlapNote({ runs: 2, same: false, questions: 3, common: 2 }), /not all answer the same questions/);
 * ```
 */
export function overlapNote(sets: QuestionSets): string {
  const start = "Overlapping intervals of two runs do not show that they are equal: ";
  if (sets.runs < 2) {
    return start + "only the paired comparison of two runs on the same questions can.";
  }
  return sets.same
    ? `${start}every run with per-sample records answered the same ${sets.questions} questions, so the paired comparison applies.`
    : `${start}the runs with per-sample records do not all answer the same questions (${sets.common} of ` +
      `${sets.questions} are answered by ${
        sets.runs === 2 ? "both" : `all ${sets.runs}`
      }), so compare two runs with the paired comparison, ` +
      `on the questions both answered.`;
}
