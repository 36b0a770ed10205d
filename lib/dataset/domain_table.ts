/**
 * Legal-domain composition of a dataset, as the study counted it (multi-label keyword matches)
 * and as one primary domain per row.
 * @module
 */
import pl from "nodejs-polars";
import { DOMAINS } from "../text/domain.ts";
import { rowsOf, splitsWithAll, valueCounts } from "./_splits.ts";

/** One row of `tables/dataset_domains.csv`. */
export interface DomainRow extends Record<string, string | number> {
  split: string;
  /** One of the study's ten domains, or `other` (no keyword matched). */
  domain: string;
  /** Rows matching any keyword of the domain (`other`: rows matching none). */
  n_multilabel: number;
  /** n_multilabel / rows. Summed over domains this exceeds 1 whenever rows match several domains. */
  share_multilabel: number;
  /** Rows whose first matching domain (in the study's order) is this one. */
  n_primary: number;
  /** n_primary / rows; sums to 1 over domains. */
  share_primary: number;
}

/** Domains in table order: the study's ten, then `other`. */
export const DOMAIN_ORDER: readonly string[] = [...DOMAINS, "other"];

/**
 * Counts rows per split and domain, both ways.
 *
 * Definitions: the study's domain rule looks for keyword stems in the lower-cased
 * `instruction input output`. *Multi-label*: a row counts for every domain with a matching
 * keyword (the study's dataset table, whose shares add up to more than 100%); `other` counts rows
 * with no match. *Primary*: a row counts once, for its first matching domain in the study's order
 * (criminal, civil, administrative, labor, tax, family, land, housing, business, constitutional),
 * or `other`. The `other` row is the same under both.
 *
 * @param frame A frame from {@linkcode loadDataset}.
 * @returns Rows `split, domain, n_multilabel, share_multilabel, n_primary, share_primary`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { domainTable } from "./domain_table.ts";
 * import { DOMAINS } from "../text/domain.ts";
 * import assert from "node:assert/strict";
 * // Row 1 matches labor and tax (primary labor), row 2 tax only, row 3 nothing.
 * const flags = (on: string[][]) => Object.fromEntries(DOMAINS.map((d) => [`domain_${d}`, on.map((r) => r.includes(d))]));
 * const frame = pl.DataFrame({ split: ["train", "train", "train"], domain_primary: ["labor", "tax", "other"],
 *   n_domains: [2, 1, 0], ...flags([["labor", "tax"], ["tax"], []]) });
 * const tax = domainTable(frame).find((r) => r.domain === "tax")!;
 * assert.deepEqual([tax.n_multilabel, tax.share_multilabel, tax.n_primary], [2, 2 / 3, 1]);
 * ```
 */
export function domainTable(frame: pl.DataFrame): DomainRow[] {
  const out: DomainRow[] = [];
  for (const split of splitsWithAll(frame)) {
    const rows = rowsOf(frame, split);
    const total = rows.height;
    // Counted in Polars (value counts and sums of the Boolean columns) rather than by copying
    // every row's labels into JavaScript arrays: the same integers, far faster on large frames.
    const primary = valueCounts(rows.getColumn("domain_primary"));
    const multiCounts = rows.select(
      pl.col("n_domains").eq(0).sum().alias("other"),
      ...DOMAINS.map((d) => pl.col(`domain_${d}`).sum().alias(d)),
    ).toRecords()[0] as Record<string, number>;
    for (const domain of DOMAIN_ORDER) {
      const multi = Number(multiCounts[domain]);
      const p = primary.get(domain) ?? 0;
      out.push({
        split,
        domain,
        n_multilabel: multi,
        share_multilabel: total === 0 ? 0 : multi / total,
        n_primary: p,
        share_primary: total === 0 ? 0 : p / total,
      });
    }
  }
  return out;
}
