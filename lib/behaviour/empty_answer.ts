/**
 * Empty answers. Version `1.0.0`.
 * @module
 */

/** Version of the {@linkcode isEmptyAnswer} definition. */
export const EMPTY_VERSION = "1.0.0";

const CONTENT = /[\p{L}\p{N}]/u;

/**
 * Whether an answer is empty.
 *
 * Definition (version 1.0.0): the answer holds no letter and no digit (Unicode categories L and
 * N): blank, whitespace, or punctuation and markup only, such as the study's 4B base answers that
 * are `### ` repeated until the token limit.
 *
 * @param text An answer.
 * @returns `true` when empty.
 * @example
 * ```ts
 * import { isEmptyAnswer } from "./empty_answer.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isEmptyAnswer(" \n "), true);
 * assert.equal(isEmptyAnswer("### \n\n### "), true);
 * assert.equal(isEmptyAnswer("Иә."), false);
 * assert.equal(isEmptyAnswer("5"), false);
 * ```
 */
export function isEmptyAnswer(text: string): boolean {
  return !CONTENT.test(text);
}
