/**
 * Hallucination rate: how many of the prediction's legal citations the reference does not have.
 * @module
 */
import { legacyCitations } from "./legacy_citations.ts";
import { citationIds } from "./citations.ts";
import { hallucinationOf, legacyHallucinationOf } from "./_citation_scores.ts";

/**
 * The study's hallucination rate: |C(pred) ∖ C(ref)| / |C(pred)| over
 * {@linkcode legacyCitations}, and **0.0 when the prediction has no extractable citation**.
 * Follows `calculate_hallucination_rate` (commit 02a909e2ee8fca5901e526d752fa46b9871fe599). It
 * measures disagreement with the reference, not falsehood: a correct article that the reference
 * happens not to cite counts as a hallucination.
 *
 * @example
 * ```ts
 * import { legacyHallucinationRate } from "./hallucination_rate.ts";
 * import assert from "node:assert/strict";
 * // pred {ст.12, ст.99}, ref {ст.12}: 1 of 2 not in the reference
 * assert.equal(legacyHallucinationRate("статья 12 и статья 99", "статья 12"), 0.5);
 * assert.equal(legacyHallucinationRate("Без ссылок", "статья 12"), 0);
 * ```
 */
export function legacyHallucinationRate(prediction: string, reference: string): number {
  return legacyHallucinationOf(legacyCitations(prediction), legacyCitations(reference));
}

/**
 * Hallucination rate v2: the share of the prediction's citations (articles and laws, Russian and
 * Kazakh forms, see {@linkcode citationIds}) that match no reference citation
 * ({@linkcode citationsMatch}), or `null` when the prediction cites nothing. As with the legacy
 * rate it measures unsupported-by-the-reference, not false.
 *
 * @example
 * ```ts
 * import { hallucinationRate } from "./hallucination_rate.ts";
 * import assert from "node:assert/strict";
 * // pred {art:ТК:12, art:ТК:99}, ref {art:12}: art:ТК:12 matches (the reference names no code)
 * assert.equal(hallucinationRate("статьи 12 и 99 ТК РК", "статья 12"), 0.5);
 * assert.equal(hallucinationRate("Без ссылок", "статья 12"), null);
 * ```
 */
export function hallucinationRate(prediction: string, reference: string): number | null {
  return hallucinationOf(citationIds(prediction), citationIds(reference));
}
