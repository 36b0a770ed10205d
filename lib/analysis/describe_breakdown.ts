/**
 * Sentences about the breakdown tables (per domain, per language), computed from their rows:
 * on how many questions a metric's means in one group rest, and which per-group paired
 * differences are significant.
 * @module
 */
import { metricLabel } from "../metrics/metric_order.ts";
import type { BreakdownRow } from "./breakdown_table.ts";
import { isSmallSample } from "./small_sample_flag.ts";
import { MIN_CELL_N } from "./sample_group.ts";

/**
 * How many questions define `metric` in `group`, per run: `6–36 of 115 questions per run`
 * (or `36 of 115` when every run has the same). Null when no run has the group.
 *
 * @example
 * ```ts
 * import { definedInGroup } from "./describe_breakdown.ts";
 * import assert from "node:assert/strict";
 * const row = (run: string, n_defined: number) => ({ run, group: "kz", n: 115, metric: "cit", n_defined }) as never;
 * assert.equal(definedInGroup([row("a", 6), row("b", 36)], "kz", "cit"), "6–36 of 115 questions per run");
 * ```
 */
export function definedInGroup(
  rows: readonly BreakdownRow[],
  group: string,
  metric: string,
): string | null {
  const cells = rows.filter((r) => r.group === group && r.metric === metric);
  if (!cells.length) return null;
  const span = (xs: number[]) => {
    const lo = Math.min(...xs), hi = Math.max(...xs);
    return lo === hi ? `${lo}` : `${lo}–${hi}`;
  };
  const per = cells.length === 1 ? "" : " per run";
  return `${span(cells.map((c) => c.n_defined))} of ${span(cells.map((c) => c.n))} questions${per}`;
}

/** A per-group paired row: what {@linkcode describeGroupPaired} reads. */
export interface GroupPairedRow {
  run_a: string;
  /** Questions of the group where both runs define the metric. */
  n: number;
  group: string;
  metric: string;
  diff: number | null;
  p_adj: number | null;
}

/**
 * `k of n <what> differences are significant after BH within their metric`, with up to three
 * examples (cells resting on enough questions to read first, see `isSmallSample`; then `prefer`'s
 * metric; each naming its metric), or a sentence without examples when none is. Significant cells
 * that are flagged as small are counted in a clause of their own.
 *
 * @example
 * ```ts
 * import { describeGroupPaired } from "./describe_breakdown.ts";
 * import assert from "node:assert/strict";
 * const rows = [{ run_a: "ft", group: "tax", n: 40, metric: "chrf", diff: 2.5, p_adj: 0.01 },
 *   { run_a: "ft", group: "land", n: 12, metric: "chrf", diff: -1, p_adj: 0.4 }];
 * assert.match(describeGroupPaired(rows, { alpha: 0.05, prefer: "citation_accuracy_v2" }),
 *   /^1 of 2 domain-level differences is significant after BH within its metric, e\.g\. tax \(ft, chrF \+2\.500, n = 40\); each/);
 * ```
 */
export function describeGroupPaired(
  rows: readonly GroupPairedRow[],
  options: { alpha: number; prefer?: string; what?: string },
): string {
  const { alpha, prefer, what = "domain-level" } = options;
  const significant = rows.filter((r) => r.diff !== null && (r.p_adj ?? 1) <= alpha);
  const verb = significant.length === 1 || rows.length === 1 ? "is" : "are";
  const head = `${significant.length} of ${rows.length} ${what} difference${
    rows.length === 1 ? "" : "s"
  } ${verb} significant after BH within ${significant.length === 1 ? "its" : "their"} metric`;
  if (!significant.length) return `${head}.`;
  const small = significant.filter((r) => isSmallSample(r.n));
  const readable = significant.filter((r) => !isSmallSample(r.n));
  const ordered = [
    ...readable.filter((r) => r.metric === prefer),
    ...readable.filter((r) => r.metric !== prefer),
    ...small.filter((r) => r.metric === prefer),
    ...small.filter((r) => r.metric !== prefer),
  ].slice(0, 3);
  const smallNote = small.length
    ? ` (${small.length} of them rest${
      small.length === 1 ? "s" : ""
    } on fewer than ${MIN_CELL_N} questions and ${small.length === 1 ? "is" : "are"} flagged, ${
      small.length === 1 ? "not a finding" : "not findings"
    })`
    : "";
  return `${head}${smallNote}, e.g. ${
    ordered.map((r) =>
      `${r.group} (${r.run_a}, ${metricLabel(r.metric)} ${r.diff! >= 0 ? "+" : "−"}${
        Math.abs(r.diff!).toFixed(3)
      }, n = ${r.n})`
    ).join(", ")
  }; each difference is paired, on the n questions of the group where both runs define the metric.`;
}
