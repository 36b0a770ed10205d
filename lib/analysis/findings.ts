/**
 * The findings at the top of the report, computed from the scored results (never typed by hand):
 * what fine-tuning changed, which differences are significant in the declared primary family and
 * which only in exploratory tests, and which published numbers are artefacts of how they were
 * computed.
 *
 * Every word that judges a number is chosen by a rule written here ({@linkcode FINDINGS_RULES},
 * {@linkcode verdict}), every model name comes from the runs' labels, and every number says its
 * estimand: paired differences "on the n questions where both runs define the metric", means
 * "over the n answers that define it". A sentence about something the data lacks (no base run, no
 * external model, one size) is left out, not written for the study's outcome.
 * @module
 */
import type { ScoredResults } from "../scored/load_scored.ts";
import { textValues } from "../scored/run_columns.ts";
import { tokenize } from "../metrics/tokenize.ts";
import { legacyCitations } from "../metrics/legacy_citations.ts";
import { metricLabel } from "../metrics/metric_order.ts";
import { metricInfo, metricsWithRole } from "../metrics/registry.ts";
import type { AnalysisPlan } from "./analysis_plan.ts";
import type { Comparison, PairedRow } from "./paired_comparisons.ts";
import { pairedFamilyTable } from "./paired_family_table.ts";
import type { FamilyRow } from "./plan_families.ts";
import type { PublishedComparisonRow } from "./published_comparison.ts";
import { formatValue } from "./describe_scaling.ts";
import { formatP } from "./describe_paired.ts";
import { pairRuns } from "./pair_runs.ts";
import {
  answerBehaviourTable,
  type Confounder,
  type ConfounderKind,
  confounders,
} from "./answer_behaviour_table.ts";

/** Options for {@linkcode findings}. */
export interface FindingsOptions {
  /** Bootstrap resamples and sign flips. Default: `10_000`. */
  resamples?: number;
  /** Seed. Default: `42`. */
  seed?: number;
  /** The published table compared with the files (see `publishedComparison`). Default: none. */
  published?: readonly PublishedComparisonRow[];
  /**
   * Secondary metrics of the fine-tuning finding (exploratory). Default: the registry's metrics
   * with the `findings` role (chrF and the corrected citation metrics).
   */
  secondary?: readonly string[];
}

/**
 * The thresholds behind the qualitative words of the findings.
 * - `smallNextTo`: the largest difference between fine-tuned sizes is called "small next to the
 *   effect of fine-tuning" only when every fine-tuning test of the primary family is significant,
 *   all in one direction, and the largest absolute size difference is at most this fraction of the
 *   smallest absolute fine-tuning difference. Otherwise the numbers are set side by side unjudged.
 * - `most`: "most" means a share above this (a strict majority).
 */
export const FINDINGS_RULES = Object.freeze({ smallNextTo: 0.25, most: 0.5 });

/** What a test says about `run_a − run_b`: significantly higher, lower, or not significant. */
export type TestVerdict = "higher" | "lower" | "not significant";

/**
 * The verdict of a test: `higher` or `lower` when its adjusted p (`p_adj`) is at most `alpha`
 * and the difference is positive or negative; otherwise `not significant` (also for a missing p
 * or a zero difference).
 *
 * @example
 * ```ts
 * import { verdict } from "./findings.ts";
 * import assert from "node:assert/strict";
 * assert.equal(verdict({ diff: -0.1, p_adj: 0.01 }, 0.05), "lower");
 * assert.equal(verdict({ diff: 0.3, p_adj: 0.2 }, 0.05), "not significant");
 * ```
 */
export function verdict(
  row: { diff: number | null; p_adj: number | null | undefined },
  alpha: number,
): TestVerdict {
  if (row.diff === null || row.p_adj === null || row.p_adj === undefined) return "not significant";
  if (row.p_adj > alpha || row.diff === 0) return "not significant";
  return row.diff > 0 ? "higher" : "lower";
}

/** The size finding, as numbers (see {@linkcode FINDINGS_RULES}`.smallNextTo`). */
export interface SizeFacts {
  /** The size difference (`run_a − run_b`) largest in absolute value. */
  largest: number;
  /** Whether the rule calls it "small next to the effect of fine-tuning". */
  smallNextToFineTuning: boolean;
}

/** The comparison with external models, counted by verdict in the better direction. */
export interface ExternalFacts {
  /** Comparisons in which the non-external run is significantly better (after BH). */
  better: number;
  /** ... significantly worse. */
  worse: number;
  /** ... not significantly different. */
  notSignificant: number;
}

/** The artefact counts of the study's metrics, as numbers. */
export interface ArtefactFacts {
  /** ROUGE's `[a-z0-9]` tokenizer on the distinct references. */
  rouge:
    | { words: number; kept: number; keptNumbers: number; references: number; empty: number }
    | null;
  /** Distinct Kazakh references, and those where the legacy extractor finds no citation. */
  kazakhCitations: { references: number; withoutCitation: number; mostly: boolean } | null;
}

/**
 * A test the findings quote: a row of the paired table ({@linkcode pairedFamilyTable}), with the
 * `family` and `p_adj` the analysis plan gave it there.
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
  /** The significance level the verdicts use (the plan's `alpha`). */
  alpha: number;
  /** The size finding, or null without two fine-tuned sizes. */
  sizes: SizeFacts | null;
  /** The external comparison, or null without external models. */
  external: ExternalFacts | null;
  /** The comparisons whose runs answer differently in kind. */
  confounded: Confounder[];
  /** Counts behind the artefact bullets. */
  artefacts: ArtefactFacts;
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
  if (r.lo === null || r.hi === null) return signed(r.metric, r.diff!);
  return `${signed(r.metric, r.diff!)} [${signed(r.metric, r.lo, false)}, ${
    signed(r.metric, r.hi, false)
  }]`;
}

/** `3 of 5 pairwise differences are`, with number agreement. */
function count(k: number, n: number, noun: string, plural = `${noun}s`): string {
  return `${k} of ${n} ${n === 1 ? noun : plural}`;
}

/** `A`, `A and B`, `A, B and C`. */
function list(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The estimand of paired rows: `paired, on the 500 questions where both runs define the metric`
 * (a range `66–102` when the rows differ).
 */
export function pairedEstimand(rows: readonly { n: number }[]): string {
  const ns = rows.map((r) => r.n);
  const lo = Math.min(...ns), hi = Math.max(...ns);
  const n = lo === hi ? `${lo}` : `${lo}–${hi}`;
  return `paired, on the ${n} question${hi === 1 ? "" : "s"} where both runs define the metric`;
}

/**
 * Computes the findings from the rows of the paired table ({@linkcode pairedFamilyTable}): the
 * comparisons the plan declares, each row with the family and `p_adj` the plan gave it. The
 * primary family is the plan's primary comparisons on its primary metric, Holm-adjusted together
 * at the plan's `alpha`; the other numbers quoted are exploratory rows of that table
 * (Benjamini–Hochberg over all of them). The fine-tuning bullet needs `ft_vs_base` declared
 * primary, the size bullet `ft_sizes`; the external bullet quotes the exploratory `vs_external`
 * rows.
 */
export function findings(
  scored: ScoredResults,
  plan: AnalysisPlan,
  options: FindingsOptions = {},
): Findings {
  const { resamples = 10_000, seed = 42, published = [] } = options;
  const secondary = (options.secondary ?? metricsWithRole("findings"))
    .filter((m) => scored.metrics.includes(m) && m !== plan.primary_metric);
  const label = (id: string) => scored.runs.find((r) => r.run.id === id)?.run.label ?? id;
  // Every test quoted here is a row of the paired table (paired.csv), adjusted within its
  // declared family there: the findings look the rows up, they never adjust again.
  const { rows: table, comparisons } = pairedFamilyTable(scored, plan, { resamples, seed });
  const primary = table.filter((r): r is FindingsRow<"primary"> => r.family === "primary");
  const primaryKinds = new Set(plan.primary.map((h) => h.comparison));
  const ftBase = comparisons.filter((c) => c.comparison === "ft_vs_base");
  const external = comparisons.filter((c) =>
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
  const alpha = plan.alpha;
  const ctx: Context = { label, alpha, plan };
  const lines: string[] = [];

  const ft = primary.filter((r) => r.comparison === "ft_vs_base");
  // A pair of the family with no row shares no question on which both define the metric: it is
  // said, not dropped.
  const rowOf = (rows: readonly PairedRow[], c: Comparison) =>
    rows.find((r) => r.run_a === c.run_a && r.run_b === c.run_b);
  const uncompared = (cs: readonly Comparison[], rows: readonly PairedRow[], metric: string) =>
    cs.filter((c) => !rowOf(rows, c)).map((c) => ({
      c,
      why: pairRuns(scored, c.run_a, c.run_b).ids.length === 0
        ? "the runs share no question"
        : `no question where both define ${metricLabel(metric)}`,
    }));
  const ftMissing = primaryKinds.has("ft_vs_base")
    ? uncompared(ftBase, ft, plan.primary_metric)
    : [];
  if (ft.length || ftMissing.length) {
    lines.push(fineTuningBullet(ft, ftMissing, primary.length, ctx));
    const also = alsoChangedBullet(
      exploratory.filter((r) => r.comparison === "ft_vs_base"),
      secondary,
      ctx,
    );
    if (also) lines.push(also);
  }
  const sizeRows = primary.filter((r) => r.comparison === "ft_sizes");
  const sizes = sizeFacts(sizeRows, ft, alpha);
  if (sizes) lines.push(sizesBullet(sizeRows, ft, sizes, ctx));
  const extRows = exploratory.filter((r) => r.comparison === "vs_external");
  const ext = externalFacts(extRows, alpha);
  const extMissing = uncompared(external, extRows, plan.primary_metric);
  if (ext || extMissing.length) lines.push(externalBullet(extRows, ext, extMissing, ctx));
  const confounded = confounders(answerBehaviourTable(scored), ftBase);
  if (confounded.length) lines.push(confoundedBullet(confounded, scored, label));
  const art = artefactFacts(scored);
  lines.push(...artefacts(art, scored, published, label));
  return {
    markdown: lines.join("\n"),
    primary,
    exploratory,
    alpha,
    sizes,
    external: ext,
    confounded,
    artefacts: art,
  };
}

interface Context {
  label: (id: string) => string;
  alpha: number;
  plan: AnalysisPlan;
}

/** "raised" / "lowered" / "did not significantly change", by {@linkcode verdict}. */
function changed(r: PairedRow & { p_adj: number | null }, alpha: number): string {
  switch (verdict(r, alpha)) {
    case "higher":
      return "raised";
    case "lower":
      return "lowered";
    case "not significant":
      return "did not significantly change";
  }
}

/** A comparison of the family that has no paired row, and why. */
interface Uncompared {
  c: Comparison;
  why: string;
}

function fineTuningBullet(
  ft: (PairedRow & { p_adj: number | null })[],
  missing: readonly Uncompared[],
  tests: number,
  { label, alpha, plan }: Context,
): string {
  const defined = ft.filter((r) => r.diff !== null);
  const family = tests === 0
    ? `The primary family has no test of ${
      metricLabel(plan.primary_metric)
    } (no pair of its runs has a question where both define it): `
    : `In the primary family (${tests} test${tests === 1 ? "" : "s"} of ${
      metricLabel(plan.primary_metric)
    }, Holm-adjusted at α = ${alpha}), `;
  return `- **What fine-tuning changed.** ${family}fine-tuning ` +
    [
      ...missing.map(({ c, why }) =>
        `could not be compared from ${label(c.run_b)} to ${label(c.run_a)} (${why})`
      ),
      ...ft.map((r) =>
        r.diff === null
          ? `could not be compared from ${label(r.run_b)} to ${
            label(r.run_a)
          } (no question where both define ${metricLabel(r.metric)})`
          : `${changed(r, alpha)} ${metricLabel(r.metric)} from ${label(r.run_b)} to ${
            label(r.run_a)
          }: ${formatValue(r.metric, r.mean_b!)} → ${formatValue(r.metric, r.mean_a!)} (${
            diffWithCi(r)
          }, 95% interval; Holm p ${formatP(r.p_adj)})`
      ),
    ].join("; ") +
    (defined.length ? `. Means and differences are ${pairedEstimand(defined)}.` : ".");
}

function alsoChangedBullet(
  rows: (PairedRow & { p_adj: number | null })[],
  secondary: readonly string[],
  { label, alpha }: Context,
): string | null {
  const byMetric = secondary.map((m) => {
    const of = rows.filter((r) => r.metric === m && r.diff !== null);
    if (!of.length) return "";
    const verdicts = of.map((r) => verdict(r, alpha));
    const up = verdicts.filter((v) => v === "higher").length;
    const down = verdicts.filter((v) => v === "lower").length;
    const parts = [
      up ? `${up} significantly higher` : "",
      down ? `${down} significantly lower` : "",
      up + down < of.length ? `${of.length - up - down} not significant` : "",
    ].filter(Boolean);
    return `${metricLabel(m)} ${of.map((r) => signed(m, r.diff!)).join(", ")} (${
      list(parts)
    } after BH; ${pairedEstimand(of)})`;
  }).filter(Boolean);
  if (!byMetric.length) return null;
  const runs = [...new Set(rows.map((r) => label(r.run_a)))];
  return `- **Also changed by fine-tuning (exploratory; ${list(runs)} against ${
    runs.length === 1 ? "its base run" : "their base runs"
  }):** ${byMetric.join("; ")}.`;
}

/** The size facts, or null without a pair of fine-tuned sizes. */
function sizeFacts(
  sizes: readonly PairedRow[],
  ft: readonly (PairedRow & { p_adj: number | null })[],
  alpha: number,
): SizeFacts | null {
  const defined = sizes.filter((r) => r.diff !== null);
  if (!defined.length) return null;
  const largest = defined.reduce((m, r) => Math.abs(r.diff!) > Math.abs(m) ? r.diff! : m, 0);
  ft = ft.filter((r) => r.diff !== null);
  const verdicts = ft.map((r) => verdict(r, alpha));
  const oneDirection = verdicts.length > 0 &&
    (verdicts.every((v) => v === "higher") || verdicts.every((v) => v === "lower"));
  const smallestFt = Math.min(...ft.map((r) => Math.abs(r.diff!)));
  return {
    largest,
    smallNextToFineTuning: oneDirection &&
      Math.abs(largest) <= FINDINGS_RULES.smallNextTo * smallestFt,
  };
}

function sizesBullet(
  sizes: readonly (PairedRow & { p_adj: number | null })[],
  ft: readonly (PairedRow & { p_adj: number | null })[],
  facts: SizeFacts,
  { label, alpha, plan }: Context,
): string {
  const found = sizes.filter((r) => verdict(r, alpha) !== "not significant");
  const metric = sizes[0].metric;
  // "1 of 3 differences is", "2 of 3 are", "0 of 1 difference is".
  const verb = found.length === 1 || sizes.length === 1 ? "is" : "are";
  let comparison: string;
  if (facts.smallNextToFineTuning) {
    comparison = `, small next to the effect of fine-tuning (at most ${
      Math.round(100 * FINDINGS_RULES.smallNextTo)
    }% of the smallest fine-tuning difference, ${
      signed(metric, ft.reduce((m, r) => Math.abs(r.diff!) < Math.abs(m) ? r.diff! : m, Infinity))
    })`;
  } else if (ft.length === 0) {
    comparison = "";
  } else if (ft.every((r) => verdict(r, alpha) === "not significant")) {
    comparison = `; fine-tuning changed ${
      metricLabel(metric)
    } significantly at no size, so there is no fine-tuning effect to set it against`;
  } else {
    comparison = `; the fine-tuning differences are ${
      ft.map((r) => `${signed(metric, r.diff!)} (${label(r.run_a)}, ${verdict(r, alpha)})`).join(
        ", ",
      )
    }`;
  }
  // The plan's pairs of sizes: neighbours (the default) or every two.
  const pairs = plan.comparisons.find((c) => c.comparison === "ft_sizes")?.sizes === "all"
    ? "pairwise difference"
    : "adjacent-size difference";
  return `- **Model size among the fine-tuned models.** ${
    count(found.length, sizes.length, pairs)
  } in ${metricLabel(plan.primary_metric)} ${verb} significant in the primary family` +
    (found.length
      ? `: ${found.map((r) => `${label(r.run_a)} − ${label(r.run_b)} ${diffWithCi(r)}`).join("; ")}`
      : "") +
    ` (${pairedEstimand(sizes)}). The largest size difference is ${
      signed(metric, facts.largest)
    }${comparison}.`;
}

/** Counts of the external comparisons by verdict in the metric's better direction. */
function externalFacts(
  rows: readonly (PairedRow & { p_adj: number | null })[],
  alpha: number,
): ExternalFacts | null {
  if (!rows.length) return null;
  let better = 0, worse = 0;
  for (const r of rows) {
    const v = verdict(r, alpha);
    if (v === "not significant") continue;
    const up = higherIsBetter(r.metric);
    if ((v === "higher") === up) better++;
    else worse++;
  }
  return { better, worse, notSignificant: rows.length - better - worse };
}

function higherIsBetter(metric: string): boolean {
  try {
    return metricInfo(metric).higherIsBetter;
  } catch {
    return true;
  }
}

function externalBullet(
  rows: readonly (PairedRow & { p_adj: number | null })[],
  facts: ExternalFacts | null,
  missing: readonly Uncompared[],
  { label, alpha }: Context,
): string {
  const title = "- **Against the external models (exploratory).**";
  const none = missing.map(({ c, why }) =>
    ` ${label(c.run_a)} and ${label(c.run_b)} ${
      why === "the runs share no question" ? "share no question" : `have ${why}`
    }, so they cannot be compared.`
  ).join("");
  if (!facts) return title + none;
  const ours = list([...new Set(rows.map((r) => label(r.run_a)))]);
  const theirs = list([...new Set(rows.map((r) => label(r.run_b)))]);
  const metrics = list([...new Set(rows.map((r) => metricLabel(r.metric)))]);
  const example = rows.find((r) => verdict(r, alpha) !== "not significant");
  return `${title} Of ${rows.length} comparison${
    rows.length === 1 ? "" : "s"
  } of the fine-tuned runs (${ours}) with the external ${
    theirs.includes(" and ") ? "runs" : "run"
  } (${theirs}) in ${metrics} (${pairedEstimand(rows)}; BH-adjusted at α = ${alpha}), ` +
    `the fine-tuned run is significantly better in ${facts.better}, significantly worse in ${facts.worse}` +
    ` and not significantly different in ${facts.notSignificant}` +
    (example
      ? ` (e.g. ${label(example.run_a)} − ${label(example.run_b)}: ${metricLabel(example.metric)} ${
        signed(example.metric, example.diff!)
      })`
      : "") +
    "." + none;
}

/** What each kind of confounding makes a difference measure, in words. */
const MEASURES: Record<ConfounderKind, string> = {
  wrong_language: "answering in another language",
  reasoning_trace: "thinking aloud",
  truncated: "running to the token limit",
  few_substantive: "answers without substance",
};

function confoundedBullet(
  confounded: readonly Confounder[],
  scored: ScoredResults,
  label: (id: string) => string,
): string {
  const runs = [...new Set(confounded.map((c) => c.run))];
  const variants = new Set(
    runs.map((id) => scored.runs.find((r) => r.run.id === id)?.run.variant),
  );
  const whose = variants.size === 1 && variants.has("base")
    ? runs.length === 1 ? "the base model's answers" : "the base models' answers"
    : variants.size === 1 && variants.has("fine-tuned")
    ? runs.length === 1 ? "the fine-tuned model's answers" : "the fine-tuned models' answers"
    : "some runs' answers";
  const reasons = [...new Map(confounded.map((c) => [c.run, c])).values()].map((c) =>
    c.reason.replace(/^(\S+?)('s| has)/, (_, id, rest) => `${label(id)}${rest}`)
  );
  const kinds = (Object.keys(MEASURES) as ConfounderKind[]).filter((k) =>
    confounded.some((c) => c.kinds.includes(k))
  );
  return `- **Warning: what ${whose} are.** ${reasons.join("; ")}. So the base-vs-fine-tuned ` +
    `differences involving ${runs.length === 1 ? "this run" : "these runs"} partly measure ${
      list(kinds.map((k) => MEASURES[k]))
    }, not only legal quality (the answer-behaviour section repeats the headline metrics on ` +
    `substantive answers only).`;
}

/** Counts behind the artefact bullets, from the distinct references of the frame. */
export function artefactFacts(scored: ScoredResults): ArtefactFacts {
  if (scored.frame.height === 0) return { rouge: null, kazakhCitations: null };
  const refs = [...new Set(textValues(scored.frame, "reference").map((r) => r ?? ""))];
  let kept = 0, keptNumbers = 0, words = 0, empty = 0;
  for (const r of refs) {
    const tokens = tokenize(r, { tokenizer: "rouge-ascii" });
    kept += tokens.length;
    keptNumbers += tokens.filter((t) => /^[0-9]+$/.test(t)).length;
    words += tokenize(r).length;
    if (tokens.length === 0) empty++;
  }
  const langs = textValues(scored.frame, "language");
  const kz = [
    ...new Set(
      textValues(scored.frame, "reference").filter((_, i) => langs[i] === "kz").map((r) => r ?? ""),
    ),
  ];
  const withoutCitation = kz.filter((r) => legacyCitations(r).size === 0).length;
  return {
    rouge: { words, kept, keptNumbers, references: refs.length, empty },
    kazakhCitations: kz.length
      ? {
        references: kz.length,
        withoutCitation,
        mostly: withoutCitation / kz.length > FINDINGS_RULES.most,
      }
      : null,
  };
}

const pct = (k: number, n: number) => `${(100 * k / n).toFixed(1)}%`;

/** Bullets on numbers that are artefacts of how they were computed, each counted from the data. */
function artefacts(
  facts: ArtefactFacts,
  scored: ScoredResults,
  published: readonly PublishedComparisonRow[],
  label: (id: string) => string,
): string[] {
  const out: string[] = [];
  const rouge = facts.rouge;
  if (rouge && rouge.words > 0) {
    out.push(
      `- **Artefact: the study's ROUGE.** Its tokenizer keeps only \`[a-z0-9]\`, so of ${
        rouge.words.toLocaleString("en")
      } reference words it keeps ${rouge.kept.toLocaleString("en")} (${
        pct(rouge.kept, rouge.words)
      })` +
        (rouge.kept ? `, ${pct(rouge.keptNumbers, rouge.kept)} of them numbers` : "") +
        `; ${rouge.empty} of ${rouge.references} distinct references keep no token at all and score 0 ` +
        `whatever the answer. The report's \`rouge*_v2\` and chrF read Cyrillic.`,
    );
  }
  const kz = facts.kazakhCitations;
  if (kz) {
    const rule =
      "The study's citation accuracy is 1.0 when its (Russian-only) extractor finds no citation in the reference";
    out.push(
      `- **Artefact: Kazakh citation accuracy.** ${rule}` +
        (kz.withoutCitation === 0
          ? `; it finds one in each of the ${kz.references} distinct Kazakh references, so that default does not arise for them.`
          : `, which is the case for ${kz.withoutCitation} of ${kz.references} distinct Kazakh references (${
            pct(kz.withoutCitation, kz.references)
          }); ${
            kz.mostly
              ? "most of the study's Kazakh citation accuracy is therefore that default, not a measurement"
              : "for those questions the study's Kazakh citation accuracy is that default, not a measurement"
          }. The corrected metric is undefined there.`),
    );
  }
  const outside = published.filter((r) => r.within_interval === false);
  if (published.length) {
    out.push(
      `- **The published table and the result files ${
        outside.length ? "disagree" : "agree"
      }:** ${outside.length} of ${published.length} published means lie outside the 95% interval ` +
        `recomputed from the files` +
        (outside.length
          ? ` (e.g. ${
            outside.slice(0, 2).map((r) =>
              `${metricLabel(r.metric)} of ${label(r.run)}: published ${
                formatValue(r.metric, r.published_mean)
              }, files ${formatValue(r.metric, r.recomputed_mean!)}`
            ).join("; ")
          }). This report uses the files.`
          : "."),
    );
  }
  const api = scored.runs.filter((r) => r.run.variant === "external").map((r) => label(r.run.id));
  const local = scored.runs.filter((r) => r.run.variant !== "external").length;
  const latency = scored.metrics.includes("latency_s") ||
    scored.runs.some((r) => r.summary.latency_s !== undefined);
  if (api.length && local && latency) {
    out.push(
      `- **Latency is not comparable across kinds of runs.** ${list(api)} ${
        api.length === 1 ? "was" : "were"
      } called through an API (network and provider load included); the other ${
        local === 1 ? "run was" : `${local} runs were`
      } generated locally.`,
    );
  }
  return out;
}
