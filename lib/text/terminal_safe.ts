/**
 * Text from elsewhere made safe to print on a terminal.
 * @module
 */

// C0 controls but tab and line feed, DEL, C1 controls (U+0080..U+009F, among them the 8-bit CSI
// U+009B), and the bidirectional overrides and isolates that reorder what a terminal shows.
// deno-lint-ignore no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces the control characters of `text` (escape sequences, carriage returns, bells,
 * bidirectional overrides) by visible escapes such as `\x1b`, so that text from a server or a
 * file printed to a terminal cannot move the cursor, recolour, retitle or hide what follows.
 * Tabs and line feeds are kept.
 *
 * @param text Any text.
 * @returns The text with every unsafe character written as `\xNN` or `\uNNNN`.
 * @example
 * ```ts
 * import { terminalSafe } from "./terminal_safe.ts";
 * import assert from "node:assert/strict";
 * assert.equal(terminalSafe("\x1b[31mred\x1b[0m\r\n"), "\\x1b[31mred\\x1b[0m\\x0d\n");
 * ```
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
