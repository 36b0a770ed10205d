/**
 * Private helpers that reproduce Python 3 `str` and `re` behaviour that JavaScript lacks, so
 * that the legacy definitions (written in Python) give the same answer here.
 * @module
 */

/**
 * The characters for which Python's `str.isspace()` is true, as a regex class body. It differs
 * from JavaScript's `\s`: it has U+001C..U+001F and U+0085, and lacks U+FEFF.
 */
export const PY_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Python's `\w` for `str` patterns (alphanumerics per `str.isalnum()` and `_`), as a class body. */
export const PY_WORD = "\\p{L}\\p{N}_";

/** Python's `\d` for `str` patterns (any decimal digit, category Nd), as a class body. */
export const PY_DIGIT = "\\p{Nd}";

/** Python's `\b` (Unicode word boundary) as a JavaScript pattern fragment (needs the `u` flag). */
export const PY_BOUNDARY = `(?:(?<=[${PY_WORD}])(?![${PY_WORD}])|(?<![${PY_WORD}])(?=[${PY_WORD}]))`;

const SPACE_RUNS = new RegExp(`[${PY_SPACE}]+`, "u");

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
  const parts = text.split(SPACE_RUNS);
  let start = 0;
  let end = parts.length;
  if (end > 0 && parts[0] === "") start = 1;
  if (end > start && parts[end - 1] === "") end -= 1;
  return start === 0 && end === parts.length ? parts : parts.slice(start, end);
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
