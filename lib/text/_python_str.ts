/**
 * Private helpers that reproduce Python 3 `str` and `re` behaviour that JavaScript lacks, so
 * that the legacy definitions (written in Python) give the same answer here.
 * @module
 */

/**
 * The characters for which Python's `str.isspace()` is true, as a regex class body. It differs
 * from JavaScript's `\s`: it has U+001C..U+001F and U+0085, and lacks U+FEFF.
 */
export const PY_SPACE =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Python's `\w` for `str` patterns (alphanumerics per `str.isalnum()` and `_`), as a class body. */
export const PY_WORD = "\\p{L}\\p{N}_";

/** Python's `\d` for `str` patterns (any decimal digit, category Nd), as a class body. */
export const PY_DIGIT = "\\p{Nd}";

/** Python's `\b` (Unicode word boundary) as a JavaScript pattern fragment (needs the `u` flag). */
export const PY_BOUNDARY =
  `(?:(?<=[${PY_WORD}])(?![${PY_WORD}])|(?<![${PY_WORD}])(?=[${PY_WORD}]))`;

/** 1 for every code unit below U+3001 that Python's `str.isspace()` accepts (none above U+3000). */
const SPACE_TABLE = (() => {
  const t = new Uint8Array(0x3001);
  const re = new RegExp(`[${PY_SPACE}]`, "u");
  for (let c = 0; c <= 0x3000; c++) if (re.test(String.fromCharCode(c))) t[c] = 1;
  return t;
})();

/** Whether the UTF-16 code unit `c` is Python whitespace. */
export function isPySpace(c: number): boolean {
  return c <= 0x3000 && SPACE_TABLE[c] === 1;
}

/** 1 for every BMP code unit in category Nd (Python's `\d`). */
const DIGIT_TABLE = (() => {
  const t = new Uint8Array(0x10000);
  const re = /\p{Nd}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) t[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return t;
})();
const ASTRAL_DIGIT = /\p{Nd}/u;

/**
 * Python's `re.findall(r"\d+", text)`: maximal runs of Unicode decimal digits (category Nd).
 *
 * @example
 * ```ts
 * import { digitRuns } from "./_python_str.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(digitRuns("ст. 12-1, ٣٤ и 𝟘"), ["12", "1", "٣٤", "𝟘"]);
 * ```
 */
export function digitRuns(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let digit: boolean;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      digit = ASTRAL_DIGIT.test(text.slice(i, i + 2));
      width = 2;
    } else digit = DIGIT_TABLE[c] === 1;
    if (digit) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/**
 * Python's `text.split()` with no argument: split on runs of whitespace, no empty strings.
 *
 * @example
 * ```ts
 * import { pySplit } from "./_python_str.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(pySplit("  a\u0085b\ufeffc \n"), ["a", "b\ufeffc"]);
 * ```
 */
export function pySplit(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x3000 && SPACE_TABLE[c] === 1) {
      if (start >= 0) {
        out.push(text.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** Python's `len(text)`: the number of code points (not UTF-16 units). */
export function pyLen(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
