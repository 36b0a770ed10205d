/**
 * Language labels for the Russian/Kazakh legal QA set: the study's legacy rule and a better,
 * proportion-based rule with a `mixed` class.
 * @module
 */
import QUESTION_LABELS from "./question_labels.json" with { type: "json" };

/** A language label. `none`: the text has no Cyrillic letter to judge by. */
export type Language = "kz" | "ru" | "mixed" | "none";

/**
 * The letters that the study's rule looks for: the Kazakh-specific Cyrillic letters
 * ә ғ қ ң ө ү ұ і in both cases. (The study's list leaves out һ, which is also Kazakh-specific;
 * the legacy rule keeps that omission.) Read from `question_labels.json`, which
 * `python/benchmark.py` reads too.
 */
export const LEGACY_KAZAKH_LETTERS: string = QUESTION_LABELS.legacy_kazakh_letters;

/** The nine Kazakh-specific Cyrillic letters (with һ), lower case; {@linkcode detectLanguage} uses these. */
export const KAZAKH_LETTERS = "әғқңөұүһі";

// One character class: V8's regex engine scans far faster than a per-character Set lookup.
const LEGACY_RE = new RegExp(`[${LEGACY_KAZAKH_LETTERS}]`);

/**
 * The study's language rule: `kz` when the text contains any of ә ғ қ ң ө ү ұ і (either case),
 * else `ru`. The study applied it to `` `${instruction} ${input} ${reference}` ``
 * (see {@linkcode legacyClassificationText}); it follows `detect_language` in the study's
 * `benchmark.py` (nurkal022/fine_tune_qwen3, commit 02a909e2ee8fca5901e526d752fa46b9871fe599).
 *
 * A single Kazakh letter anywhere makes a Russian text `kz`, and a text with no Cyrillic at all is
 * `ru`; {@linkcode detectLanguage} fixes both.
 *
 * @param text Any text.
 * @returns `"kz"` or `"ru"`.
 * @example
 * ```ts
 * import { legacyLanguage } from "./language.ts";
 * import assert from "node:assert/strict";
 * assert.equal(legacyLanguage("Салық кодексі"), "kz");
 * assert.equal(legacyLanguage("Налоговый кодекс"), "ru");
 * assert.equal(legacyLanguage("Tax code"), "ru");
 * ```
 */
export function legacyLanguage(text: string): "kz" | "ru" {
  return LEGACY_RE.test(text) ? "kz" : "ru";
}

/** The text the study classified a sample by (language and domain): instruction, input and reference joined by spaces. */
export function legacyClassificationText(
  sample: { instruction: string; input?: string | null; reference: string },
): string {
  return `${sample.instruction} ${sample.input ?? ""} ${sample.reference}`;
}

/** Options for {@linkcode detectLanguage}. */
export interface DetectLanguageOptions {
  /** A share of Kazakh-specific letters at or above this is `kz`. Default: `0.03`. */
  kzMin?: number;
  /** A share at or below this is `ru`; between `ruMax` and `kzMin` is `mixed`. Default: `0.005`. */
  ruMax?: number;
  /** Fewer Cyrillic letters than this gives `none`. Default: `1`. */
  minLetters?: number;
}

/** Default thresholds of {@linkcode detectLanguage}. */
export const DETECT_LANGUAGE_DEFAULTS: Readonly<Required<DetectLanguageOptions>> = {
  kzMin: 0.03,
  ruMax: 0.005,
  minLetters: 1,
};

/** Counts of the letters {@linkcode detectLanguage} judges by. */
export interface LetterCounts {
  /** Cyrillic letters (Unicode script Cyrillic, category L). */
  cyrillic: number;
  /** Of those, Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і, either case). */
  kazakh: number;
}

const CYRILLIC_LETTER = /[\p{Script=Cyrillic}&&\p{L}]/v;
const KAZAKH_SET = new Set(KAZAKH_LETTERS + KAZAKH_LETTERS.toUpperCase());

// Lookup table for the basic Cyrillic block U+0400..U+04FF, which holds every letter of both
// alphabets: 0 = not a letter, 1 = Cyrillic letter, 2 = Kazakh-specific letter.
const BLOCK = new Uint8Array(0x100);
for (let code = 0x0400; code <= 0x04ff; code++) {
  const c = String.fromCharCode(code);
  if (CYRILLIC_LETTER.test(c)) BLOCK[code - 0x0400] = KAZAKH_SET.has(c) ? 2 : 1;
}

/** Counts Cyrillic letters and, among them, Kazakh-specific ones. */
export function countLetters(text: string): LetterCounts {
  let cyrillic = 0;
  let kazakh = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit >= 0x0400 && unit <= 0x04ff) {
      const kind = BLOCK[unit - 0x0400];
      if (kind !== 0) cyrillic++;
      if (kind === 2) kazakh++;
      continue;
    }
    // Rare: other Cyrillic blocks (supplement, extended A-D), possibly outside the BMP.
    const code = text.codePointAt(i)!;
    const c = String.fromCodePoint(code);
    if (code > 0xffff) i++;
    if (CYRILLIC_LETTER.test(c)) cyrillic++;
  }
  return { cyrillic, kazakh };
}

/**
 * Labels a text `kz`, `ru`, `mixed` or `none` by the share of Kazakh-specific letters
 * (ә ғ қ ң ө ұ ү һ і) among its Cyrillic letters.
 *
 * Thresholds (defaults): share >= 0.03 is `kz`, share <= 0.005 is `ru`, anything between is
 * `mixed`, and a text with no Cyrillic letter is `none`. Why these: in the shared study files every
 * Kazakh instruction or reference with Kazakh letters has a share between 0.05 and 0.35 (median
 * about 0.16), and every Russian one has 0. A Russian text that quotes one Kazakh word (say
 * "Қазақстан" in 500 letters, share 0.002) stays `ru`; a Russian text with a Kazakh sentence or a
 * Kazakh text that is mostly Russian quotation falls in between and is `mixed`.
 *
 * @param text Any text.
 * @param options Thresholds; see {@linkcode DetectLanguageOptions}.
 * @example
 * ```ts
 * import { detectLanguage } from "./language.ts";
 * import assert from "node:assert/strict";
 * // 5 Kazakh letters (қ, і, і, і, қ) of 30 Cyrillic letters: 0.167 >= 0.03
 * assert.equal(detectLanguage("Салық кодексінің 12-бабы қолданылады"), "kz");
 * assert.equal(detectLanguage("Статья 12 Налогового кодекса"), "ru");
 * // 1 Kazakh letter (қ) among 80 Cyrillic letters: 0.0125, between 0.005 and 0.03
 * assert.equal(detectLanguage("Согласно налоговому законодательству (салық) ставка налога составляет двенадцать процентов"), "mixed");
 * assert.equal(detectLanguage("Article 12"), "none");
 * ```
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): Language {
  return languageFromCounts(countLetters(text), options);
}

/**
 * The label {@linkcode detectLanguage} gives a text with these letter counts: its threshold rule on
 * its own, for callers that count letters themselves (the dataset loader counts them in the same
 * pass as words). `detectLanguage(text, options)` is `languageFromCounts(countLetters(text), options)`.
 *
 * @param counts Cyrillic and Kazakh-specific letter counts, as {@linkcode countLetters} gives them.
 * @param options Thresholds; see {@linkcode DetectLanguageOptions}.
 * @example
 * ```ts
 * import { languageFromCounts } from "./language.ts";
 * import assert from "node:assert/strict";
 * assert.equal(languageFromCounts({ cyrillic: 30, kazakh: 5 }), "kz");
 * assert.equal(languageFromCounts({ cyrillic: 80, kazakh: 1 }), "mixed");
 * assert.equal(languageFromCounts({ cyrillic: 0, kazakh: 0 }), "none");
 * ```
 */
export function languageFromCounts(
  counts: LetterCounts,
  options: DetectLanguageOptions = {},
): Language {
  const { kzMin, ruMax, minLetters } = { ...DETECT_LANGUAGE_DEFAULTS, ...options };
  if (!(ruMax <= kzMin)) {
    throw new RangeError(
      `Cannot detect language: ruMax (${ruMax}) must not exceed kzMin (${kzMin})`,
    );
  }
  const { cyrillic, kazakh } = counts;
  if (cyrillic === 0 || cyrillic < minLetters) return "none";
  const share = kazakh / cyrillic;
  if (share >= kzMin) return "kz";
  if (share <= ruMax) return "ru";
  return "mixed";
}
