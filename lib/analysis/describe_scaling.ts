/**
 * Plain-language summary of the scaling table: what fine-tuning changed at each size, computed
 * from the rows (never typed by hand).
 * @module
 */
import { metricInfo } from "../metrics/registry.ts";
import { metricLabel } from "../metrics/metric_order.ts";
import type { ScalingRow } from "./scaling_table.ts";

/** A value on its metric's scale: percent for fractions, as is otherwise (chrF is 0–100). */
export function formatValue(metric: string, x: number): string {
  const unit = knownUnit(metric);
  if (unit === "fraction") return `${(x * 100).toFixed(1)}%`;
  if (unit === "seconds") return `${x.toFixed(2)} s`;
  return x.toFixed(1);
}

function knownUnit(metric: string): string | null {
  try {
    return metricInfo(metric).unit;
  } catch {
    return null;
  }
}

function points(metric: string, d: number): string {
  const unit = knownUnit(metric);
  const v = unit === "fraction" ? d * 100 : d;
  const what = unit === "fraction" ? " points" : unit === "seconds" ? " s" : "";
  return `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(unit === "seconds" ? 2 : 1)}${what}`;
}

function ci(r: ScalingRow): string {
  return r.lo !== null && r.hi !== null
    ? ` [${formatValue(r.metric, r.lo)}, ${formatValue(r.metric, r.hi)}]`
    : "";
}

/** ` (n = 115)`: the answers that define the metric, which the mean is over. */
function defined(r: ScalingRow): string {
  return r.n_defined === null ? "" : ` (n = ${r.n_defined})`;
}

/** The sentence that says what {@linkcode describeScaling}'s numbers are. */
export const SCALING_ESTIMAND =
  "Each value is a mean over the n answers of the run that define the metric, with its 95% bootstrap " +
  "interval; the change is the difference of the two means, which may rest on different answers " +
  "(the paired difference, on the questions where both runs define the metric, is in the findings " +
  "and the paired section).";

/**
 * Markdown bullets, one per size with both a base and a fine-tuned run: each metric's base mean
 * (95% interval, n answers that define it) → fine-tuned mean (interval, n) and the change, a
 * difference of the two means (see {@linkcode SCALING_ESTIMAND}; not paired).
 *
 * @example
 * ```ts
 * import { describeScaling } from "./describe_scaling.ts";
 * import assert from "node:assert/strict";
 * const row = (variant: string, mean: number, n_defined: number) => ({ run: variant, size_b: 4, variant,
 *   metric: "bertscore_f1", mean, lo: mean - 0.01, hi: mean + 0.01, n_defined });
 * const text = describeScaling([row("base", 0.81, 115), row("fine-tuned", 0.9, 490)] as never, ["bertscore_f1"]);
 * assert.equal(text,
 *   "- 4B: BERTScore F1 81.0% [80.0%, 82.0%] (n = 115) → 90.0% [89.0%, 91.0%] (n = 490), change +9.0 points");
 * ```
 */
export function describeScaling(rows: readonly ScalingRow[], metrics: readonly string[]): string {
  const sizes = [...new Set(rows.map((r) => r.size_b).filter((s): s is number => s !== null))]
    .sort((a, b) => a - b);
  const lines: string[] = [];
  for (const size of sizes) {
    const parts: string[] = [];
    for (const m of metrics) {
      const base = rows.find((r) => r.size_b === size && r.variant === "base" && r.metric === m);
      const ft = rows.find((r) =>
        r.size_b === size && r.variant === "fine-tuned" && r.metric === m
      );
      if (!base || !ft || base.mean === null || ft.mean === null) continue;
      parts.push(
        `${metricLabel(m)} ${formatValue(m, base.mean)}${ci(base)}${defined(base)} → ${
          formatValue(m, ft.mean)
        }${ci(ft)}${defined(ft)}, change ${points(m, ft.mean - base.mean)}`,
      );
    }
    if (parts.length) lines.push(`- ${size}B: ${parts.join("; ")}`);
  }
  return lines.length ? lines.join("\n") : "- No size has both a base and a fine-tuned run.";
}
