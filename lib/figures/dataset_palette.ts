/**
 * Colours of the dataset figures: languages, splits and duplicate keys keep one colour each.
 * @module
 */
import { CATEGORICAL } from "./palette.ts";

/** Colour of each language label. */
export const LANGUAGE_COLORS: Readonly<Record<string, string>> = {
  kz: "#4269d0",
  ru: "#ff725c",
  mixed: "#efb118",
  none: "#9498a0",
};

/** Display names of language labels. */
export const LANGUAGE_LABELS: Readonly<Record<string, string>> = {
  kz: "Kazakh (kz)",
  ru: "Russian (ru)",
  mixed: "Mixed",
  none: "No Cyrillic",
};

/** Colour of the i-th split (in dataset order). */
export function splitColor(i: number): string {
  return [CATEGORICAL[3], CATEGORICAL[6], CATEGORICAL[8], CATEGORICAL[5], CATEGORICAL[7]][i % 5];
}

/** Colours of the duplicate keys. */
export const KEY_COLORS: Readonly<Record<string, string>> = {
  question: "#4269d0",
  pair: "#a463f2",
};
