/**
 * Word counts as the study computed them: Python's `len(text.split())`.
 * @module
 */

/**
 * Whether a UTF-16 code unit is whitespace for Python's `str.split()` (`str.isspace()`):
 * tab, line feed, vertical tab, form feed, carriage return, the separators U+001C..U+001F, space,
 * U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
 * (Unlike JavaScript's `\s`, U+FEFF is not whitespace here.)
 */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  }
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * The number of words in `text`: maximal runs of non-whitespace characters, whitespace as in
 * Python's `str.isspace()` (see {@linkcode isPythonSpace}). This is `len(text.split())`, the
 * length measure of the study's dataset table, so punctuation attached to a word is part of it
 * and a lone dash between spaces counts as a word. An empty text has 0 words.
 *
 * @param text Any text.
 * @returns The word count.
 * @example
 * ```ts
 * import { countWords } from "./count_words.ts";
 * import assert from "node:assert/strict";
 * assert.equal(countWords("Салық кодексінің 138-бабы"), 3);
 * assert.equal(countWords("  статья\u00a0138 —  НК РК\n"), 5);
 * assert.equal(countWords(""), 0);
 * ```
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isPythonSpace(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}
