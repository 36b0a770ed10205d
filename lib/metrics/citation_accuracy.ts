/**
 * Citation accuracy: how many of the reference's legal citations the prediction reproduces.
 * @module
 */
import { legacyCitations } from "./legacy_citations.ts";
import { citationIds } from "./citations.ts";
import { accuracyOf, legacyAccuracyOf } from "./_citation_scores.ts";

/**
 * The study's citation accuracy: |C(pred) ∩ C(ref)| / |C(ref)| over {@linkcode legacyCitations},
 * and **1.0 when the reference has no extractable citation** (so every Kazakh reference, whose
 * `бап` forms the extractor cannot see, scores 1.0 whatever the answer says). Follows
 * `calculate_citation_accuracy` (commit 02a909e2ee8fca5901e526d752fa46b9871fe599).
 *
 * @example
 * ```ts
 * import { legacyCitationAccuracy } from "./citation_accuracy.ts";
 * import assert from "node:assert/strict";
 * // ref {ст.12, п.3}; pred {ст.12}: 1 of 2
 * assert.equal(legacyCitationAccuracy("См. статья 12", "статья 12, п. 3"), 0.5);
 * assert.equal(legacyCitationAccuracy("Что угодно", "Без ссылок"), 1);
 * ```
 */
export function legacyCitationAccuracy(prediction: string, reference: string): number {
  return legacyAccuracyOf(legacyCitations(prediction), legacyCitations(reference));
}

/**
 * Citation accuracy v2: the share of the reference's citations (articles and laws, Russian and
 * Kazakh forms, see {@linkcode citationIds}) that the prediction also cites, or `null` when the
 * reference cites nothing (there is nothing to be accurate about; averaging a default 1.0 in, as
 * the study did, inflates the mean). A reference citation counts as reproduced when a prediction
 * citation has the same kind and number and the same code, or one side does not name the code
 * ({@linkcode citationsMatch}).
 *
 * @example
 * ```ts
 * import { citationAccuracy } from "./citation_accuracy.ts";
 * import assert from "node:assert/strict";
 * // ref {art:НК:138, art:НК:139}; pred {art:НК:138}: 1 of 2
 * assert.equal(citationAccuracy("Салық кодексінің 138-бабы", "статьи 138 и 139 НК РК"), 0.5);
 * assert.equal(citationAccuracy("статья 5", "Без ссылок"), null);
 * ```
 */
export function citationAccuracy(prediction: string, reference: string): number | null {
  return accuracyOf(citationIds(prediction), citationIds(reference));
}
