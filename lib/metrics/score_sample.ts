/**
 * Scores one prediction/reference pair with the legacy suite, the v2 suite, or both.
 * @module
 */
import { legacyCitations } from "./legacy_citations.ts";
import { citationIds } from "./citations.ts";
import {
  accuracyOf,
  hallucinationOf,
  legacyAccuracyOf,
  legacyHallucinationOf,
} from "./_citation_scores.ts";
import { keyInfoOfTokens, legacyKeyInfo } from "./key_info.ts";
import { lengthRatio } from "./length_ratio.ts";
import { rouge, rougeOfTokens } from "./rouge.ts";
import { tokenize } from "./tokenize.ts";
import { bleu } from "./bleu.ts";
import { chrf } from "./chrf.ts";
import { exactMatch } from "./exact_match.ts";

/** Which suite(s) to compute. */
export type SuiteChoice = "legacy" | "v2" | "all";

/** Options for {@linkcode scoreSample}. */
export interface ScoreSampleOptions {
  /** Suite(s) to compute. Default: `"all"`. */
  suite?: SuiteChoice;
  /** Also compute `chrf_pp` (chrF++, word order 2) in the v2 suite. Default: `false`. */
  chrfPlusPlus?: boolean;
}

/** The metric names {@linkcode scoreSample} returns for a choice of suite. */
export function suiteMetricNames(suite: SuiteChoice, chrfPlusPlus = false): string[] {
  const legacy = [
    "citation_accuracy",
    "hallucination_rate",
    "key_info",
    "length_ratio",
    "rouge1",
    "rouge2",
    "rougeL",
    "bleu",
  ];
  const v2 = [
    "rouge1_v2",
    "rouge2_v2",
    "rougeL_v2",
    "chrf",
    ...(chrfPlusPlus ? ["chrf_pp"] : []),
    "citation_accuracy_v2",
    "hallucination_rate_v2",
    "key_info_v2",
    "exact_match",
  ];
  switch (suite) {
    case "legacy":
      return legacy;
    case "v2":
      return v2;
    case "all":
      return [...legacy, ...v2];
    default:
      throw new RangeError(
        `Cannot score: unknown suite "${suite as string}" (expected legacy, v2 or all)`,
      );
  }
}

/**
 * Computes the metrics of a suite for one sample. Names and definitions are in
 * {@linkcode METRICS} (lib/metrics/registry.ts); `null` means "undefined for this sample" (v2
 * citation and key-info metrics when there is nothing to compare).
 *
 * @param sample At least the prediction and the reference.
 * @param options See {@linkcode ScoreSampleOptions}.
 * @returns Metric name → value.
 * @example
 * ```ts
 * import { scoreSample } from "./score_sample.ts";
 * import assert from "node:assert/strict";
 * const pair = { prediction: "Согласно статьям 12 и 14 ТК", reference: "статья 12 ТК" };
 * const s = scoreSample(pair, { suite: "v2" });
 * assert.equal(s.citation_accuracy_v2, 1); // ref {art:ТК:12}, pred {art:ТК:12, art:ТК:14}
 * assert.equal(s.hallucination_rate_v2, 0.5); // art:ТК:14 is not in the reference
 * // unicode tokens: pred 6 [согласно статьям 12 и 14 тк], ref 3 [статья 12 тк], shared {12, тк}
 * assert.equal(s.rouge1_v2, 2 * (2 / 6) * (2 / 3) / (2 / 6 + 2 / 3));
 * const legacy = scoreSample(pair, { suite: "legacy" });
 * assert.equal(legacy.citation_accuracy, 0); // the study's regex does not read "статьям 12"
 * ```
 */
export function scoreSample(
  sample: { prediction: string; reference: string },
  options: ScoreSampleOptions = {},
): Record<string, number | null> {
  const { suite = "all", chrfPlusPlus = false } = options;
  suiteMetricNames(suite); // validates `suite`
  const { prediction: p, reference: r } = sample;
  if (typeof p !== "string" || typeof r !== "string") {
    throw new TypeError(
      `Cannot score sample: prediction and reference must be strings, got ${typeof p} and ${typeof r}`,
    );
  }
  const out: Record<string, number | null> = {};
  if (suite === "legacy" || suite === "all") {
    const pc = legacyCitations(p);
    const rc = legacyCitations(r);
    const rg = rouge(p, r, { tokenizer: "rouge-ascii" });
    out.citation_accuracy = legacyAccuracyOf(pc, rc);
    out.hallucination_rate = legacyHallucinationOf(pc, rc);
    out.key_info = legacyKeyInfo(p, r);
    out.length_ratio = lengthRatio(p, r);
    out.rouge1 = rg.rouge1.f;
    out.rouge2 = rg.rouge2.f;
    out.rougeL = rg.rougeL.f;
    out.bleu = bleu(p, r);
  }
  if (suite === "v2" || suite === "all") {
    const pt = tokenize(p, { tokenizer: "unicode" });
    const rt = tokenize(r, { tokenizer: "unicode" });
    const rg = rougeOfTokens(pt, rt);
    const pc = citationIds(p);
    const rc = citationIds(r);
    out.rouge1_v2 = rg.rouge1.f;
    out.rouge2_v2 = rg.rouge2.f;
    out.rougeL_v2 = rg.rougeL.f;
    out.chrf = chrf(p, r);
    if (chrfPlusPlus) out.chrf_pp = chrf(p, r, { wordOrder: 2 });
    out.citation_accuracy_v2 = accuracyOf(pc, rc);
    out.hallucination_rate_v2 = hallucinationOf(pc, rc);
    out.key_info_v2 = keyInfoOfTokens(p, r, pt, rt).score;
    out.exact_match = exactMatch(p, r);
  }
  return out;
}
