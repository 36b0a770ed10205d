/**
 * The language an answer (or a question) is written in: Russian, Kazakh, English, another
 * language, or a mix. Version `1.0.0`.
 * @module
 */
import { countLetters, languageFromCounts } from "../text/language.ts";

/** An answer's language. `other`: neither Cyrillic nor English (or no letters at all). */
export type AnswerLanguage = "ru" | "kz" | "en" | "other" | "mixed";

/** Version of the {@linkcode answerLanguage} definition. */
export const ANSWER_LANGUAGE_VERSION = "1.0.0";

/** Options for {@linkcode answerLanguage}. */
export interface AnswerLanguageOptions {
  /** Share of a text's letters one script must reach to decide its language. Default: `0.8`. */
  dominant?: number;
  /**
   * Share of Latin-script words that must be common English words (`the`, `and`, `of`, `to`,
   * ...) for Latin text to count as English. Default: `0.05`.
   */
  englishWords?: number;
}

/** Defaults of {@linkcode AnswerLanguageOptions}. */
export const ANSWER_LANGUAGE_DEFAULTS: Readonly<Required<AnswerLanguageOptions>> = {
  dominant: 0.8,
  englishWords: 0.05,
};

/** Common English words; Latin text where they are rare is another language. */
const ENGLISH = new Set(
  ("the and of to in is are was were be been that this it for on with as by at or not from " +
    "an a i you we he she they do does can will would should have has had which what who " +
    "there their about if but so let need answer question user law")
    .split(" "),
);

/** Russian function words, for telling a Russian from a Kazakh text with few Kazakh letters. */
const RUSSIAN_WORDS = new Set(
  ("и в во на не что с со по для это как или от к ко о об из за при если то также а но же его " +
    "ее её их был была было были будет может этого этом который которая которые")
    .split(" "),
);

/** Kazakh function words (several have no Kazakh-specific letter: деп, ол, егер, мен). */
const KAZAKH_WORDS = new Set(
  ("және мен деп бұл ол осы сол үшін бойынша сәйкес егер болса болып болады емес немесе ғана " +
    "тиіс жоқ бар қажет туралы арқылы кейін дейін бірақ сондай-ақ оның олар")
    .split(" "),
);

/** Russian and Kazakh function words in a text. */
function functionWords(text: string): { ru: number; kz: number } {
  let ru = 0;
  let kz = 0;
  for (const w of text.toLowerCase().match(/[\p{Script=Cyrillic}-]+/gu) ?? []) {
    if (RUSSIAN_WORDS.has(w)) ru++;
    if (KAZAKH_WORDS.has(w)) kz++;
  }
  return { ru, kz };
}

const LATIN_LETTER = /[\p{Script=Latin}&&\p{L}]/v;
const LETTER = /\p{L}/u;

/** Letters of a text by script: Cyrillic (and of those Kazakh-specific), Latin, others. */
export interface ScriptCounts {
  cyrillic: number;
  kazakh: number;
  latin: number;
  other: number;
}

/** Counts letters by script (see {@linkcode ScriptCounts}). */
export function countScripts(text: string): ScriptCounts {
  const { cyrillic, kazakh } = countLetters(text);
  let latin = 0;
  let letters = 0;
  for (const c of text) {
    if (c < "\u0080") {
      if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) {
        latin++;
        letters++;
      }
      continue;
    }
    if (!LETTER.test(c)) continue;
    letters++;
    if (LATIN_LETTER.test(c)) latin++;
  }
  return { cyrillic, kazakh, latin, other: letters - cyrillic - latin };
}

/**
 * Labels a text `ru`, `kz`, `en`, `other` or `mixed`.
 *
 * Definition (version 1.0.0): letters are counted by script. When Cyrillic letters are at least
 * `dominant` (0.8) of all letters, the text is `kz`, `ru` or `mixed` by the share of
 * Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і) among them, with the thresholds of
 * `detectLanguage()` in lib/text (>= 0.03 `kz`, <= 0.005 `ru`); between the two it is `kz` when
 * the text has Kazakh function words (`және`, `деп`, `ол`, `егер`, ...) and no Russian ones (`и`,
 * `в`, `что`, ...), `ru` in the opposite case, else `mixed` (a Kazakh sentence such as "Егер шартта
 * лизинг элементтері болмаса, ол жалдау деп танылады." has one Kazakh letter in 53). When Latin
 * letters are at least 0.8 of all letters, the text is `en` if at least 5% of its Latin words are
 * common English function words, else `other`. When other letters (Chinese, ...) are at least 0.8,
 * or the text has no letter at all, it is `other`. Anything else (say an English reasoning trace
 * followed by a Russian answer) is `mixed`.
 *
 * @param text An answer or a question.
 * @param options Thresholds; see {@linkcode AnswerLanguageOptions}.
 * @returns The label.
 * @example
 * ```ts
 * import { answerLanguage } from "./answer_language.ts";
 * import assert from "node:assert/strict";
 * assert.equal(answerLanguage("Согласно статье 65 Налогового кодекса, срок составляет 3 года."), "ru");
 * assert.equal(answerLanguage("Салық кодексінің 65-бабына сәйкес мерзім 3 жыл."), "kz");
 * assert.equal(answerLanguage("Okay, let's tackle this question about the Tax Code."), "en");
 * assert.equal(answerLanguage("Okay, the user asks about tax.\n</think>\n\nСрок исковой давности составляет три года."), "mixed");
 * assert.equal(answerLanguage("### ###"), "other");
 * // 1 Kazakh letter (і) in 53 Cyrillic letters (0.019), Kazakh function words егер, ол, деп:
 * assert.equal(answerLanguage("Егер шартта лизинг элементтері болмаса, ол жалдау деп танылады."), "kz");
 * ```
 */
export function answerLanguage(text: string, options: AnswerLanguageOptions = {}): AnswerLanguage {
  const { dominant, englishWords } = { ...ANSWER_LANGUAGE_DEFAULTS, ...options };
  if (!(dominant > 0.5 && dominant <= 1)) {
    throw new RangeError(`answerLanguage(): dominant must be in (0.5, 1], got ${dominant}`);
  }
  const s = countScripts(text);
  const letters = s.cyrillic + s.latin + s.other;
  if (letters === 0) return "other";
  if (s.cyrillic >= dominant * letters) {
    const label = languageFromCounts({ cyrillic: s.cyrillic, kazakh: s.kazakh });
    if (label !== "mixed") return label === "none" ? "other" : label;
    // Between the thresholds: function words of only one of the two languages decide.
    const words = functionWords(text);
    if (words.kz > 0 && words.ru === 0) return "kz";
    if (words.ru > 0 && words.kz === 0) return "ru";
    return "mixed";
  }
  if (s.latin >= dominant * letters) {
    const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
    const common = words.filter((w) => ENGLISH.has(w)).length;
    return words.length > 0 && common >= englishWords * words.length ? "en" : "other";
  }
  if (s.other >= dominant * letters) return "other";
  return "mixed";
}

/**
 * The language of a sample's question: {@linkcode answerLanguage} of its instruction and input
 * together (the study's instruction is often the generic "Ответь на вопрос по казахстанскому
 * законодательству." with the question itself in the input).
 *
 * @example
 * ```ts
 * import { questionLanguage } from "./answer_language.ts";
 * import assert from "node:assert/strict";
 * assert.equal(questionLanguage({ instruction: "Ответь на вопрос по казахстанскому законодательству.", input: "Салық кодексінің 12-бабы нені реттейді?" }), "kz");
 * assert.equal(questionLanguage({ instruction: "Что такое ИПН?", input: "" }), "ru");
 * ```
 */
export function questionLanguage(
  sample: { instruction: string; input?: string | null },
  options: AnswerLanguageOptions = {},
): AnswerLanguage {
  return answerLanguage(`${sample.instruction}\n${sample.input ?? ""}`, options);
}
