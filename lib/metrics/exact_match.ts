/**
 * Normalised exact match: whether the answer is, after a light normalisation, the reference.
 * @module
 */

const PUNCTUATION = /\p{P}/gu;
const WHITESPACE = /\s+/gu;

/**
 * The normalisation of {@linkcode exactMatch}, in this order:
 *
 * 1. Unicode NFC (a letter typed as base + combining mark equals its precomposed form);
 * 2. lower-case (`String.prototype.toLowerCase`, locale-independent: `І` → `і`, `Ә` → `ә`);
 * 3. every punctuation character (Unicode general category P: `.,;:!?«»"()[]-–—/'…`, and also
 *    `%` and `§`, which Unicode counts as punctuation) becomes a space; symbols (category S:
 *    `№ + = $ ₸`), letters and digits are kept, so "12%" and "12" match;
 * 4. every run of whitespace (`\s`, Unicode) becomes one space, and the ends are trimmed.
 *
 * Nothing else is changed: `ё` and `е` differ, word order matters, no stemming, no article
 * removal (SQuAD's English-specific step has no Russian or Kazakh equivalent).
 *
 * @example
 * ```ts
 * import { normalizeForExactMatch } from "./exact_match.ts";
 * import assert from "node:assert/strict";
 * assert.equal(normalizeForExactMatch("  Статья 12-1,  ГК РК. "), "статья 12 1 гк рк");
 * assert.equal(normalizeForExactMatch("«Иә», №5"), "иә №5");
 * assert.equal(normalizeForExactMatch("12%"), "12");
 * ```
 */
export function normalizeForExactMatch(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(PUNCTUATION, " ").replace(WHITESPACE, " ")
    .trim();
}

/**
 * Normalised exact match (`exact_match` in the v2 suite, version 2.0.0): 1 when prediction and
 * reference are equal after {@linkcode normalizeForExactMatch}, else 0; `null` when the
 * reference normalises to the empty string (nothing to match). The mean over samples is the share
 * of answers that reproduce the reference. It suits short answers; on long free-text legal
 * answers it is almost always 0 and says little.
 *
 * @param prediction The model's answer.
 * @param reference The reference answer.
 * @returns 1, 0 or null.
 * @example
 * ```ts
 * import { exactMatch } from "./exact_match.ts";
 * import assert from "node:assert/strict";
 * assert.equal(exactMatch("Три года.", "три  года"), 1);
 * assert.equal(exactMatch("Үш жыл", "Үш жыл бойы"), 0);
 * assert.equal(exactMatch("что-то", " — "), null);
 * ```
 */
export function exactMatch(prediction: string, reference: string): number | null {
  const ref = normalizeForExactMatch(reference);
  if (ref === "") return null;
  return normalizeForExactMatch(prediction) === ref ? 1 : 0;
}
