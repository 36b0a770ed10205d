/**
 * Key information overlap: numbers and legal terms of the reference that the answer repeats.
 * @module
 */
import { tokenize } from "./tokenize.ts";
import { digitRuns } from "../text/_python_str.ts";

/** The study's 18 Russian legal terms, verbatim (substrings of the lower-cased texts). */
export const LEGACY_KEY_TERMS: readonly string[] = [
  "статья",
  "закон",
  "кодекс",
  "право",
  "обязанность",
  "договор",
  "срок",
  "штраф",
  "суд",
  "иск",
  "заявление",
  "документ",
  "лицо",
  "гражданин",
  "организация",
  "государство",
  "орган",
  "решение",
];

/**
 * The study's key-information score (`calculate_key_info`, `benchmark.py`, commit
 * 02a909e2ee8fca5901e526d752fa46b9871fe599): the mean of
 * - number overlap: |N(pred) ∩ N(ref)| / |N(ref)| over the sets of digit runs (`\d+`, Unicode
 *   digits), 1.0 when the reference has no number; and
 * - term overlap: of the {@linkcode LEGACY_KEY_TERMS} that occur (as substrings) in the
 *   lower-cased reference, the share that also occur in the lower-cased prediction, 1.0 when none
 *   occurs.
 *
 * Substring matching means `суд` also matches `посуда` and `иск` matches `риск`; `статья` does not
 * match `статьи`. Kazakh references rarely contain any term, so their term part defaults to 1.0.
 *
 * @example
 * ```ts
 * import { legacyKeyInfo } from "./key_info.ts";
 * import assert from "node:assert/strict";
 * // numbers: ref {3, 2024}, pred {3} -> 1/2; terms: ref {срок, иск}, pred {срок} -> 1/2
 * assert.equal(legacyKeyInfo("Срок 3 года", "Срок иска 3 года с 2024"), 0.5);
 * // ref has no number and no term: (1 + 1) / 2
 * assert.equal(legacyKeyInfo("что угодно", "Жауап"), 1);
 * ```
 */
export function legacyKeyInfo(prediction: string, reference: string): number {
  const refNumbers = new Set(digitRuns(reference));
  const predNumbers = new Set(digitRuns(prediction));
  let common = 0;
  for (const n of refNumbers) if (predNumbers.has(n)) common++;
  const numberOverlap = refNumbers.size > 0 ? common / refNumbers.size : 1.0;
  const refLower = reference.toLowerCase();
  const predLower = prediction.toLowerCase();
  const refTerms = LEGACY_KEY_TERMS.filter((t) => refLower.includes(t));
  const termOverlap = refTerms.length > 0
    ? refTerms.filter((t) => predLower.includes(t)).length / refTerms.length
    : 1.0;
  return (numberOverlap + termOverlap) / 2;
}

/** A legal concept of {@linkcode KEY_TERMS_V2}: word patterns in Russian and Kazakh. */
export interface KeyTerm {
  /** Concept id (English). */
  id: string;
  /** Russian word patterns: `stem*` matches any word starting with `stem`, a bare word matches that word only. */
  ru: readonly string[];
  /** Kazakh word patterns, same syntax. */
  kz: readonly string[];
}

/**
 * The v2 legal concepts: the study's 18 Russian terms (as word-initial stems so that inflected
 * forms count: `стать*` for статья/статьи/статью) with their Kazakh equivalents beside them, plus
 * a few concepts frequent in Kazakh-law answers (liability, penalty, tax, employer/employee,
 * property, registration). A concept counts as present when any of its Russian or Kazakh patterns
 * matches a word, so a Russian answer to a Kazakh reference is credited for the same concept.
 *
 * Words are the `unicode` tokens of {@linkcode tokenize} (lower-cased NFC letter/digit runs).
 * Short or ambiguous stems are listed as whole word forms instead (суд/суда/…, not `суд*`, which
 * would match "судно"; Kazakh сот/сотқа/…, not `сот*`, which would match Russian "сотрудник").
 * Employer is `беруші*` (from "жұмыс беруші"): one word per pattern. Known looseness: `шарт*` is
 * also "condition", `талап*` also "requirement", `жаза*` also "to write".
 */
export const KEY_TERMS_V2: readonly KeyTerm[] = [
  { id: "article", ru: ["стать*", "статей"], kz: ["бап*", "бабы*"] },
  { id: "law", ru: ["закон*"], kz: ["заң*"] },
  { id: "code", ru: ["кодекс*"], kz: [] },
  { id: "right", ru: ["право", "права", "правом", "праве", "прав"], kz: ["құқ*"] },
  { id: "obligation", ru: ["обязанност*", "обязан*"], kz: ["міндет*"] },
  { id: "contract", ru: ["договор*"], kz: ["шарт*"] },
  { id: "term", ru: ["срок*"], kz: ["мерзім*"] },
  { id: "fine", ru: ["штраф*"], kz: ["айыппұл*"] },
  {
    id: "court",
    ru: [
      "суд",
      "суда",
      "суду",
      "судом",
      "суде",
      "суды",
      "судов",
      "судам",
      "судами",
      "судах",
      "судебн*",
      "судь*",
    ],
    kz: [
      "сот",
      "сотқа",
      "сотта",
      "соттан",
      "соттың",
      "сотпен",
      "соттар*",
      "сотты",
      "соты*",
      "сотын*",
      "соттық",
    ],
  },
  { id: "claim", ru: ["иск*"], kz: ["талап*"] },
  { id: "application", ru: ["заявлени*"], kz: ["өтініш*"] },
  { id: "document", ru: ["документ*"], kz: ["құжат*"] },
  {
    id: "person",
    ru: ["лицо", "лица", "лицу", "лицом", "лице", "лицам", "лицами", "лицах"],
    kz: ["тұлға*"],
  },
  {
    id: "citizen",
    ru: ["гражданин*", "граждан*"],
    kz: ["азамат", "азаматы*", "азаматқа", "азаматтар*", "азаматтың"],
  },
  { id: "organization", ru: ["организаци*"], kz: ["ұйым*"] },
  { id: "state", ru: ["государств*"], kz: ["мемлекет*"] },
  {
    id: "body",
    ru: [
      "орган",
      "органа",
      "органу",
      "органом",
      "органе",
      "органы",
      "органов",
      "органам",
      "органами",
      "органах",
    ],
    kz: ["органға", "органның", "органда*", "органына", "органының"],
  },
  { id: "decision", ru: ["решени*"], kz: ["шешім*"] },
  { id: "liability", ru: ["ответственност*"], kz: ["жауапкершілі*"] },
  { id: "penalty", ru: ["наказани*"], kz: ["жаза*"] },
  { id: "tax", ru: ["налог*"], kz: ["салық*", "салығ*"] },
  { id: "employer", ru: ["работодател*"], kz: ["беруші*"] },
  { id: "employee", ru: ["работник*"], kz: ["қызметкер*", "жұмыскер*"] },
  { id: "property", ru: ["имуществ*", "собственност*"], kz: ["мүлік*", "мүлк*", "меншік*"] },
  { id: "registration", ru: ["регистраци*"], kz: ["тіркеу*", "тіркел*"] },
];

/** A character trie node: concepts of stems ending here, of exact words ending here, children. */
interface TrieNode {
  stem: number[] | null;
  exact: number[] | null;
  next: Map<string, TrieNode>;
}

function node(): TrieNode {
  return { stem: null, exact: null, next: new Map() };
}

function compile(terms: readonly KeyTerm[]): TrieNode {
  const root = node();
  terms.forEach((t, index) => {
    for (const raw of [...t.ru, ...t.kz]) {
      const stem = raw.endsWith("*");
      const word = (stem ? raw.slice(0, -1) : raw).toLowerCase().normalize("NFC");
      if (!/^[\p{L}\p{N}]+$/u.test(word)) {
        throw new TypeError(
          `Cannot use key term "${raw}" of concept "${t.id}": a pattern must be one word of letters or digits, optionally ending in *`,
        );
      }
      let n = root;
      for (const c of word) {
        let child = n.next.get(c);
        if (!child) n.next.set(c, child = node());
        n = child;
      }
      const list = stem ? (n.stem ??= []) : (n.exact ??= []);
      if (!list.includes(index)) list.push(index);
    }
  });
  return root;
}

const NONE: readonly number[] = [];

/** The concepts (indices) one word belongs to, by walking the trie. */
function conceptsOfWord(word: string, root: TrieNode): readonly number[] {
  let found: number[] | null = null;
  let n: TrieNode | undefined = root;
  let i = 0;
  for (const c of word) {
    n = n.next.get(c);
    if (!n) break;
    i += c.length;
    if (n.stem) (found ??= []).push(...n.stem);
  }
  if (n && i === word.length && n.exact) (found ??= []).push(...n.exact);
  return found ?? NONE;
}

/** Per-trie memo of word -> concepts (words repeat across texts); bounded in size. */
const memos = new WeakMap<TrieNode, Map<string, readonly number[]>>();
const MEMO_MAX = 200_000;

/** The concepts (indices) present among the given words. */
function conceptsOfWords(words: readonly string[], root: TrieNode): Set<number> {
  let memo = memos.get(root);
  if (!memo) memos.set(root, memo = new Map());
  const found = new Set<number>();
  for (const word of words) {
    let cs = memo.get(word);
    if (cs === undefined) {
      cs = conceptsOfWord(word, root);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(word, cs);
    }
    for (let k = 0; k < cs.length; k++) found.add(cs[k]);
  }
  return found;
}

const COMPILED_V2 = compile(KEY_TERMS_V2);

/** Options for {@linkcode keyInfo}. */
export interface KeyInfoOptions {
  /** Concepts to look for. Default: {@linkcode KEY_TERMS_V2}. */
  terms?: readonly KeyTerm[];
}

/** The two parts of {@linkcode keyInfo}, each `null` when the reference has nothing of that kind. */
export interface KeyInfoParts {
  numbers: number | null;
  terms: number | null;
  /** Mean of the non-null parts; `null` when both are. */
  score: number | null;
}

/**
 * Key information v2, with its two parts: the share of the reference's numbers (ASCII or Unicode
 * digit runs, leading zeros kept) found in the prediction, and the share of the reference's
 * legal concepts ({@linkcode KEY_TERMS_V2}, Russian and Kazakh, whole words or word-initial
 * stems on the lower-cased NFC text) found in the prediction. A part is `null` (not 1.0, as in the
 * study) when the reference has nothing of its kind; the score is the mean of the non-null parts,
 * `null` when both are null.
 *
 * @example
 * ```ts
 * import { keyInfoParts } from "./key_info.ts";
 * import assert from "node:assert/strict";
 * // ref numbers {3}, pred {3}: 1; ref concepts {term (мерзім), claim (талап)}, pred {term (срок)}: 1/2
 * assert.deepEqual(keyInfoParts("Срок 3 года", "Талап қою мерзімі 3 жыл"), { numbers: 1, terms: 0.5, score: 0.75 });
 * assert.deepEqual(keyInfoParts("что угодно", "Жоқ"), { numbers: null, terms: null, score: null });
 * ```
 */
export function keyInfoParts(
  prediction: string,
  reference: string,
  options: KeyInfoOptions = {},
): KeyInfoParts {
  return keyInfoOfTokens(
    prediction,
    reference,
    tokenize(prediction, { tokenizer: "unicode" }),
    tokenize(reference, { tokenizer: "unicode" }),
    options,
  );
}

/**
 * {@linkcode keyInfoParts} with the `unicode` tokens of both texts already computed (so that a
 * caller that also computes ROUGE v2 tokenizes once).
 */
export function keyInfoOfTokens(
  prediction: string,
  reference: string,
  predictionTokens: readonly string[],
  referenceTokens: readonly string[],
  options: KeyInfoOptions = {},
): KeyInfoParts {
  const compiled = options.terms ? compile(options.terms) : COMPILED_V2;
  const refNumbers = new Set(digitRuns(reference));
  const predNumbers = new Set(digitRuns(prediction));
  let common = 0;
  for (const n of refNumbers) if (predNumbers.has(n)) common++;
  const numbers = refNumbers.size > 0 ? common / refNumbers.size : null;
  const refConcepts = conceptsOfWords(referenceTokens, compiled);
  let terms: number | null = null;
  if (refConcepts.size > 0) {
    const predConcepts = conceptsOfWords(predictionTokens, compiled);
    let shared = 0;
    for (const c of refConcepts) if (predConcepts.has(c)) shared++;
    terms = shared / refConcepts.size;
  }
  const parts = [numbers, terms].filter((x): x is number => x !== null);
  const score = parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0) / parts.length;
  return { numbers, terms, score };
}

/**
 * Key information v2 score: {@linkcode keyInfoParts}`(...).score`.
 *
 * @example
 * ```ts
 * import { keyInfo } from "./key_info.ts";
 * import assert from "node:assert/strict";
 * // numbers: ref {12}, pred {} -> 0; concepts: ref {article (бабы)}, pred {article (статья)} -> 1
 * assert.equal(keyInfo("Статья гласит", "12-бабы"), 0.5);
 * ```
 */
export function keyInfo(
  prediction: string,
  reference: string,
  options: KeyInfoOptions = {},
): number | null {
  return keyInfoParts(prediction, reference, options).score;
}
