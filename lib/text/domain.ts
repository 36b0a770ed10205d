/**
 * Legal-domain labels by keyword: the study's ten domains, as a primary label and as a
 * multi-label set.
 * @module
 */
import QUESTION_LABELS from "./question_labels.json" with { type: "json" };

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
 * Each keyword is a substring (a stem) looked for in the lower-cased text. They are read from
 * `question_labels.json`, the one declaration that `python/benchmark.py` reads too, so that the
 * labels written by Python and derived here cannot drift.
 *
 * Quirk kept on purpose: `НДС` and `ҚҚС` (tax) are upper case and so never match lower-cased
 * text; pass `{ foldKeywords: true }` to lower-case keywords too.
 */
export const DOMAIN_KEYWORDS: Readonly<Record<Domain, readonly string[]>> = domainKeywords();

function domainKeywords(): Record<Domain, readonly string[]> {
  const listed = QUESTION_LABELS.domains.map((d) => d.domain);
  if (listed.join() !== DOMAINS.join()) {
    throw new SyntaxError(
      `Cannot read "lib/text/question_labels.json": domains must be ${
        DOMAINS.join(", ")
      } in this order, got ${listed.join(", ")}`,
    );
  }
  return Object.fromEntries(
    QUESTION_LABELS.domains.map((d) => [d.domain, Object.freeze([...d.keywords])]),
  ) as Record<Domain, readonly string[]>;
}

/** Options for {@linkcode primaryDomain} and {@linkcode matchDomains}. */
export interface DomainOptions {
  /** Lower-case the keywords as well as the text (so `НДС`/`ҚҚС` can match). Default: `false` (the study's behaviour). */
  foldKeywords?: boolean;
  /** Keyword lists to use instead of {@linkcode DOMAIN_KEYWORDS}, tried in key order. Default: the study's. */
  keywords?: Readonly<Record<string, readonly string[]>>;
}

interface Matcher {
  re: RegExp;
  /** For each keyword, its domain and the domains of the other keywords it contains. */
  domainsOf: Map<string, string[]>;
  order: string[];
}

const matchers = new WeakMap<object, Map<boolean, Matcher>>();

/** One alternation of every keyword, so a text is scanned once instead of once per keyword. */
function matcher(keywords: Readonly<Record<string, readonly string[]>>, fold: boolean): Matcher {
  let byFold = matchers.get(keywords);
  if (!byFold) matchers.set(keywords, byFold = new Map());
  let m = byFold.get(fold);
  if (!m) {
    const domainOf = new Map<string, string>();
    for (const [domain, list] of Object.entries(keywords)) {
      for (const kw of list) {
        const k = fold ? kw.toLowerCase() : kw;
        if (k !== "" && !domainOf.has(k)) domainOf.set(k, domain);
      }
    }
    // Longest first, so that a keyword that contains another is still reported for its domain.
    const alternatives = [...domainOf.keys()].sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const domainsOf = new Map<string, string[]>();
    for (const [k, d] of domainOf) {
      const ds = new Set([d]);
      for (const [other, od] of domainOf) if (other !== k && k.includes(other)) ds.add(od);
      domainsOf.set(k, [...ds]);
    }
    m = {
      re: new RegExp(alternatives.length ? alternatives.join("|") : "(?!)", "g"),
      domainsOf,
      order: Object.keys(keywords),
    };
    byFold.set(fold, m);
  }
  return m;
}

function hits(text: string, options: DomainOptions): string[] {
  const { foldKeywords = false, keywords = DOMAIN_KEYWORDS } = options;
  const lower = text.toLowerCase();
  const { re, domainsOf, order } = matcher(keywords, foldKeywords);
  const found = new Set<string>();
  // Overlapping keywords of different domains must all count: after a match, retry from the next
  // character rather than after the match.
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    for (const d of domainsOf.get(m[0])!) found.add(d);
    if (found.size === order.length) break;
    re.lastIndex = m.index + 1;
  }
  return order.filter((d) => found.has(d));
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
