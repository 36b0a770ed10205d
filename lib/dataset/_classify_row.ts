/**
 * One-pass row classification for {@linkcode loadDataset}: the study's language rule, the
 * letter-share language rule, the domain keywords and the word counts of a row, computed in a
 * single scan of its three fields instead of one scan per rule (and without building the joined
 * text or its lower-cased copy).
 *
 * Exactness. Every label and count equals what the public functions give on the same row
 * (`legacyLanguage`, `detectLanguage` and `matchDomains` on
 * `` `${instruction} ${input} ${output}` ``, `countWords` on each field); `_classify_row_test.ts`
 * checks this on the shared real rows, the sample rows and random strings. Why it holds:
 *
 * - The per-code-unit tables below are built by calling the public functions themselves on each
 *   single code unit (`isPythonSpace`, `countLetters`, `legacyLanguage`, `toLowerCase`), so a
 *   table entry cannot disagree with its function.
 * - `countLetters` and the legacy regex look at one code unit at a time (surrogate pairs aside),
 *   so their result on a text is the sum (or the "any") of their results on its code units, and
 *   the spaces joining the fields are neither letters nor Kazakh letters.
 * - `countWords` is a run count over the same whitespace test; the scan keeps the same state.
 * - The domain rule looks for keyword substrings in `text.toLowerCase()`. For almost every code
 *   unit, lower-casing is a context-free map to exactly one code unit, so the lower-cased text is
 *   the per-unit map of the text; keyword search then runs on that mapped stream with an
 *   Aho–Corasick automaton, fed the fields with a space between them exactly as in the joined
 *   text (so even a keyword with a space would be found across fields). The exceptions are U+0130
 *   (lower-cases to two units), U+03A3 (Σ: σ or final ς depending on context) and surrogates
 *   (lower-cased as code points, which a per-unit table cannot do); {@linkcode SPECIAL} marks
 *   every unit whose single-unit lower case is not one unit, and a row holding any of these is
 *   classified by the public functions instead (the slow path, exact by definition).
 * - `matchDomains` reports each domain of which some keyword occurs; a keyword listed under
 *   several domains counts for the first only, and empty keywords never match. The automaton's
 *   output per state is the set of domains of keywords ending there (own and by suffix links),
 *   built with the same first-domain rule.
 * @module
 */
import { isPythonSpace } from "./count_words.ts";
import { countWords } from "./count_words.ts";
import {
  countLetters,
  detectLanguage,
  type DetectLanguageOptions,
  type Language,
  languageFromCounts,
  legacyClassificationText,
  legacyLanguage,
} from "../text/language.ts";
import { DOMAIN_KEYWORDS, type DomainOptions, DOMAINS, matchDomains } from "../text/domain.ts";

/** The labels and counts of one row (a reused, mutable record). */
export interface RowLabels {
  /** The study's language rule on the joined text. */
  legacy: "kz" | "ru";
  /** The letter-share rule on the joined text. */
  language: Language;
  /** The first matching domain, or `other`. */
  primary: string;
  /** How many domains match. */
  nDomains: number;
  /** The matching domains among the study's ten, as bits (bit i: `DOMAINS[i]`). */
  domainBits: number;
  /** Words of instruction, input and output (`countWords`). */
  words: [number, number, number];
}

/** A fresh {@linkcode RowLabels} to fill. */
export function rowLabels(): RowLabels {
  return {
    legacy: "ru",
    language: "none",
    primary: "other",
    nDomains: 0,
    domainBits: 0,
    words: [0, 0, 0],
  };
}

// Per-code-unit kind bits.
const SPACE = 1;
const CYRILLIC = 2;
const KAZAKH = 4;
const LEGACY_KAZAKH = 8;
/** Lower case is not one context-free code unit (U+0130, U+03A3, surrogates): use the slow path. */
const SPECIAL = 16;

/** Kind bits of every UTF-16 code unit, from the public functions applied to the unit alone. */
const KIND = new Uint8Array(0x10000);
/** The lower case of every code unit that is not {@linkcode SPECIAL}. */
const LOWER = new Uint16Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) {
  const c = String.fromCharCode(unit);
  let kind = isPythonSpace(unit) ? SPACE : 0;
  if (unit >= 0xd800 && unit <= 0xdfff) {
    KIND[unit] = kind | SPECIAL;
    continue;
  }
  const { cyrillic, kazakh } = countLetters(c);
  if (cyrillic === 1) kind |= CYRILLIC;
  if (kazakh === 1) kind |= KAZAKH;
  if (legacyLanguage(c) === "kz") kind |= LEGACY_KAZAKH;
  const lower = c.toLowerCase();
  // U+03A3 lower-cases alone to σ but to ς at the end of a word: context-dependent.
  if (lower.length !== 1 || unit === 0x03a3) kind |= SPECIAL;
  else LOWER[unit] = lower.charCodeAt(0);
  KIND[unit] = kind;
}

/** A keyword automaton: a DFA over code-unit classes whose states carry domain bits. */
interface Automaton {
  /** Class of every code unit (by its lower case); 0 for units in no keyword. */
  cls: Uint16Array;
  /** Number of classes. */
  classes: number;
  /** Next state (pre-multiplied by `classes`) for state × class. */
  delta: Int32Array;
  /** Domain bits of the keywords that end at each state (indexed by the pre-multiplied state). */
  out: Int32Array;
}

/** Automata by keyword lists and folding, built once. */
const automata = new WeakMap<object, Map<boolean, Automaton | null>>();

/** The most domains the bit set can hold; more fall back to `matchDomains`. */
const MAX_DOMAINS = 31;
/** Largest transition table built (entries); a larger keyword list falls back to `matchDomains`. */
const MAX_TABLE = 1 << 22;

/** Builds (or fetches) the Aho–Corasick automaton of a keyword list, or null when too large. */
function automaton(options: DomainOptions): Automaton | null {
  const { foldKeywords = false, keywords = DOMAIN_KEYWORDS } = options;
  let byFold = automata.get(keywords);
  if (!byFold) automata.set(keywords, byFold = new Map());
  if (byFold.has(foldKeywords)) return byFold.get(foldKeywords)!;
  const entries = Object.entries(keywords);
  let built: Automaton | null = null;
  if (entries.length <= MAX_DOMAINS) {
    // Each distinct keyword counts for the first domain that lists it (as in matchDomains).
    const domainOf = new Map<string, number>();
    entries.forEach(([, list], d) => {
      for (const kw of list) {
        const k = foldKeywords ? kw.toLowerCase() : kw;
        if (k !== "" && !domainOf.has(k)) domainOf.set(k, d);
      }
    });
    // Classes: one per distinct code unit of the keywords, 0 for all others.
    const classOfUnit = new Map<number, number>();
    for (const k of domainOf.keys()) {
      for (let i = 0; i < k.length; i++) {
        const u = k.charCodeAt(i);
        if (!classOfUnit.has(u)) classOfUnit.set(u, classOfUnit.size + 1);
      }
    }
    const classes = classOfUnit.size + 1;
    // Trie.
    const next: Map<number, number>[] = [new Map()];
    const own: number[] = [0];
    for (const [k, d] of domainOf) {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = classOfUnit.get(k.charCodeAt(i))!;
        let t = next[s].get(c);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          own.push(0);
          next[s].set(c, t);
        }
        s = t;
      }
      own[s] |= 1 << d;
    }
    if (next.length * classes <= MAX_TABLE) {
      // Breadth-first: failure links, full transitions, outputs through failure links.
      const n = next.length;
      const delta = new Int32Array(n * classes);
      const out = new Int32Array(n * classes);
      const fail = new Int32Array(n);
      const queue: number[] = [];
      for (let c = 0; c < classes; c++) {
        const t = next[0].get(c);
        if (t !== undefined) {
          delta[c] = t * classes;
          queue.push(t);
        }
      }
      out[0] = own[0];
      for (let q = 0; q < queue.length; q++) {
        const s = queue[q];
        out[s * classes] = own[s] | out[fail[s] * classes];
        for (let c = 0; c < classes; c++) {
          const t = next[s].get(c);
          const viaFail = delta[fail[s] * classes + c];
          if (t !== undefined) {
            fail[t] = viaFail / classes;
            delta[s * classes + c] = t * classes;
            queue.push(t);
          } else {
            delta[s * classes + c] = viaFail;
          }
        }
      }
      const cls = new Uint16Array(0x10000);
      for (let unit = 0; unit < 0x10000; unit++) {
        if (!(KIND[unit] & SPECIAL)) cls[unit] = classOfUnit.get(LOWER[unit]) ?? 0;
      }
      built = { cls, classes, delta, out };
    }
  }
  byFold.set(foldKeywords, built);
  return built;
}

/** Options of {@linkcode rowClassifier}. */
export interface RowClassifierOptions {
  /** Thresholds of the letter-share rule. Default: `detectLanguage`'s. */
  language?: DetectLanguageOptions;
  /** Domain keyword options. Default: the study's keywords and behaviour. */
  domain?: DomainOptions;
}

/** Fills the labels of one row; see {@linkcode rowClassifier}. */
export type RowClassifier = (
  instruction: string,
  input: string,
  output: string,
  labels: RowLabels,
) => void;

/** Bit of each of the study's ten domains in {@linkcode RowLabels.domainBits}. */
const DOMAIN_BIT = new Map<string, number>(DOMAINS.map((d, i) => [d, 1 << i]));

/** Number of set bits. */
function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/**
 * A classifier giving, for one row, exactly `legacyLanguage`, `detectLanguage` and `matchDomains`
 * of `` `${instruction} ${input} ${output}` `` and `countWords` of each field, in one scan (see the
 * module doc for why the results are identical).
 *
 * @param options See {@linkcode RowClassifierOptions}.
 */
export function rowClassifier(options: RowClassifierOptions = {}): RowClassifier {
  const { language = {}, domain = {} } = options;
  const { keywords = DOMAIN_KEYWORDS } = domain;
  const names = Object.keys(keywords);
  const ac = automaton(domain);

  /** The public functions, one by one: rows (or keyword lists) the tables cannot handle. */
  const slow: RowClassifier = (instruction, input, output, labels) => {
    const all = legacyClassificationText({ instruction, input, reference: output });
    labels.legacy = legacyLanguage(all);
    labels.language = detectLanguage(all, language);
    const domains = matchDomains(all, domain) as string[];
    labels.primary = domains[0] ?? "other";
    let bits = 0;
    for (const d of domains) bits |= DOMAIN_BIT.get(d) ?? 0;
    labels.domainBits = bits;
    labels.nDomains = domains.length;
    labels.words[0] = countWords(instruction);
    labels.words[1] = countWords(input);
    labels.words[2] = countWords(output);
  };
  if (ac === null) return slow;

  // Automaton bit i is names[i]; map it to the study's domain bits (identity for the default).
  const studyBit = names.map((d) => DOMAIN_BIT.get(d) ?? 0);
  const identity = studyBit.every((b, i) => b === 1 << i);
  const { cls, delta, out } = ac;
  const spaceClass = cls[0x20];
  let state = 0;
  let found = 0;
  let cyrillic = 0;
  let kazakh = 0;
  let any = 0;
  /** Scans one field: its word count, or -1 when it holds a {@linkcode SPECIAL} unit. */
  const scan = (text: string): number => {
    let words = 0;
    let prevSpace = SPACE;
    let s = state;
    let f = found;
    let cy = 0;
    let kz = 0;
    let a = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const kind = KIND[unit];
      a |= kind;
      const space = kind & SPACE;
      // A word starts at a non-space unit after a space (or at the start).
      words += prevSpace & (space ^ SPACE);
      prevSpace = space;
      cy += (kind >> 1) & 1;
      kz += (kind >> 2) & 1;
      s = delta[s + cls[unit]];
      f |= out[s];
    }
    if (a & SPECIAL) return -1;
    state = s;
    found = f;
    cyrillic += cy;
    kazakh += kz;
    any |= a;
    return words;
  };
  /** Feeds the joining space of the joined text to the automaton. */
  const space = () => {
    state = delta[state + spaceClass];
    found |= out[state];
  };
  return (instruction, input, output, labels) => {
    state = 0;
    found = 0;
    cyrillic = 0;
    kazakh = 0;
    any = 0;
    const w0 = scan(instruction);
    if (w0 >= 0) space();
    const w1 = w0 < 0 ? -1 : scan(input);
    if (w1 >= 0) space();
    const w2 = w1 < 0 ? -1 : scan(output);
    if (w2 < 0) return slow(instruction, input, output, labels);
    labels.legacy = any & LEGACY_KAZAKH ? "kz" : "ru";
    labels.language = languageFromCounts({ cyrillic, kazakh }, language);
    // The first match in the keyword lists' order is the lowest set bit.
    labels.primary = found === 0 ? "other" : names[31 - Math.clz32(found & -found)];
    labels.nDomains = popCount(found);
    let bits = found;
    if (!identity) {
      bits = 0;
      for (let i = 0; i < names.length; i++) if (found & (1 << i)) bits |= studyBit[i];
    }
    labels.domainBits = bits;
    labels.words[0] = w0;
    labels.words[1] = w1;
    labels.words[2] = w2;
  };
}
