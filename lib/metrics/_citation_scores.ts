/**
 * Private: the citation scores computed from already-extracted citation sets, so that accuracy and
 * hallucination rate share one extraction per text.
 * @module
 */
import { citationsMatch } from "./citations.ts";

/** The study's accuracy: |pred ∩ ref| / |ref|, 1.0 for an empty reference set. */
export function legacyAccuracyOf(pred: ReadonlySet<string>, ref: ReadonlySet<string>): number {
  if (ref.size === 0) return 1.0;
  let hit = 0;
  for (const c of ref) if (pred.has(c)) hit++;
  return hit / ref.size;
}

/** The study's hallucination rate: |pred ∖ ref| / |pred|, 0.0 for an empty prediction set. */
export function legacyHallucinationOf(pred: ReadonlySet<string>, ref: ReadonlySet<string>): number {
  if (pred.size === 0) return 0.0;
  let extra = 0;
  for (const c of pred) if (!ref.has(c)) extra++;
  return extra / pred.size;
}

/** v2 accuracy: reference ids matched by some prediction id, over all reference ids; null if none. */
export function accuracyOf(pred: ReadonlySet<string>, ref: ReadonlySet<string>): number | null {
  if (ref.size === 0) return null;
  const p = [...pred];
  let hit = 0;
  for (const r of ref) if (p.some((x) => citationsMatch(x, r))) hit++;
  return hit / ref.size;
}

/** v2 hallucination rate: prediction ids matching no reference id, over all prediction ids; null if none. */
export function hallucinationOf(
  pred: ReadonlySet<string>,
  ref: ReadonlySet<string>,
): number | null {
  if (pred.size === 0) return null;
  const r = [...ref];
  let extra = 0;
  for (const p of pred) if (!r.some((x) => citationsMatch(p, x))) extra++;
  return extra / pred.size;
}
