/**
 * The metric audit: per run and language, the study's (legacy) metrics next to the corrected
 * (v2) ones, and how many references have any citation at all by each extractor — which is what
 * a legacy citation accuracy of 1.0 on Kazakh answers really rests on.
 * @module
 */
import pl from "nodejs-polars";
import { legacyCitations } from "../metrics/legacy_citations.ts";
import { citationIds } from "../metrics/citations.ts";
import type { ScoredResults } from "../scored/load_scored.ts";
import { textValues } from "../scored/run_columns.ts";
import { auditedPairs } from "../metrics/registry.ts";

/**
 * Legacy metric → its corrected counterpart, as audited: the registry's entries that name the
 * legacy metric they audit (`audits`), in display order.
 */
export const AUDITED_PAIRS: readonly (readonly [legacy: string, corrected: string])[] = Object
  .freeze(auditedPairs());

/**
 * One run × language group (`all` for every question) of the audit: the fields below, then for
 * each of {@linkcode AUDITED_PAIRS} the legacy mean, the corrected mean and `<corrected>_n`.
 */
export interface MetricAuditRow {
  run: string;
  language: string;
  n: number;
  /** References with a citation the study's (Russian-only) extractor finds. */
  refs_with_citation_legacy: number;
  /** References with a citation the v2 extractor (Russian and Kazakh forms) finds. */
  refs_with_citation_v2: number;
  /** The legacy citation accuracy (audited), read by {@linkcode legacyDefaultNote}. */
  citation_accuracy: number | null;
  /** The means and counts of {@linkcode AUDITED_PAIRS}. */
  [column: string]: string | number | null;
}

/**
 * Rows per run: first `language = "all"`, then one per stored language label (the study's rule),
 * sorted. Means over the samples where each metric is defined; `<v2>_n` counts them. Runs must
 * carry both suites (as {@linkcode loadScored} gives them); runs without samples are skipped.
 *
 * @example
 * ```ts
 * import { metricAuditTable } from "./metric_audit_table.ts";
 * import { fakeScored } from "../testing/fake_scored.ts";
 * import assert from "node:assert/strict";
 * const scored = fakeScored([{ id: "r", language: ["kz", "ru"], reference: ["Салық кодексінің 12 бабы", "статья 5"],
 *   values: { citation_accuracy: [1, 1], citation_accuracy_v2: [0, null] } }]);
 * const [all, kz] = metricAuditTable(scored);
 * assert.deepEqual([all.language, all.refs_with_citation_legacy, all.refs_with_citation_v2, all.citation_accuracy_v2_n],
 *   ["all", 1, 2, 1]);
 * assert.deepEqual([kz.language, kz.refs_with_citation_legacy, kz.citation_accuracy], ["kz", 0, 1]);
 * ```
 */
export function metricAuditTable(scored: ScoredResults): MetricAuditRow[] {
  const f = scored.frame;
  if (f.height === 0) return [];
  const refs = textValues(f, "reference");
  const memo = new Map<string, [boolean, boolean]>();
  const cites = refs.map((ref) => {
    const key = ref ?? "";
    let v = memo.get(key);
    if (!v) {
      v = [legacyCitations(key).size > 0, citationIds(key).size > 0];
      memo.set(key, v);
    }
    return v;
  });
  const withCites = f.select(
    pl.col("run"),
    pl.col("language").fillNull("unknown"),
    ...AUDITED_PAIRS.flat().map((m) =>
      f.columns.includes(m) ? pl.col(m) : pl.lit(null).cast(pl.Float64).alias(m)
    ),
  ).withColumns(
    pl.Series("cite_legacy", cites.map((c) => c[0]), pl.Bool),
    pl.Series("cite_v2", cites.map((c) => c[1]), pl.Bool),
  );
  const aggs = [
    pl.len().alias("n"),
    pl.col("cite_legacy").sum().alias("refs_with_citation_legacy"),
    pl.col("cite_v2").sum().alias("refs_with_citation_v2"),
    ...AUDITED_PAIRS.flatMap(([legacy, v2]) => [
      pl.col(legacy).mean().alias(legacy),
      pl.col(v2).mean().alias(v2),
      pl.col(v2).count().alias(`${v2}_n`),
    ]),
  ];
  const all = withCites.groupBy("run").agg(...aggs).withColumn(pl.lit("all").alias("language"));
  const byLanguage = withCites.groupBy("run", "language").agg(...aggs);
  const rows = [...all.toRecords(), ...byLanguage.toRecords()] as Record<string, unknown>[];
  const runOrder = scored.runs.map((r) => r.run.id);
  return rows.map((r): MetricAuditRow => ({
    run: String(r.run),
    language: String(r.language),
    n: Number(r.n),
    refs_with_citation_legacy: Number(r.refs_with_citation_legacy),
    refs_with_citation_v2: Number(r.refs_with_citation_v2),
    citation_accuracy: null,
    ...Object.fromEntries(AUDITED_PAIRS.flatMap(([legacy, v2]) => [
      [legacy, nullable(r[legacy] as number | null | undefined)],
      [v2, nullable(r[v2] as number | null | undefined)],
      [`${v2}_n`, Number(r[`${v2}_n`])],
    ])),
  })).sort((a, b) =>
    runOrder.indexOf(a.run) - runOrder.indexOf(b.run) ||
    (a.language === "all" ? -1 : b.language === "all" ? 1 : a.language < b.language ? -1 : 1)
  );
}

function nullable(x: number | null | undefined): number | null {
  return x === undefined || x === null || Number.isNaN(x) ? null : x;
}

/** "Mostly" in {@linkcode legacyDefaultNote}: more than this share of the references. */
export const MOSTLY = 0.5;

/**
 * The sentence on a language row of the audit: how many references give the legacy citation
 * accuracy its default of 1.0 (no citation the legacy extractor finds), and, only when that is
 * more than {@linkcode MOSTLY} of them, that the legacy value is mostly that default.
 *
 * @example
 * ```ts
 * import { legacyDefaultNote } from "./metric_audit_table.ts";
 * import assert from "node:assert/strict";
 * const row = { run: "ft", language: "kz", n: 36, refs_with_citation_legacy: 32, refs_with_citation_v2: 34,
 *   citation_accuracy: 0.5 } as never;
 * assert.equal(legacyDefaultNote(row, "Kazakh"),
 *   "In run ft, 32 of 36 Kazakh references have a citation the legacy extractor finds (34 by the v2 extractor); " +
 *   "on the other 4 (11%) the legacy Kazakh citation accuracy of 0.500 is its default of 1.0, not a measurement.");
 * ```
 */
export function legacyDefaultNote(row: MetricAuditRow, language: string): string {
  const without = row.n - row.refs_with_citation_legacy;
  const head =
    `In run ${row.run}, ${row.refs_with_citation_legacy} of ${row.n} ${language} references have a ` +
    `citation the legacy extractor finds (${row.refs_with_citation_v2} by the v2 extractor)`;
  if (without === 0 || row.citation_accuracy === null) return `${head}.`;
  const value = `the legacy ${language} citation accuracy of ${row.citation_accuracy.toFixed(3)}`;
  const share = without / row.n;
  return `${head}; on the other ${without} (${
    Math.round(100 * share)
  }%) ${value} is its default of 1.0, ` +
    `not a measurement${share > MOSTLY ? ", so it is mostly that default" : ""}.`;
}
