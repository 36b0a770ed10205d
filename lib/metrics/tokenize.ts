/**
 * Tokenizers of the metric suites: the study's ROUGE tokenizer (ASCII letters and digits only),
 * a Unicode word tokenizer for the v2 suite, and Python-style whitespace splitting for BLEU.
 * @module
 */
import { pySplit } from "../text/_python_str.ts";

/** Names of the tokenizers. */
export type TokenizerName = "rouge-ascii" | "unicode" | "whitespace-lower";

/** Options for {@linkcode tokenize}. */
export interface TokenizeOptions {
  /** Which tokenizer. Default: `"unicode"`. */
  tokenizer?: TokenizerName;
}

const ASCII_TOKEN = /[a-z0-9]+/g;
const UNICODE_TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * Splits text into tokens.
 *
 * - `rouge-ascii`: the default tokenizer of Google's `rouge-score` package (as the study used it,
 *   without stemming): lower-case, replace every run of characters other than `[a-z0-9]` by a
 *   space, split. Cyrillic (and any non-ASCII) letters are therefore dropped entirely.
 * - `unicode`: lower-case, Unicode NFC, then maximal runs of letters and digits of any script
 *   (`\p{L}`, `\p{N}`; combining marks inside a word stay in it, so a stress mark does not split
 *   a Russian word).
 * - `whitespace-lower`: lower-case, then Python's `str.split()` (the study's BLEU tokens).
 *
 * @param text Any text.
 * @param options See {@linkcode TokenizeOptions}.
 * @example
 * ```ts
 * import { tokenize } from "./tokenize.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(tokenize("Статья 12 НК РК (VAT)", { tokenizer: "rouge-ascii" }), ["12", "vat"]);
 * assert.deepEqual(tokenize("Статья 12 НК РК (VAT)"), ["статья", "12", "нк", "рк", "vat"]);
 * assert.deepEqual(tokenize("Статья 12, НК", { tokenizer: "whitespace-lower" }), ["статья", "12,", "нк"]);
 * ```
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const { tokenizer = "unicode" } = options;
  switch (tokenizer) {
    case "rouge-ascii":
      return text.toLowerCase().match(ASCII_TOKEN) ?? [];
    case "unicode":
      return text.toLowerCase().normalize("NFC").match(UNICODE_TOKEN) ?? [];
    case "whitespace-lower":
      return pySplit(text.toLowerCase());
    default:
      throw new RangeError(
        `Cannot tokenize: unknown tokenizer "${tokenizer as string}" (expected rouge-ascii, unicode or whitespace-lower)`,
      );
  }
}
