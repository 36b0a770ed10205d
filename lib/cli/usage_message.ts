/**
 * `node:util` `parseArgs` errors in this project's wording, one for every command: which option
 * is unknown, needs a value or takes none, and which argument was not expected.
 * @module
 */

/**
 * The message for an error thrown by `parseArgs` (its `code` says which); other errors keep
 * their own message.
 *
 * @example
 * ```ts
 * import { parseArgs } from "node:util";
 * import { usageMessage } from "./usage_message.ts";
 * import assert from "node:assert/strict";
 * const fail = (args: string[]): string => {
 *   try {
 *     parseArgs({ args, strict: true, options: { out: { type: "string" }, force: { type: "boolean" } } });
 *   } catch (e) {
 *     return usageMessage(e as Error);
 *   }
 *   return "parsed";
 * };
 * assert.equal(fail(["--outt", "x"]), 'Unknown option "--outt"');
 * assert.equal(fail(["--out"]), "--out needs a value");
 * assert.equal(fail(["--force=yes"]), "--force takes no value");
 * assert.equal(fail(["--out", "-x"]), '--out needs a value (a value starting with "-" is written --out=VALUE)');
 * assert.equal(fail(["extra"]), 'Unexpected argument "extra" (options start with --)');
 * ```
 */
export function usageMessage(error: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1];
  const option = quoted?.split(" ")[0];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option "${option}"`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(error.message)) return `${option} takes no value`;
      if (/ambiguous/.test(error.message)) {
        return `${option} needs a value (a value starting with "-" is written ${option}=VALUE)`;
      }
      return `${option} needs a value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Unexpected argument "${quoted}" (options start with --)`;
    default:
      return error.message;
  }
}
