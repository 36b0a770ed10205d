/**
 * Plain-language findings of the scaling table, computed from its rows (never typed by hand).
 * @module
 */
import { metricLabel } from "./metric_order.ts";
import type { ScalingRow } from "./scaling_table.ts";

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function ci(row: ScalingRow, m: string): string {
  const lo = row[`${m}_lo`], hi = row[`${m}_hi`];
  return typeof lo === "number" && typeof hi === "number" ? ` [${pct(lo)}, ${pct(hi)}]` : "";
}

/**
 * Markdown bullets: for each size that has both a base and a fine-tuned run, the change of each
 * metric from base to fine-tuned, with both intervals.
 *
 * @example
 * ```ts
 * import { describeScaling } from "./describe_scaling.ts";
 * import assert from "node:assert/strict";
 * const rows = [
 *   { run: "b", label: "B", size_b: 4, variant: "base", m_mean: 0.5, m_lo: 0.4, m_hi: 0.6 },
 *   { run: "f", label: "F", size_b: 4, variant: "fine-tuned", m_mean: 0.7, m_lo: 0.6, m_hi: 0.8 },
 * ];
 * assert.match(describeScaling(rows, ["m"]), /4B: m 50\.0% \[40\.0%, 60\.0%\] → 70\.0% \[60\.0%, 80\.0%\] \(\+20\.0 points\)/);
 * ```
 */
export function describeScaling(rows: readonly ScalingRow[], metrics: readonly string[]): string {
  const sizes = [
    ...new Set(rows.map((r) => r.size_b).filter((s): s is number => typeof s === "number")),
  ].sort((a, b) => a - b);
  const lines: string[] = [];
  for (const size of sizes) {
    const base = rows.find((r) => r.size_b === size && r.variant === "base");
    const ft = rows.find((r) => r.size_b === size && r.variant === "fine-tuned");
    if (!base || !ft) continue;
    const parts: string[] = [];
    for (const m of metrics) {
      const a = base[`${m}_mean`], b = ft[`${m}_mean`];
      if (typeof a !== "number" || typeof b !== "number") continue;
      const d = (b - a) * 100;
      parts.push(
        `${metricLabel(m)} ${pct(a)}${ci(base, m)} → ${pct(b)}${ci(ft, m)} (${d >= 0 ? "+" : "−"}${
          Math.abs(d).toFixed(1)
        } points)`,
      );
    }
    if (parts.length) lines.push(`- ${size}B: ${parts.join("; ")}`);
  }
  return lines.length ? lines.join("\n") : "- No size has both a base and a fine-tuned run.";
}
