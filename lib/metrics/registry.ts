/**
 * The one declaration of every metric the workbench knows: the recomputable legacy and v2 suites
 * and the stored-only model and system metrics. Each entry holds how the value is computed, its
 * suite, level, direction, range, label, version and signature, and the roles it plays in the
 * report; the entries' order is the display order of tables and figures. Scoring
 * (`scoreSample`), column order (`orderMetrics`), the headline table, the default forest panels,
 * the findings' secondary metrics and the metric audit's pairs all derive from here, so adding a
 * metric is one entry (plus its compute file and tests). Modelled on lm-evaluation-harness, where
 * a metric is registered with its aggregation and direction beside its function.
 * @module
 */
import type { ScoringContext } from "./scoring_context.ts";
import {
  accuracyOf,
  hallucinationOf,
  legacyAccuracyOf,
  legacyHallucinationOf,
} from "./_citation_scores.ts";
import { keyInfoOfTokens, legacyKeyInfo } from "./key_info.ts";
import { lengthRatio } from "./length_ratio.ts";
import { bleu } from "./bleu.ts";
import { exactMatch } from "./exact_match.ts";

/** Which family a metric belongs to. */
export type MetricSuite = "legacy" | "v2" | "model" | "system";

/**
 * A part a metric plays in the report, beyond the full tables (which show every metric):
 * - `headline`: a column of the headline table (`HEADLINE_METRICS`);
 * - `forest`: a panel of the main paired forest figure and of the scaling and language figures
 *   (`DEFAULT_FOREST_METRICS`);
 * - `findings`: a secondary (exploratory) metric of the fine-tuning finding;
 * - `domain`: a panel of the per-domain figures;
 * - `answers`: a score shown beside each run's answer to one question (the samples section).
 */
export type MetricRole = "headline" | "forest" | "findings" | "domain" | "answers";

/** Every {@linkcode MetricRole}, for checking names read from elsewhere. */
export const METRIC_ROLES: readonly MetricRole[] = [
  "headline",
  "forest",
  "findings",
  "domain",
  "answers",
];

/**
 * How a metric's value is obtained: a function of one scored pair (its shared tokens and
 * citations computed once, see {@linkcode ScoringContext}); `"corpus"`, one value per run from
 * statistics summed over its answers (see `chrf_corpus.ts`); or `"stored only"`, read from result
 * files because lib/metrics cannot compute it (it needs a model, or it is a measurement).
 */
export type MetricCompute = ((sample: ScoringContext) => number | null) | "corpus" | "stored only";

/** Description of one metric. */
export interface MetricInfo {
  /** Key in `Sample.metrics`. */
  name: string;
  /** Display label in figures, tables and prose: the one place a metric's name is written (see `metricLabel`). */
  label: string;
  suite: MetricSuite;
  /** Definition version; a changed definition gets a new version (and, here, a new name). */
  version: string;
  /** Whether a larger value is better. */
  higherIsBetter: boolean;
  /** Unit and scale, e.g. `fraction` or `seconds`. */
  unit: string;
  /** Lowest and highest possible value (`null`: unbounded). */
  range: readonly [number, number | null];
  /** Whether the value can be `null` (undefined for the sample) rather than a default. */
  nullable: boolean;
  /** How the value is computed; a function makes the metric part of its suite in `scoreSample`. */
  compute: MetricCompute;
  /** Whether lib/metrics can recompute it from predictions and references (from `compute`). */
  recomputable: boolean;
  /** `sample`: one value per answer; `corpus`: one value per run, e.g. corpus chrF (from `compute`). */
  level: "sample" | "corpus";
  /** The parts it plays in the report (see {@linkcode MetricRole}). Default: none. */
  roles: readonly MetricRole[];
  /** For a corrected metric: the legacy metric it corrects, set beside it in the metric audit. */
  audits?: string;
  /** One-paragraph definition. */
  definition: string;
  /** sacrebleu-style signature naming everything the value depends on. */
  signature: string;
}

const STUDY = "nurkal022/fine_tune_qwen3@02a909e";

type MetricEntry =
  & Omit<MetricInfo, "signature" | "recomputable" | "level" | "roles">
  & { sig: string; roles?: readonly MetricRole[] };

function m(entry: MetricEntry): MetricInfo {
  const { sig, roles = [], ...rest } = entry;
  return {
    ...rest,
    recomputable: entry.compute !== "stored only",
    level: entry.compute === "corpus" ? "corpus" : "sample",
    roles,
    signature: `${entry.name}|suite:${entry.suite}|${sig}|version:${entry.version}`,
  };
}

/**
 * Every metric, by name, in display order: the model-based and character-level overall scores
 * first, then each legacy metric followed by its correction, then the rest.
 */
export const METRICS: Readonly<Record<string, MetricInfo>> = Object.freeze(Object.fromEntries([
  m({
    name: "bertscore_f1",
    label: "BERTScore F1",
    suite: "model",
    version: "0.3",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: true,
    compute: "stored only",
    roles: ["headline", "forest", "answers"],
    definition:
      "BERTScore F1 (bert-score package) with xlm-roberta-large, default layer, no idf, no baseline rescaling, as stored by the producer; values cluster near 0.85-0.90, so differences are small in absolute terms. Needs the model: stored only, not recomputed here.",
    sig: "model:xlm-roberta-large|idf:no|rescale:no|stored-only",
  }),
  m({
    name: "chrf",
    label: "chrF",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "score 0-100",
    range: [0, 100],
    nullable: false,
    compute: (s) => s.chrf(0),
    roles: ["headline", "forest", "findings", "answers"],
    definition:
      "sacrebleu 2.x sentence chrF with its defaults: character n-grams of order 1-6 with whitespace removed, case-sensitive, F-beta with beta 2 of the precision and recall averaged over the orders where both sides have n-grams (effective order), times 100. Robust to Russian and Kazakh inflection.",
    sig: "nc:6|nw:0|beta:2|case:mixed|space:no|eff:yes|impl:sacrebleu-2",
  }),
  m({
    name: "chrf_pp",
    label: "chrF++",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "score 0-100",
    range: [0, 100],
    nullable: false,
    compute: (s) => s.chrf(2),
    definition:
      "chrF++: as chrf, plus word unigrams and bigrams (words split on whitespace with one leading or trailing punctuation mark split off), all eight orders averaged together.",
    sig: "nc:6|nw:2|beta:2|case:mixed|space:no|eff:yes|impl:sacrebleu-2",
  }),
  m({
    name: "chrf_corpus",
    label: "chrF (corpus)",
    suite: "v2",
    version: "1.0.0",
    higherIsBetter: true,
    unit: "score 0-100",
    range: [0, 100],
    nullable: false,
    compute: "corpus",
    definition:
      "sacrebleu 2.x corpus chrF (CHRF().corpus_score) with its defaults: the hypothesis, reference and clipped-match character n-gram counts of orders 1-6 (whitespace removed, case-sensitive) are summed over all answers of a run, then precision and recall per order, averaged over the orders where both summed counts are positive, give F-beta with beta 2, times 100. One value per run, as published chrF figures are; differs from the mean of sentence chrF (`chrf`) because long answers weigh more and short answers' missing orders add zeros instead of dropping out. Its interval resamples questions and recomputes the corpus score.",
    sig: "nc:6|nw:0|beta:2|case:mixed|space:no|eff:yes|level:corpus|impl:sacrebleu-2",
  }),
  m({
    name: "citation_accuracy",
    label: "Citation accuracy",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => legacyAccuracyOf(s.legacyCitations.prediction, s.legacyCitations.reference),
    definition:
      "Share of the reference's citation keys that the prediction also contains, with the study's regex extractor (Russian ст./статья, п./пункт, закон №, кодекс…статья, and number-dash-Roman numeral); 1.0 when the reference has no extractable citation, which is the case for 108 of the 115 Kazakh references, so Kazakh scores are mostly the default.",
    sig: `cit:study-regex|empty-ref:1.0|ref:${STUDY}`,
  }),
  m({
    name: "citation_accuracy_v2",
    label: "Citation accuracy (v2)",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: true,
    compute: (s) => accuracyOf(s.citations.prediction, s.citations.reference),
    roles: ["headline", "forest", "findings", "domain", "answers"],
    audits: "citation_accuracy",
    definition:
      "Share of the reference's article and law citations (Russian and Kazakh forms, lists and ranges, code named next to the article, law numbers like 414-V) that the prediction also cites, where an article without a named code matches the same article of any code; null when the reference cites nothing.",
    sig: "cit:ru-kz-article-law|ids:article-level|code-missing:matches|empty-ref:null",
  }),
  m({
    name: "hallucination_rate",
    label: "Hallucination rate",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: false,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) =>
      legacyHallucinationOf(s.legacyCitations.prediction, s.legacyCitations.reference),
    definition:
      "Share of the prediction's citation keys (study's regex extractor) that the reference does not contain; 0.0 when the prediction has none. It measures disagreement with the reference, not falsehood.",
    sig: `cit:study-regex|empty-pred:0.0|ref:${STUDY}`,
  }),
  m({
    name: "hallucination_rate_v2",
    label: "Hallucination rate (v2)",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: false,
    unit: "fraction",
    range: [0, 1],
    nullable: true,
    compute: (s) => hallucinationOf(s.citations.prediction, s.citations.reference),
    roles: ["headline", "forest", "findings", "domain"],
    audits: "hallucination_rate",
    definition:
      "Share of the prediction's article and law citations (as citation_accuracy_v2) that match no reference citation; null when the prediction cites nothing. Unsupported by the reference, not necessarily false.",
    sig: "cit:ru-kz-article-law|ids:article-level|code-missing:matches|empty-pred:null",
  }),
  m({
    name: "key_info",
    label: "Key info",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => legacyKeyInfo(s.prediction, s.reference),
    definition:
      "Mean of (a) the share of the reference's distinct digit runs found in the prediction and (b) the share of the study's 18 Russian legal terms present (as substrings) in the lower-cased reference that are also in the prediction; each part is 1.0 when the reference has none.",
    sig: `num:digit-runs|terms:study-18-ru|match:substring|lc:yes|empty:1.0|ref:${STUDY}`,
  }),
  m({
    name: "key_info_v2",
    label: "Key info (v2)",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: true,
    compute: (s) =>
      keyInfoOfTokens(s.prediction, s.reference, s.tokens.prediction, s.tokens.reference).score,
    roles: ["headline"],
    audits: "key_info",
    definition:
      "Mean of the non-null parts of (a) the share of the reference's digit runs found in the prediction (null if none) and (b) the share of the reference's legal concepts (25 concepts, Russian and Kazakh word forms, whole words or word-initial stems) found in the prediction (null if none); null when both are null.",
    sig: "num:digit-runs|terms:ru-kz-25-concepts|match:word-prefix|lc:yes|nfc:yes|empty:null",
  }),
  m({
    name: "rouge1",
    label: "ROUGE-1",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => s.legacyRouge.rouge1.f,
    definition:
      "Unigram F1 of rouge-score 0.1.2 with its default tokenizer, which keeps only [a-z0-9] tokens: every Cyrillic word is dropped, so on this data it compares Latin words and numbers only.",
    sig: "tok:rouge-ascii|lc:yes|stem:no|impl:rouge-score-0.1.2",
  }),
  m({
    name: "rouge2",
    label: "ROUGE-2",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => s.legacyRouge.rouge2.f,
    definition:
      "Bigram F1 of rouge-score with the [a-z0-9]-only tokenizer (bigrams of the surviving Latin/digit tokens).",
    sig: "tok:rouge-ascii|lc:yes|stem:no|impl:rouge-score-0.1.2",
  }),
  m({
    name: "rougeL",
    label: "ROUGE-L",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => s.legacyRouge.rougeL.f,
    definition: "Longest-common-subsequence F1 of rouge-score with the [a-z0-9]-only tokenizer.",
    sig: "tok:rouge-ascii|lc:yes|stem:no|impl:rouge-score-0.1.2",
  }),
  m({
    name: "rouge1_v2",
    label: "ROUGE-1 (v2)",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => s.rouge.rouge1.f,
    audits: "rouge1",
    definition:
      "Unigram F1 (rouge-score's formulas) on Unicode word tokens: lower-cased, NFC, maximal runs of letters and digits of any script (Cyrillic kept).",
    sig: "tok:unicode-letters-digits|lc:yes|nfc:yes|stem:no",
  }),
  m({
    name: "rouge2_v2",
    label: "ROUGE-2 (v2)",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => s.rouge.rouge2.f,
    definition: "Bigram F1 on Unicode word tokens (as rouge1_v2).",
    sig: "tok:unicode-letters-digits|lc:yes|nfc:yes|stem:no",
  }),
  m({
    name: "rougeL_v2",
    label: "ROUGE-L (v2)",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => s.rouge.rougeL.f,
    roles: ["headline"],
    audits: "rougeL",
    definition:
      "LCS F1 on Unicode word tokens (as rouge1_v2); the LCS uses linear memory on integer token ids.",
    sig: "tok:unicode-letters-digits|lc:yes|nfc:yes|stem:no",
  }),
  m({
    name: "exact_match",
    label: "Exact match",
    suite: "v2",
    version: "2.0.0",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: true,
    compute: (s) => exactMatch(s.prediction, s.reference),
    definition:
      "1 when prediction and reference are equal after normalisation (Unicode NFC, lower case, every Unicode punctuation character including % and § replaced by a space, whitespace runs collapsed to one space and trimmed; symbols such as № kept, ё not folded), else 0; null when the reference normalises to the empty string. The mean is the share of exact answers; near 0 for long free-text answers.",
    sig: "nfc:yes|lc:yes|punct:unicode-P-to-space|ws:collapse|empty-ref:null",
  }),
  m({
    name: "bleu",
    label: "BLEU",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => bleu(s.prediction, s.reference),
    definition:
      "NLTK sentence_bleu with uniform 4-gram weights and smoothing method1 (epsilon 0.1 over the unreduced n-gram count) on lower-cased whitespace tokens, with NLTK's brevity penalty; 0 when either side is empty. Not computed by the study for the GPT runs.",
    sig:
      `tok:py-split|lc:yes|order:4|smooth:method1-eps0.1|bp:nltk|impl:nltk-sentence_bleu|ref:${STUDY}`,
  }),
  m({
    name: "length_ratio",
    label: "Length ratio",
    suite: "legacy",
    version: "legacy",
    higherIsBetter: true,
    unit: "fraction",
    range: [0, 1],
    nullable: false,
    compute: (s) => lengthRatio(s.prediction, s.reference),
    definition:
      "min(p/r, r/p) for p and r the whitespace word counts of prediction and reference (0 when the reference is empty); 1 means equal length and says nothing about content.",
    sig: `tok:py-split|empty-ref:0.0|ref:${STUDY}`,
  }),
  m({
    name: "latency_s",
    label: "Latency (s)",
    suite: "system",
    version: "1",
    higherIsBetter: false,
    unit: "seconds",
    range: [0, null],
    nullable: true,
    compute: "stored only",
    definition:
      "Wall time to generate one answer, in seconds, as stored by the producer (the study's gen_time: one unbatched generate call, or one API request for GPT runs). Depends on hardware and load; stored only.",
    sig: "unit:s|stored-only",
  }),
].map((info) => [info.name, Object.freeze(info)])));

/**
 * Looks up a metric by name.
 *
 * @throws {RangeError} when the name is unknown.
 * @example
 * ```ts
 * import { metricInfo } from "./registry.ts";
 * import assert from "node:assert/strict";
 * assert.equal(metricInfo("rougeL_v2").signature, "rougeL_v2|suite:v2|tok:unicode-letters-digits|lc:yes|nfc:yes|stem:no|version:2.0.0");
 * assert.equal(metricInfo("hallucination_rate").higherIsBetter, false);
 * ```
 */
export function metricInfo(name: string): MetricInfo {
  const info = METRICS[name];
  if (!info) {
    throw new RangeError(`Unknown metric "${name}" (known: ${Object.keys(METRICS).join(", ")})`);
  }
  return info;
}

/**
 * Names of the metrics of one suite that `scoreSample` computes per answer (or, for the
 * stored-only suites, that result files carry per answer), in registry order.
 */
export function metricsOfSuite(suite: MetricSuite): string[] {
  return Object.values(METRICS).filter((i) => i.suite === suite && i.level === "sample")
    .map((i) => i.name);
}

/** Names of the corpus-level metrics (one value per run), in registry order. */
export function corpusMetrics(): string[] {
  return Object.values(METRICS).filter((i) => i.level === "corpus").map((i) => i.name);
}

/**
 * Names of the metrics that play a role in the report, in registry (display) order.
 *
 * @throws {RangeError} when the role is unknown.
 * @example
 * ```ts
 * import { metricsWithRole } from "./registry.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(metricsWithRole("domain"), ["citation_accuracy_v2", "hallucination_rate_v2"]);
 * ```
 */
export function metricsWithRole(role: MetricRole): string[] {
  if (!METRIC_ROLES.includes(role)) {
    throw new RangeError(
      `Unknown metric role "${role as string}" (known: ${METRIC_ROLES.join(", ")})`,
    );
  }
  return Object.values(METRICS).filter((i) => i.roles.includes(role)).map((i) => i.name);
}

/**
 * The metric audit's pairs: each legacy metric with the corrected metric that names it in
 * `audits`, in registry order of the corrected metrics.
 *
 * @example
 * ```ts
 * import { auditedPairs } from "./registry.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(auditedPairs()[0], ["citation_accuracy", "citation_accuracy_v2"]);
 * ```
 */
export function auditedPairs(): [legacy: string, corrected: string][] {
  return Object.values(METRICS).filter((i) => i.audits !== undefined)
    .map((i) => [i.audits!, i.name]);
}
