/**
 * Legal-domain labels by keyword: the study's ten domains, as a primary label and as a
 * multi-label set.
 * @module
 */

/** The study's ten legal domains, in the order the study tries them. */
export const DOMAINS = [
  "criminal",
  "civil",
  "administrative",
  "labor",
  "tax",
  "family",
  "land",
  "housing",
  "business",
  "constitutional",
] as const;

/** One of the study's domains. */
export type Domain = (typeof DOMAINS)[number];

/** A domain label: a domain, or `other` when no keyword matched. */
export type DomainLabel = Domain | "other";

/**
 * The study's keyword lists, verbatim, in its order (`DOMAIN_KEYWORDS` in the study's
 * `benchmark.py`, nurkal022/fine_tune_qwen3, commit 02a909e2ee8fca5901e526d752fa46b9871fe599).
 * Each keyword is a substring (a stem) looked for in the lower-cased text.
 *
 * Quirk kept on purpose: `НДС` and `ҚҚС` (tax) are upper case and so never match lower-cased
 * text; pass `{ foldKeywords: true }` to lower-case keywords too.
 */
export const DOMAIN_KEYWORDS: Readonly<Record<Domain, readonly string[]>> = {
  criminal: ["уголовн", "преступлен", "наказан", "қылмыс"],
  civil: ["гражданск", "договор", "сделк", "азаматтық"],
  administrative: ["административн", "штраф", "правонарушен", "әкімшілік"],
  labor: ["трудов", "работник", "работодател", "еңбек"],
  tax: ["налог", "салық", "НДС", "ҚҚС"],
  family: ["семейн", "брак", "развод", "отбасы", "некелес"],
  land: ["земельн", "участок", "жер"],
  housing: ["жилищн", "квартир", "тұрғын"],
  business: ["предприниматель", "компани", "юридическ", "кәсіпкер"],
  constitutional: ["конституц", "основн", "негізгі"],
};

/** Options for {@linkcode primaryDomain} and {@linkcode matchDomains}. */
export interface DomainOptions {
  /** Lower-case the keywords as well as the text (so `НДС`/`ҚҚС` can match). Default: `false` (the study's behaviour). */
  foldKeywords?: boolean;
  /** Keyword lists to use instead of {@linkcode DOMAIN_KEYWORDS}, tried in key order. Default: the study's. */
  keywords?: Readonly<Record<string, readonly string[]>>;
}

function hits(text: string, options: DomainOptions): string[] {
  const { foldKeywords = false, keywords = DOMAIN_KEYWORDS } = options;
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (const [domain, list] of Object.entries(keywords)) {
    if (list.some((kw) => lower.includes(foldKeywords ? kw.toLowerCase() : kw))) out.push(domain);
  }
  return out;
}

/**
 * The study's domain rule: the first domain (in {@linkcode DOMAINS} order) one of whose keywords
 * occurs in the lower-cased text, else `other`. It follows `classify_domain` in the study's
 * `benchmark.py` (commit 02a909e2ee8fca5901e526d752fa46b9871fe599); the study applied it to
 * `` `${instruction} ${input} ${reference}` ``.
 *
 * Keywords are bare substrings, so `жер` also matches inside words (e.g. `жерде`), and `основн`
 * makes any text with "основной" constitutional: the label is a rough topic tag, not a legal
 * classification.
 *
 * @param text Any text.
 * @param options See {@linkcode DomainOptions}.
 * @returns The first matching domain or `"other"`.
 * @example
 * ```ts
 * import { primaryDomain } from "./domain.ts";
 * import assert from "node:assert/strict";
 * // "трудов" (labor) and "налог" (tax) both match; labor comes first in the study's order
 * assert.equal(primaryDomain("Налог с трудового дохода"), "labor");
 * assert.equal(primaryDomain("Что такое НДС?"), "other");
 * assert.equal(primaryDomain("Что такое НДС?", { foldKeywords: true }), "tax");
 * ```
 */
export function primaryDomain(text: string, options: DomainOptions = {}): DomainLabel {
  return (hits(text, options)[0] ?? "other") as DomainLabel;
}

/**
 * Every domain whose keywords occur in the text (multi-label), in {@linkcode DOMAINS} order; an
 * empty array when none does. The first element, when present, is {@linkcode primaryDomain}.
 *
 * @param text Any text.
 * @param options See {@linkcode DomainOptions}.
 * @example
 * ```ts
 * import { matchDomains } from "./domain.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(matchDomains("Налог с трудового дохода"), ["labor", "tax"]);
 * assert.deepEqual(matchDomains("Погода"), []);
 * ```
 */
export function matchDomains(text: string, options: DomainOptions = {}): Domain[] {
  return hits(text, options) as Domain[];
}
