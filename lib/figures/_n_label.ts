/**
 * The `n` printed next to a category that several series share: one number when all agree, else
 * the range.
 * @module
 */

/** `"9"` for `[9, 9]`, `"9–12"` for `[12, 9]`, `"0"` for none. */
export function nLabel(ns: readonly number[]): string {
  if (ns.length === 0) return "0";
  const lo = Math.min(...ns), hi = Math.max(...ns);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
