/**
 * Refusals: answers that decline to answer, say they cannot or do not know, or that there is no
 * information, in Russian, Kazakh or English. Version `1.0.0`.
 * @module
 */
import { stripReasoningTrace } from "./reasoning_trace.ts";

/** Version of the {@linkcode isRefusal} definition. */
export const REFUSAL_VERSION = "1.0.0";

/** Options for {@linkcode isRefusal}. */
export interface RefusalOptions {
  /** A refusal phrase counts when it starts within this many characters. Default: `300`. */
  window?: number;
}

/** Defaults of {@linkcode RefusalOptions}. */
export const REFUSAL_DEFAULTS: Readonly<Required<RefusalOptions>> = { window: 300 };

const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

/**
 * Refusal phrases. First-person forms only ("не могу", not "не могут"; "бере алмаймын"), so
 * that legal text stating what a party cannot do does not match.
 */
export const REFUSAL_PHRASES: readonly RegExp[] = [
  // Russian
  new RegExp(
    `${B}(?:я )?не могу(?: вам)? (?:дать|предоставить|ответить|помочь|давать|оказать|консультировать|сказать|определить|точно)${E}`,
    "iu",
  ),
  new RegExp(`${B}не являюсь (?:юристом|адвокатом|специалистом)`, "iu"),
  new RegExp(`${B}(?:я )?не располагаю (?:информацией|данными|сведениями)`, "iu"),
  new RegExp(`(?:^|[.!?]\\s+)(?:у меня )?нет (?:информации|данных|сведений|доступа)${E}`, "iu"),
  new RegExp(
    `(?:^|[.!?]\\s+)(?:(?:в|у) (?:вопросе|меня) )?недостаточно (?:информации|данных|сведений|контекста)`,
    "iu",
  ),
  new RegExp(`${B}(?:я )?не имею (?:доступа|возможности|информации|данных)`, "iu"),
  new RegExp(`${B}я не знаю${E}`, "iu"),
  new RegExp(
    `^\\s*(?:к сожалению|извините|прошу прощения)[,!.]?\\s+(?:я|но|у меня|не|нет)${E}`,
    "iu",
  ),
  // Kazakh
  new RegExp(`${B}(?:жауап|кеңес|ақпарат|түсініктеме) бере алмаймын`, "iu"),
  new RegExp(`${B}(?:көмектесе|айта|анықтай) алмаймын`, "iu"),
  new RegExp(`${B}(?:білмеймін|мен заңгер емеспін)`, "iu"),
  new RegExp(
    `${B}(?:ақпарат(?:ым)?|мәлімет(?:тер)?|деректер) (?:жоқ|жеткіліксіз)(?=\\s*(?:[.!]|$))`,
    "iu",
  ),
  new RegExp(`^\\s*(?:өкінішке (?:орай|қарай)|кешіріңіз)[,!.]?\\s`, "iu"),
  // English
  /(?<![a-z])i (?:cannot|can't|can not|am unable to|'m unable to|am not able to|'m not able to) (?:provide|give|answer|help|offer|assist|say|determine)/i,
  /(?<![a-z])i (?:don't|do not) (?:know|have (?:access|information|enough))/i,
  /(?<![a-z])(?:i'm|i am) (?:sorry|not a lawyer|not able)/i,
  /(?<![a-z])as an ai(?![a-z])/i,
  /(?<![a-z])(?:there is )?no information (?:is )?(?:available|about|on|regarding)/i,
];

/**
 * Whether an answer is a refusal.
 *
 * Definition (version 1.0.0): after removing a reasoning trace (`stripReasoningTrace()`), one of
 * {@linkcode REFUSAL_PHRASES} starts within the first `window` (300) characters: the answer
 * declines ("не могу дать консультацию", "жауап бере алмаймын", "I cannot provide"), says it does
 * not know or has no information ("Нет информации о...", "ақпарат жоқ", "I don't know"), or opens
 * with an apology that leads into one ("К сожалению, я...", "Өкінішке орай, ..."). Pointing to a
 * lawyer after answering is not a refusal. An answer that refuses and then answers anyway still
 * counts: it opens with a refusal.
 *
 * @param text An answer.
 * @param options The window; see {@linkcode RefusalOptions}.
 * @returns `true` for a refusal.
 * @example
 * ```ts
 * import { isRefusal } from "./refusal.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isRefusal("К сожалению, я не являюсь юристом и не могу давать правовые консультации."), true);
 * assert.equal(isRefusal("Кешіріңіз, бұл сұраққа жауап бере алмаймын."), true);
 * assert.equal(isRefusal("I cannot provide legal advice."), true);
 * assert.equal(isRefusal("Работники не могут быть уволены в период отпуска (ст. 52 ТК РК)."), false);
 * ```
 */
export function isRefusal(text: string, options: RefusalOptions = {}): boolean {
  const { window } = { ...REFUSAL_DEFAULTS, ...options };
  const head = stripReasoningTrace(text).text.slice(0, window + 80);
  for (const re of REFUSAL_PHRASES) {
    const m = re.exec(head);
    if (m && m.index <= window) return true;
  }
  return false;
}
