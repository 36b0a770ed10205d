/**
 * The findings at the top of the report, computed from the scored results (never typed by hand):
 * what fine-tuning changed, which differences are significant in the declared primary family and
 * which only in exploratory tests, and which published numbers are artefacts of how they were
 * computed.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { textValues } from "../scored/run_columns.ts";
import { tokenize } from "../metrics/tokenize.ts";
import { legacyCitations } from "../metrics/legacy_citations.ts";
import { metricLabel } from "../metrics/metric_order.ts";
import type { AnalysisPlan } from "./analysis_plan.ts";
import { defaultFamily } from "./default_family.ts";
import type { Comparison, PairedRow } from "./paired_comparisons.ts";
import { pairedFamilyTable } from "./paired_family_table.ts";
import type { FamilyRow } from "./plan_families.ts";
import type { PublishedComparisonRow } from "./published_comparison.ts";
import { formatValue } from "./describe_scaling.ts";
import { answerBehaviourTable, confounders } from "./answer_behaviour_table.ts";

/** Options for {@linkcode findings}. */
export interface FindingsOptions {
  /** Bootstrap resamples and sign flips. Default: `10_000`. */
  resamples?: number;
  /** Seed. Default: `42`. */
  seed?: number;
  /** The published table compared with the files (see `publishedComparison`). Default: none. */
  published?: readonly PublishedComparisonRow[];
  /** Secondary metrics of the fine-tuning finding (exploratory). Default: chrF and the corrected citation metrics. */
  secondary?: readonly string[];
}

/**
 * A test the findings quote: a row of the paired table ({@linkcode pairedFamilyTable}), whose
 * `p_adj` is adjusted within its declared family there (its `p_holm` is Holm over the whole
 * table, which the findings do not use).
 */
export type FindingsRow<F extends "primary" | "exploratory" = "primary" | "exploratory"> =
  & FamilyRow<PairedRow>
  & { family: F };

/** What {@linkcode findings} computed. */
export interface Findings {
  /** Markdown bullets. */
  markdown: string;
  /** The primary family's tests (`p_adj`: Holm over the primary family of the paired table). */
  primary: FindingsRow<"primary">[];
  /**
   * Exploratory tests quoted in the findings (`p_adj`: Benjamini–Hochberg over every exploratory
   * row of the paired table, their declared family; not over the quoted tests alone).
   */
  exploratory: FindingsRow<"exploratory">[];
}

/** A difference on the metric's scale: percentage points for fractions, seconds, or as is. */
function signed(metric: string, x: number, unit = true): string {
  const text = formatValue(metric, Math.abs(x));
  const bare = text.replace(/%$/, "").replace(/ s$/, "");
  const suffix = !unit ? "" : text.endsWith("%") ? " points" : text.endsWith(" s") ? " s" : "";
  return `${x < 0 ? "−" : "+"}${bare}${suffix}`;
}

/** `+8.6 points [+8.2, +8.9]`: a difference with its interval, the unit once. */
function diffWithCi(r: PairedRow): string {
  return `${signed(r.metric, r.diff!)} [${signed(r.metric, r.lo!, false)}, ${
    signed(r.metric, r.hi!, false)
  }]`;
}

function p(x: number | null | undefined): string {
  if (x === null || x === undefined) return "n/a";
  return x < 0.001 ? "< 0.001" : `= ${x.toFixed(3)}`;
}

/**
 * Computes the findings. The primary family is the plan's: its comparisons of the default family
 * on its primary metric, Holm-adjusted together at the plan's `alpha`; the other numbers quoted
 * are exploratory, with the p-value adjusted within their declared family, the exploratory rows
 * of the paired table (Benjamini–Hochberg), looked up from {@linkcode pairedFamilyTable}.
 */
export function findings(
  scored: ScoredResults,
  plan: AnalysisPlan,
  options: FindingsOptions = {},
): Findings {
  const { resamples = 10_000, seed = 42, published = [] } = options;
  const secondary = (options.secondary ?? ["chrf", "citation_accuracy_v2", "hallucination_rate_v2"])
    .filter((m) => scored.metrics.includes(m) && m !== plan.primary_metric);
  const label = (id: string) => scored.runs.find((r) => r.run.id === id)?.run.label ?? id;
  const family = defaultFamily(scored.runs);
  // Every test quoted here is a row of the paired table (paired.csv), adjusted within its
  // declared family there: the findings look the rows up, they never adjust again.
  const table = pairedFamilyTable(scored, plan, { resamples, seed }).rows;
  const primary = table.filter((r): r is FindingsRow<"primary"> => r.family === "primary");
  const ftBase = family.filter((c) => c.comparison === "ft_vs_base");
  const external = family.filter((c) =>
    c.comparison === "vs_external" &&
    scored.runs.find((r) => r.run.id === c.run_a)?.run.variant === "fine-tuned"
  );
  const quoted = (cs: readonly Comparison[], metrics: readonly string[]) =>
    table.filter((r): r is FindingsRow<"exploratory"> =>
      r.family === "exploratory" && metrics.includes(r.metric) &&
      cs.some((c) => c.run_a === r.run_a && c.run_b === r.run_b)
    );
  const exploratory = [
    ...quoted(ftBase, secondary),
    ...quoted(external, [plan.primary_metric, "chrf"]),
  ];
  const sig = (r: FindingsRow) => (r.p_adj ?? 1) <= plan.alpha;
  const sigBh = sig; // both read p_adj, the row's own family's adjustment
  const lines: string[] = [];

  const ft = primary.filter((r) => r.comparison === "ft_vs_base");
  if (ft.length) {
    lines.push(
      `- **What fine-tuning changed.** In the primary family (${primary.length} tests of ${
        metricLabel(plan.primary_metric)
      }, Holm-adjusted at α = ${plan.alpha}), LoRA fine-tuning ` +
        ft.map((r) =>
          `${sig(r) ? "raised" : "did not significantly change"} ${label(r.run_b)} → ${
            label(r.run_a)
          } from ${formatValue(r.metric, r.mean_b!)} to ${formatValue(r.metric, r.mean_a!)} (${
            diffWithCi(r)
          }, paired 95% interval; Holm p ${p(r.p_adj)})`
        ).join("; ") + ".",
    );
    const byMetric = secondary.map((m) => {
      const rows = exploratory.filter((r) => r.metric === m && r.comparison === "ft_vs_base");
      if (!rows.length) return "";
      const diffs = rows.map((r) => signed(m, r.diff!)).join(", ");
      const n = rows.filter(sigBh).length;
      return `${metricLabel(m)} ${diffs} (${n} of ${rows.length} significant after BH)`;
    }).filter(Boolean);
    if (byMetric.length) {
      lines.push(
        `- **Also changed by fine-tuning (exploratory, by size ${
          ft.map((r) => label(r.run_a)).join(", ")
        }):** ${byMetric.join("; ")}.`,
      );
    }
  }
  const sizes = primary.filter((r) => r.comparison === "ft_sizes");
  if (sizes.length) {
    const found = sizes.filter(sig);
    lines.push(
      `- **Model size among the fine-tuned models.** ${found.length} of ${sizes.length} pairwise differences in ${
        metricLabel(plan.primary_metric)
      } are significant in the primary family` +
        (found.length
          ? `: ${
            found.map((r) => `${label(r.run_a)} − ${label(r.run_b)} ${diffWithCi(r)}`).join("; ")
          }`
          : "") +
        `. The largest size difference is ${
          signed(
            sizes[0].metric,
            sizes.reduce((m, r) => Math.abs(r.diff!) > Math.abs(m) ? r.diff! : m, 0),
          )
        }, small next to the effect of fine-tuning.`,
    );
  }
  const ext = exploratory.filter((r) => r.comparison === "vs_external");
  if (ext.length) {
    const wins = ext.filter((r) => sigBh(r) && r.diff! > 0);
    lines.push(
      `- **Against the external models (exploratory).** Fine-tuned Qwen3 scores higher than the GPT reference in ` +
        `${wins.length} of ${ext.length} comparisons of ${
          metricLabel(plan.primary_metric)
        } and chrF after BH ` +
        `adjustment` + (wins.length
          ? ` (e.g. ${label(wins[0].run_a)} − ${label(wins[0].run_b)}: ${
            metricLabel(wins[0].metric)
          } ${signed(wins[0].metric, wins[0].diff!)})`
          : "") +
        ".",
    );
  }
  const confounded = confounders(answerBehaviourTable(scored), ftBase);
  if (confounded.length) {
    lines.push(
      `- **Warning: what the base models' answers are.** ${
        confounded.map((c) => `${c.reason.replace(/^(\S+)'s/, (_, id) => `${label(id)}'s`)}`).join(
          "; ",
        )
      }. So the base-vs-fine-tuned differences partly measure answering in another language, thinking aloud ` +
        `and running to the token limit, not only legal quality (the answer-behaviour section repeats the ` +
        `headline metrics on substantive answers only).`,
    );
  }
  lines.push(...artefacts(scored, published, label));
  return { markdown: lines.join("\n"), primary, exploratory };
}

/** Bullets on numbers that are artefacts of how they were computed, each counted from the data. */
function artefacts(
  scored: ScoredResults,
  published: readonly PublishedComparisonRow[],
  label: (id: string) => string,
): string[] {
  const out: string[] = [];
  if (scored.frame.height > 0) {
    const refs = [...new Set(textValues(scored.frame, "reference").map((r) => r ?? ""))];
    let ascii = 0, words = 0, empty = 0;
    for (const r of refs) {
      const a = tokenize(r, { tokenizer: "rouge-ascii" }).length;
      ascii += a;
      words += tokenize(r).length;
      if (a === 0) empty++;
    }
    out.push(
      `- **Artefact: the study's ROUGE.** Its tokenizer keeps only \`[a-z0-9]\`, so of ${
        words.toLocaleString("en")
      } ` +
        `reference words it keeps ${ascii.toLocaleString("en")} (${
          (100 * ascii / words).toFixed(1)
        }%), nearly all numbers; ` +
        `${empty} of ${refs.length} references keep no token at all and score 0 whatever the answer. The report's ` +
        `\`rouge*_v2\` and chrF read Cyrillic.`,
    );
    const langs = textValues(scored.frame, "language");
    const kz = [
      ...new Set(
        textValues(scored.frame, "reference").filter((_, i) => langs[i] === "kz").map((r) =>
          r ?? ""
        ),
      ),
    ];
    if (kz.length) {
      const cited = kz.filter((r) => legacyCitations(r).size > 0).length;
      out.push(
        `- **Artefact: Kazakh citation accuracy.** The study's citation accuracy is 1.0 when its (Russian-only) ` +
          `extractor finds no citation in the reference, which is the case for ${
            kz.length - cited
          } of ${kz.length} ` +
          `Kazakh references; the published Kazakh citation accuracy mostly measures that default. The corrected ` +
          `metric is undefined there.`,
      );
    }
  }
  const outside = published.filter((r) => r.within_interval === false);
  if (published.length) {
    out.push(
      `- **The published table and the result files disagree** in ${outside.length} of ${published.length} numbers ` +
        `(the published mean lies outside the 95% interval recomputed from the files)` +
        (outside.length
          ? `, e.g. ${
            outside.slice(0, 2).map((r) =>
              `${metricLabel(r.metric)} of ${label(r.run)}: published ${
                formatValue(r.metric, r.published_mean)
              }, files ${formatValue(r.metric, r.recomputed_mean!)}`
            ).join("; ")
          }`
          : "") +
        `. This report uses the files.`,
    );
  }
  const api = scored.runs.filter((r) => r.run.variant === "external").map((r) => label(r.run.id));
  if (api.length) {
    out.push(
      `- **Latency is not comparable across kinds of runs.** ${api.join(" and ")} ${
        api.length === 1 ? "was" : "were"
      } called through an API (network and provider load included), the Qwen3 models generated locally on GPUs.`,
    );
  }
  return out;
}
