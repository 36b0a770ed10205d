/**
 * Colours shared by all figures, so a variant or run keeps its colour across the report.
 * Observable's "observable10" categorical scheme, which is colour-blind friendly.
 * @module
 */

/** Observable 10 categorical colours. */
export const CATEGORICAL: readonly string[] = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/** Colour of each variant. */
export const VARIANT_COLORS: Readonly<Record<string, string>> = {
  base: "#9498a0",
  "fine-tuned": "#4269d0",
  baseline: "#9c6b4e",
  external: "#ff725c",
};

/** Colours of external reference runs, in order. */
export const REFERENCE_COLORS: readonly string[] = ["#ff725c", "#a463f2", "#3ca951", "#efb118"];
