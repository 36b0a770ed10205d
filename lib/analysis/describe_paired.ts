/**
 * Plain-language findings of paired comparisons, computed from the rows (never typed by hand),
 * including how the paired reading differs from reading overlapping marginal intervals.
 * @module
 */
import type { RunInfo } from "../results/run_result.ts";
import { metricLabel, orderMetrics } from "../metrics/metric_order.ts";
import type { PairedRow } from "./paired_comparisons.ts";
import type { FamilyRow } from "./plan_families.ts";
import type { ScalingRow } from "./scaling_table.ts";

/** Options for {@linkcode describePaired}. */
export interface DescribePairedOptions {
  /** Only rows of this comparison kind (e.g. `"ft_sizes"`). Default: all rows. */
  comparison?: string;
  /** Only these metrics. Default: all metrics of the rows. */
  metrics?: string[];
  /** Significance level for the adjusted p-values (`p_adj`). Default: `0.05`. */
  alpha?: number;
  /**
   * Marginal per-run intervals (rows of `scalingTable`), to say where they overlap. Default: none
   * (the overlap paragraph is left out).
   */
  marginals?: readonly ScalingRow[];
  /** @deprecated No longer used: p-values have no floor set by the number of sign flips. */
  permutations?: number;
}

function signed(x: number, metric: string): string {
  const s = metric === "latency_s" ? `${Math.abs(x).toFixed(2)} s` : Math.abs(x).toFixed(4);
  return `${x < 0 ? "−" : "+"}${s}`;
}

/** Formats a p-value: three decimals, or `< 0.001`. */
export function formatP(p: number | null): string {
  if (p === null) return "n/a";
  return p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`;
}

function marginal(marginals: readonly ScalingRow[], run: string, metric: string) {
  const m = marginals.find((x) => x.run === run && x.metric === metric);
  return m && m.lo !== null && m.hi !== null ? { lo: m.lo, hi: m.hi } : null;
}

function overlaps(marginals: readonly ScalingRow[], r: PairedRow): boolean | null {
  const a = marginal(marginals, r.run_a, r.metric), b = marginal(marginals, r.run_b, r.metric);
  if (!a || !b) return null;
  return a.lo <= b.hi && b.lo <= a.hi;
}

function marginalWidth(marginals: readonly ScalingRow[], r: PairedRow): number | null {
  const w = (run: string) => {
    const m = marginal(marginals, run, r.metric);
    return m ? m.hi - m.lo : null;
  };
  const a = w(r.run_a), b = w(r.run_b);
  return a === null || b === null ? null : (a + b) / 2;
}

/**
 * Markdown: one bullet per pair with each metric's difference, paired 95% interval, unadjusted
 * p-value and `p_adj` (adjusted within the row's family: `planFamilies`); then a paragraph that counts what survives the adjustment and, with
 * `marginals`, how many of those differences have overlapping marginal intervals (which a reader
 * of overlapping intervals would call "indistinguishable"), and how much narrower the paired
 * intervals are.
 *
 * @param rows Paired rows with their family (e.g. from `pairedFamilyTable`).
 * @param runs Run identities, for labels.
 * @param options Filter, significance level, marginal intervals.
 *
 * @example
 * ```ts
 * import { describePaired } from "./describe_paired.ts";
 * import assert from "node:assert/strict";
 * const row = { run_a: "b", run_b: "a", metric: "m", n: 500, diff: 0.02, lo: 0.01, hi: 0.03, p: 0.0001,
 *   family: "primary" as const, p_adj: 0.002, correction: "holm" as const, effect: 0.2, comparison: "ft_sizes", mean_a: 0.52, mean_b: 0.5, p_method: "normal", sd: 0.1, note: "" };
 * const marginals = [{ run: "a", metric: "m", lo: 0.47, hi: 0.53 }, { run: "b", metric: "m", lo: 0.49, hi: 0.55 }];
 * const text = describePaired([row], [{ id: "a", label: "A" }, { id: "b", label: "B" }] as never,
 *   { marginals: marginals as never });
 * assert.match(text, /B − A: m \+0\.0200 \[\+0\.0100, \+0\.0300\], p < 0\.001, Holm p = 0\.002 \(differs\)/);
 * assert.match(text, /1 of 1 differences that are significant after adjustment have overlapping marginal/);
 * ```
 */
/**
 * `40% as wide as`: the median ratio of paired to marginal interval widths, in words that never
 * round a positive ratio to "0%" ("less than 1% as wide as") and say a zero ratio as such.
 */
export function widthRatio(median: number): string {
  if (median === 0) {
    return "of zero width (the differences are the same on every question), against";
  }
  if (median < 0.005) return "less than 1% as wide as";
  return median < 1 ? `${(median * 100).toFixed(0)}% as wide as` : "as wide as";
}

export function describePaired(
  rows: readonly FamilyRow<PairedRow>[],
  runs: readonly RunInfo[],
  options: DescribePairedOptions = {},
): string {
  const {
    comparison,
    alpha = 0.05,
    marginals,
  } = options;
  const label = (id: string) => runs.find((r) => r.id === id)?.label ?? id;
  const selected = rows.filter((r) =>
    (comparison === undefined || r.comparison === comparison) &&
    (options.metrics?.includes(r.metric) ?? true)
  );
  if (selected.length === 0) {
    return "- No paired comparison of this kind (it needs per-sample records of both runs).";
  }
  // The name of the adjustment: one correction for every row selected, or each by its family.
  const corrections = new Set(selected.map((r) => r.correction));
  const adjName = corrections.size > 1 ? "adjusted" : corrections.has("holm") ? "Holm" : "BH";
  const sig = (r: FamilyRow<PairedRow>) => (r.p_adj ?? 1) <= alpha;
  const pairs = [
    ...new Map(selected.map((r) => [`${r.run_a}\u0000${r.run_b}`, [r.run_a, r.run_b] as const]))
      .values(),
  ];
  const lines: string[] = [];
  for (const [a, b] of pairs) {
    const of = selected.filter((r) => r.run_a === a && r.run_b === b);
    const metrics = orderMetrics(of.map((r) => r.metric));
    const ns = of.filter((r) => r.diff !== null).map((r) => r.n);
    const oneN = ns.length > 0 && Math.min(...ns) === Math.max(...ns);
    const parts = metrics.map((m) => {
      const r = of.find((x) => x.metric === m)!;
      if (r.diff === null) return `${metricLabel(m)}: no defined pair`;
      const ci = r.lo === null || r.hi === null ? "" : ` [${signed(r.lo, m)}, ${signed(r.hi, m)}]`;
      return `${metricLabel(m)} ${signed(r.diff, m)}${ci}${oneN ? "" : ` (n = ${r.n})`}, p ${
        formatP(r.p)
      }, ${adjName} p ${formatP(r.p_adj)}` +
        ` (${sig(r) ? "differs" : "no significant difference"})`;
    });
    const n = ns.length === 0
      ? ""
      : oneN
      ? ` (paired, on the ${ns[0]} questions where both runs define the metric)`
      : " (paired, on the n questions where both runs define each metric)";
    lines.push(`- ${label(a)} − ${label(b)}: ${parts.join("; ")}${n}.`);
  }
  const significant = selected.filter(sig);
  const rawOnly = selected.filter((r) => !sig(r) && (r.p ?? 1) <= alpha);
  const name = (r: PairedRow) =>
    `${metricLabel(r.metric)} (${label(r.run_a)} − ${label(r.run_b)}, ${
      signed(r.diff!, r.metric)
    })`;
  const summary: string[] = [
    `${
      selected.length === 1 ? "Of this one paired test" : `Of these ${selected.length} paired tests`
    }, ${significant.length} ${
      significant.length === 1 || selected.length === 1 ? "is" : "are"
    } significant after ` +
    `${
      adjName === "adjusted"
        ? "adjustment within their families (Holm for the primary family, BH for exploratory tests)"
        : adjName === "Holm"
        ? "Holm adjustment within the primary family"
        : "Benjamini–Hochberg adjustment within their family"
    } at α = ${alpha}` +
    (significant.length ? `: ${significant.map(name).join("; ")}.` : "."),
  ];
  const methods = new Map<string, number>();
  for (const r of selected) methods.set(r.p_method, (methods.get(r.p_method) ?? 0) + 1);
  if (methods.size) {
    summary.push(
      `(p-values: ${
        [...methods].map(([m, n]) =>
          `${n} ${
            m === "exact"
              ? "exact"
              : m === "normal"
              ? "from the normal approximation of the sign-flip statistic (Monte Carlo could not resolve them)"
              : m === "monte-carlo"
              ? "Monte Carlo"
              : m
          }`
        ).join(", ")
      }; none is limited by the number of sign flips.)`,
    );
  }
  if (rawOnly.length) {
    summary.push(
      `${rawOnly.length} more ${
        rawOnly.length === 1 ? "has" : "have"
      } an unadjusted p ≤ ${alpha} but ${
        rawOnly.length === 1 ? "does" : "do"
      } not survive the correction: ` +
        `${rawOnly.map(name).join("; ")}.`,
    );
  }
  const bounded = selected.filter((r) =>
    !sig(r) && r.lo !== null && r.hi !== null && r.metric !== "latency_s"
  );
  if (bounded.length) {
    const widest = bounded.reduce((
      w,
      r,
    ) => (Math.max(-r.lo!, r.hi!) > Math.max(-w.lo!, w.hi!) ? r : w));
    const bound = Math.max(-widest.lo!, widest.hi!);
    summary.push(
      bound === 0
        ? `Where no difference is found, the paired intervals bound it: every such interval (latency aside) is ` +
          `exactly [0, 0], the two runs scoring the same on every question they share.`
        : `Where no difference is found, the paired intervals bound it: every such interval (latency aside) lies within ` +
          `±${bound < 0.00005 ? bound.toPrecision(2) : bound.toFixed(4)} (widest: ${
            metricLabel(widest.metric)
          }, ${label(widest.run_a)} − ${label(widest.run_b)}).`,
    );
  }
  if (marginals) {
    const known = selected.filter((r) => overlaps(marginals, r) !== null);
    const overlapping = known.filter((r) => overlaps(marginals, r));
    const hidden = significant.filter((r) => overlaps(marginals, r));
    const ratios = known
      .map((r) => {
        const w = marginalWidth(marginals, r);
        return w && r.lo !== null && r.hi !== null ? (r.hi - r.lo) / w : null;
      })
      .filter((x): x is number => x !== null)
      .sort((x, y) => x - y);
    const median = ratios.length ? ratios[Math.floor((ratios.length - 1) / 2)] : null;
    summary.push(
      `Reading overlapping intervals instead: the marginal 95% intervals of the two runs overlap in ${overlapping.length} of ` +
        `${known.length} comparisons, which that reading would call indistinguishable; ${hidden.length} of ${significant.length} ` +
        `differences that are significant after adjustment have overlapping marginal intervals` +
        (hidden.length ? ` (${hidden.map(name).join("; ")})` : "") + `. ` +
        (median === null
          ? ""
          : `Because the paired difference compares the two runs question by question (on the questions where ` +
            `both define the metric), question difficulty cancels in it: the paired interval is ${
              widthRatio(median)
            } a ` +
            `marginal interval (median over these comparisons), so overlap of marginal intervals is no evidence of equality.`),
    );
  }
  return `${lines.join("\n")}\n\n${summary.join(" ")}`;
}
