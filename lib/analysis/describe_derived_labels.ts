/**
 * The sentence a breakdown section writes when the loader derived some labels: which runs' result
 * files lacked a language or domain, and for how many answers the label was derived from the
 * question by the study's rules (see `questionLabels` in `lib/text/`).
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { textValues } from "../scored/run_columns.ts";

/** Per run: answers whose label of `column` was derived, and all its answers. */
function derivedByRun(
  scored: ScoredResults,
  column: "domain_source" | "language_source",
): { label: string; derived: number; total: number }[] {
  if (scored.frame.height === 0 || !scored.frame.columns.includes(column)) return [];
  const runs = textValues(scored.frame, "run");
  const sources = textValues(scored.frame, column);
  const counts = new Map<string, { derived: number; total: number }>();
  runs.forEach((id, i) => {
    const c = counts.get(id!) ?? { derived: 0, total: 0 };
    c.total++;
    if (sources[i] === "derived") c.derived++;
    counts.set(id!, c);
  });
  const label = (id: string) => scored.runs.find((r) => r.run.id === id)?.run.label ?? id;
  return [...counts].filter(([, c]) => c.derived > 0).map(([id, c]) => ({
    label: label(id),
    ...c,
  }));
}

/**
 * One sentence on the labels the loader derived, or `""` when every label came from the result
 * files.
 *
 * @example
 * ```ts
 * import { describeDerivedLabels } from "./describe_derived_labels.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * // In-memory runs carry their labels as given: nothing was derived.
 * assert.equal(describeDerivedLabels(fakeScored([{ id: "a", values: { m: [1] } }])), "");
 * ```
 */
export function describeDerivedLabels(scored: ScoredResults): string {
  const total = scored.frame.height;
  const parts = (["domain", "language"] as const).flatMap((kind) => {
    const runs = derivedByRun(scored, `${kind}_source`);
    if (runs.length === 0) return [];
    const n = runs.reduce((s, r) => s + r.derived, 0);
    const num = (x: number) => x.toLocaleString("en");
    const each = runs.map((r) =>
      `${r.label}: ${
        r.derived === r.total ? `all ${num(r.total)}` : `${num(r.derived)} of ${num(r.total)}`
      }`
    ).join("; ");
    return [`the ${kind} of ${num(n)} of ${num(total)} answers (${each})`];
  });
  if (parts.length === 0) return "";
  return `Labels derived by the loader: ${parts.join(" and ")} ${
    parts.length > 1 ? "were" : "was"
  } not in the result files, so the loader derived ${
    parts.length > 1 ? "them" : "it"
  } from the question (instruction, input and reference) by the study's rules ` +
    "(`lib/text/question_labels.json`), the rules behind the study's stored labels; " +
    "`domain_source` and `language_source` in the scored frame say which.";
}
