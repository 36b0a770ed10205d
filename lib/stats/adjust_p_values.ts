/**
 * Multiplicity correction by name.
 * @module
 */
import { benjaminiHochberg } from "./benjamini_hochberg.ts";
import { holm } from "./holm.ts";

/** A multiplicity correction: Holm–Bonferroni (family-wise error) or Benjamini–Hochberg (false discovery rate). */
export type Adjustment = "holm" | "bh";

/**
 * Adjusts `p` with the named correction.
 *
 * @example
 * ```ts
 * import { adjustPValues } from "./adjust_p_values.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(adjustPValues([0.01, 0.02], "holm"), [0.02, 0.02]);
 * assert.throws(() => adjustPValues([0.01], "bonf" as never), /Unknown p-value adjustment "bonf"/);
 * ```
 */
export function adjustPValues(p: readonly number[], method: Adjustment): number[] {
  switch (method) {
    case "holm":
      return holm(p);
    case "bh":
      return benjaminiHochberg(p);
    default:
      throw new RangeError(`Unknown p-value adjustment "${method}"; known: holm, bh`);
  }
}
