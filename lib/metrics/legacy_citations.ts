/**
 * The study's legal-citation extractor, re-implemented with Python's regex semantics.
 * @module
 */
import { isPySpace, PY_BOUNDARY, PY_DIGIT, PY_SPACE, PY_WORD } from "../text/_python_str.ts";

const S = `[${PY_SPACE}]`;
const D = PY_DIGIT;

// Each pattern mirrors one `re.finditer` of the study's `extract_legal_citations`. Python's `\s`,
// `\d` and `\b` are Unicode-aware; JavaScript's are not, so they are spelled out.
//
// The study's point and law patterns (`(?:пункт[а-я]*|п\.?)\s*(\d+)` and
// `закон[а-я]*\s*(?:№|номер)?\s*(\d[\d\-.]*\d)`) are quadratic on repetitive text with a
// backtracking engine: every start inside a long letter run rescans it. They are therefore run by
// the linear scanners below, which give the same matches as `re.finditer`.
//
// The study's fourth pattern, `кодекс[а-я]*.*?стать[яиейю]\s*(\d+)`, is not run at all: each of its
// matches ends in `стать[яиейю]\s*\d+`, which the article pattern always matches too (no article
// match can cover the "с" of another), with the same number, so it adds nothing to the set. As a
// regex it rescanned the rest of the line from every "кодекс" and overflowed V8's stack on a line
// of megabytes. legacy_citations_test.ts compares the result with all five original patterns on
// random and repetitive texts.
const ARTICLE = new RegExp(`(?:стать[яиейю]|ст\\.?)${S}*(${D}+)`, "gu");
// The leading `\b` sits before a digit (a word character), where it means "not preceded by a word
// character"; spelling it that way lets the engine skip most positions quickly.
const NUMBERED = new RegExp(
  `(?<![${PY_WORD}])(${D}+)[\\-–](I{1,4}V?|V?I{0,4}|[IVX]+)${PY_BOUNDARY}`,
  "gu",
);
const hasDash = (t: string) => t.includes("-") || t.includes("–");

/**
 * The study's citation extractor (`extract_legal_citations` in `benchmark.py`,
 * nurkal022/fine_tune_qwen3, commit 02a909e2ee8fca5901e526d752fa46b9871fe599). On the lower-cased
 * text:
 *
 * - `ст.N` for `стать[яиейю]` or `ст`/`ст.` followed by a number (no word boundary, so `текст 5`
 *   counts; other forms such as `статьями` or `статей` do not);
 * - `п.N` for `пункт…` or `п`/`п.` followed by a number (so `подпункт 3` gives `п.3`, and any word
 *   ending in `п` before a number does too);
 * - `закон_X` for `закон…` (optionally `№`/`номер`) and a number of at least two characters from
 *   digits, `-` and `.`;
 * - `ст.N` for `кодекс…` followed on the same line (lazily) by `стать[яиейю] N`;
 *
 * and on the original text `ref_<match>` for a number, a hyphen or en dash, and an upper-case Roman
 * numeral at word boundaries, where the numeral may be empty (so `414-V` gives `ref_414-V` and
 * `10-12` or `138-бабы` gives `ref_10-`/`ref_138-`). Kazakh forms (`бап`, `тармақ`) are not
 * recognised as articles.
 *
 * @param text Any text.
 * @returns The set of citation keys.
 * @example
 * ```ts
 * import { legacyCitations } from "./legacy_citations.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(
 *   [...legacyCitations("Согласно п. 2 статьи 138 НК и Закону № 414-V")].sort(),
 *   ["ref_414-V", "ст.138", "п.2", "закон_414"].sort(),
 * );
 * // Kazakh "138-бабы" is not an article to it; the empty Roman numeral makes it "ref_138-"
 * assert.deepEqual([...legacyCitations("Салық кодексінің 138-бабы")], ["ref_138-"]);
 * ```
 */
export function legacyCitations(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(ARTICLE)) out.add(`ст.${m[1]}`);
  const scan = new Scanner(lower);
  for (const n of scan.points()) out.add(`п.${n}`);
  for (const n of scan.laws()) out.add(`закон_${n}`);
  if (hasDash(text)) { for (const m of text.matchAll(NUMBERED)) out.add(`ref_${m[0]}`); }
  return out;
}

const DIGIT_BMP = (() => {
  const t = new Uint8Array(0x10000);
  const re = /\p{Nd}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) t[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return t;
})();
const DIGIT_ASTRAL = /^\p{Nd}$/u;
const isLetter = (c: number) => c >= 0x430 && c <= 0x44f; // [а-я]: U+0430..U+044F (no ё)

/**
 * Linear-time replicas of the point and law patterns' `re.finditer` on one
 * lower-cased text. Each scan visits every candidate start once, and shares the work that starts
 * inside one letter run (or one line) would otherwise repeat.
 */
class Scanner {
  private readonly t: string;
  constructor(t: string) {
    this.t = t;
  }

  /** The width (1 or 2 code units) of the decimal digit at `i`, or 0 when there is none. */
  private digitAt(i: number): number {
    const t = this.t;
    if (i >= t.length) return 0;
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return DIGIT_ASTRAL.test(t.slice(i, i + 2)) ? 2 : 0;
      return 0;
    }
    return DIGIT_BMP[c] === 1 ? 1 : 0;
  }

  /** The end of the maximal run of digits starting at `i` (`i` when there is none). */
  private digitsEnd(i: number): number {
    for (let w = this.digitAt(i); w > 0; w = this.digitAt(i)) i += w;
    return i;
  }

  /** The end of the run of Python whitespace starting at `i`. */
  private spacesEnd(i: number): number {
    const t = this.t;
    while (i < t.length && isPySpace(t.charCodeAt(i))) i++;
    return i;
  }

  private runFrom = -1;
  private runEnd = -1;
  /** The end of the run of `[а-я]` letters starting at `i`; starts must not decrease. */
  private lettersEnd(i: number): number {
    if (i >= this.runFrom && i <= this.runEnd) return this.runEnd;
    const t = this.t;
    let j = i;
    while (j < t.length && isLetter(t.charCodeAt(j))) j++;
    this.runFrom = i;
    this.runEnd = j;
    return j;
  }

  /** `(?:пункт[а-я]*|п\.?)\s*(\d+)`. */
  *points(): Generator<string> {
    const t = this.t;
    this.runFrom = this.runEnd = -1;
    let from = 0;
    for (let p = t.indexOf("п", from); p >= 0; p = t.indexOf("п", from)) {
      let end = -1;
      let digits = -1;
      if (t.startsWith("пункт", p)) {
        // [а-я]* is followed by \s or \d, neither a letter: only the whole run can match
        digits = this.spacesEnd(this.lettersEnd(p + 5));
        end = this.digitsEnd(digits);
      }
      if (end <= digits) {
        digits = this.spacesEnd(p + 1 + (t[p + 1] === "." ? 1 : 0));
        end = this.digitsEnd(digits);
      }
      if (end > digits) {
        yield t.slice(digits, end);
        from = end;
      } else from = p + 1;
    }
  }

  /** `закон[а-я]*\s*(?:№|номер)?\s*(\d[\d\-.]*\d)`. */
  *laws(): Generator<string> {
    const t = this.t;
    this.runFrom = this.runEnd = -1;
    let from = 0;
    // starts inside one letter run share the rest of the match: remember the last one
    let lastRun = -1;
    let lastDigits = -1;
    let lastEnd = -1;
    for (let p = t.indexOf("закон", from); p >= 0; p = t.indexOf("закон", from)) {
      const run = this.lettersEnd(p + 5);
      if (run !== lastRun) {
        lastRun = run;
        // "номер" at the end of the run, taken by the optional group, leaves the same digits
        let j = this.spacesEnd(run);
        if (t[j] === "№") j = this.spacesEnd(j + 1);
        else if (j > run && t.startsWith("номер", j)) j = this.spacesEnd(j + 5);
        lastDigits = j;
        lastEnd = -1;
        const first = this.digitAt(j);
        if (first > 0) {
          // [\d\-.]* greedily, then back to the end of its last digit (at least a second one)
          let k = j + first;
          let lastDigitEnd = -1;
          for (;;) {
            const w = this.digitAt(k);
            if (w > 0) {
              k += w;
              lastDigitEnd = k;
            } else if (t[k] === "-" || t[k] === ".") k++;
            else break;
          }
          lastEnd = lastDigitEnd;
        }
      }
      if (lastEnd > 0) {
        yield t.slice(lastDigits, lastEnd);
        from = lastEnd;
      } else from = p + 1;
    }
  }
}
