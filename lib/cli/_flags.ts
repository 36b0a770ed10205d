/**
 * Small helpers shared by the command-line parsers (report, human-eval-prepare).
 * @module
 */

/** The value after the flag at `args[i]`; a missing value or another flag is an error. */
export function flagValue(args: readonly string[], i: number, flag: string): string {
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) throw new TypeError(`${flag} needs a value`);
  return v;
}

/** A non-negative integer flag value. */
export function flagInt(v: string, flag: string): number {
  if (!/^\d+$/.test(v)) throw new TypeError(`${flag} needs a non-negative integer, got "${v}"`);
  return Number(v);
}
