/**
 * Language composition of a dataset by the study's rule and by the letter-share rule.
 * @module
 */
import type pl from "nodejs-polars";
import { rowsOf, splitsWithAll, valueCounts } from "./_splits.ts";

/** One row of `tables/dataset_languages.csv`. */
export interface LanguageRow extends Record<string, string | number> {
  /** A split, or `all` for the pooled rows (when there are several splits). */
  split: string;
  /** `legacy` (the study's rule) or `letter_share` (share of Kazakh-specific letters, with `mixed`). */
  rule: "legacy" | "letter_share";
  /** `kz`, `ru` (both rules), `mixed`, `none` (letter-share rule only). */
  language: string;
  n: number;
  /** n / rows of the split. */
  share: number;
}

/** The languages each rule can give, in table order. */
export const RULE_LANGUAGES = {
  legacy: ["kz", "ru"],
  letter_share: ["kz", "ru", "mixed", "none"],
} as const;

/**
 * Counts rows per split and language under both rules; every language a rule can give is listed
 * (zero counts included), so the table has the same shape for every dataset.
 *
 * Definitions: `legacy` is the study's rule (`kz` when any of ә ғ қ ң ө ү ұ і appears in
 * instruction, input or output, else `ru`); `letter_share` labels a row by the share of
 * Kazakh-specific letters among its Cyrillic letters (`kz` ≥ 3%, `ru` ≤ 0.5%, `mixed` between,
 * `none` without Cyrillic). Shares are of the split's rows and add up to 1 per split and rule.
 *
 * @param frame A frame from {@linkcode loadDataset}.
 * @returns Rows `split, rule, language, n, share`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { languageTable } from "./language_table.ts";
 * import assert from "node:assert/strict";
 * const frame = pl.DataFrame({ split: ["train", "train", "train", "validation"],
 *   language_legacy: ["kz", "ru", "kz", "ru"], language: ["kz", "ru", "mixed", "ru"] });
 * const rows = languageTable(frame);
 * const kz = rows.find((r) => r.split === "train" && r.rule === "legacy" && r.language === "kz")!;
 * assert.deepEqual([kz.n, kz.share], [2, 2 / 3]);
 * assert.equal(rows.find((r) => r.split === "all" && r.rule === "letter_share" && r.language === "ru")!.n, 2);
 * ```
 */
export function languageTable(frame: pl.DataFrame): LanguageRow[] {
  const out: LanguageRow[] = [];
  for (const split of splitsWithAll(frame)) {
    const rows = rowsOf(frame, split);
    const total = rows.height;
    for (const rule of ["legacy", "letter_share"] as const) {
      const counts = valueCounts(
        rows.getColumn(rule === "legacy" ? "language_legacy" : "language"),
      );
      for (const language of RULE_LANGUAGES[rule]) {
        const n = counts.get(language) ?? 0;
        out.push({ split, rule, language, n, share: total === 0 ? 0 : n / total });
      }
      // Sorted: Polars' value counts come in no fixed order.
      const unknown = [...counts.keys()].filter((l) =>
        !(RULE_LANGUAGES[rule] as readonly unknown[]).includes(l)
      ).map(String).sort();
      if (unknown.length > 0) {
        throw new TypeError(
          `languageTable(): unexpected ${rule} language label(s) ${unknown.join(", ")}`,
        );
      }
    }
  }
  return out;
}
