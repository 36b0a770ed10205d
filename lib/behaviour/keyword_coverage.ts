/**
 * Keyword coverage: the share of a question's expected keywords that the answer contains.
 * Version `1.0.0`.
 * @module
 */

/** Version of the {@linkcode keywordCoverage} definition. */
export const KEYWORD_COVERAGE_VERSION = "1.0.0";

/** Lower case, NFC, ё as е, runs of whitespace as one space. */
function normal(text: string): string {
  return text.normalize("NFC").toLowerCase().replaceAll("ё", "е").replace(/\s+/gu, " ").trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The share of expected keywords found in an answer, from 0 to 1 (higher is better).
 *
 * Definition (version 1.0.0): answer and keywords are lower-cased, NFC-normalised, with ё read as
 * е and whitespace collapsed; a keyword is found when it occurs in the answer starting at a word
 * start (not after a letter or digit). It may end inside a word, so a stem matches its inflected
 * forms ("налогов" matches "налогового"), while "суд" does not match inside "государство"; a
 * keyword ending in a digit must not be followed by another ("178" does not match "1789"). Blank
 * and repeated keywords are ignored. Returns `null` when no keyword is given (the question has
 * none).
 *
 * @param answer The answer.
 * @param keywords The question's expected keywords.
 * @returns Found / distinct keywords, or `null`.
 * @example
 * ```ts
 * import { keywordCoverage } from "./keyword_coverage.ts";
 * import assert from "node:assert/strict";
 * // "налогов" and "65" are found, "суд" is not (only inside "государство").
 * assert.equal(keywordCoverage("Статья 65 Налогового кодекса; государство", ["налогов", "65", "суд"]), 2 / 3);
 * assert.equal(keywordCoverage("Салық кодексінің 65-бабы", ["САЛЫҚ КОДЕКСІ", "бап"]), 0.5);
 * assert.equal(keywordCoverage("Any answer", []), null);
 * ```
 */
export function keywordCoverage(
  answer: string,
  keywords: readonly string[] | null | undefined,
): number | null {
  const wanted = [...new Set((keywords ?? []).map(normal).filter((k) => k !== ""))];
  if (wanted.length === 0) return null;
  const text = normal(answer);
  let found = 0;
  for (const k of wanted) {
    const numberEnd = /\p{N}$/u.test(k) ? "(?!\\p{N})" : "";
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escape(k)}${numberEnd}`, "u").test(text)) found++;
  }
  return found / wanted.length;
}
