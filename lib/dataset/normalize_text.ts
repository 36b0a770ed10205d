/**
 * The normalisation under which two dataset texts count as exact duplicates.
 * @module
 */

const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/gu;

/**
 * Normalises a text for duplicate detection: Unicode NFKC, lower case, `ё` as `е`, every run of
 * punctuation or symbols (Unicode categories P and S: `.,?!«»"()—№` ...) replaced by a space,
 * whitespace runs collapsed to one space, trimmed. Letters (Cyrillic, Kazakh, Latin) and digits
 * are kept, so `ст. 138` and `ст 138` are equal but `ст. 138` and `ст. 139` are not.
 *
 * @param text Any text.
 * @returns The normalised text.
 * @example
 * ```ts
 * import { normalizeText } from "./normalize_text.ts";
 * import assert from "node:assert/strict";
 * assert.equal(normalizeText("  Налог на ЁЛКУ — ст. 138?\u00a0"), "налог на елку ст 138");
 * assert.equal(normalizeText("ҚҰҚЫҚ «Әділет»"), "құқық әділет");
 * ```
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replaceAll("ё", "е").replace(PUNCT_OR_SYMBOL, " ")
    .replace(SPACES, " ").trim();
}
