/**
 * The metric tables of `docs/metrics.md`, generated from {@linkcode METRICS}: the page's prose is
 * written by hand, the part between {@linkcode METRIC_DOC_MARKERS} is {@linkcode metricDoc}
 * (`metric_doc_test.ts` checks that the committed page matches; rewrite it with
 * `UPDATE_SNAPSHOTS=1 deno test -A lib/metrics/metric_doc_test.ts`). A new metric is one registry
 * entry and needs no edit there.
 * @module
 */
import { type MetricInfo, METRICS, type MetricSuite } from "./registry.ts";

/** Where {@linkcode metricDoc} is committed, relative to the repository root. */
export const METRIC_DOC_PATH = "docs/metrics.md";

/** The markers between which `docs/metrics.md` holds the generated tables. */
export const METRIC_DOC_MARKERS = ["<!-- metrics:start -->", "<!-- metrics:end -->"] as const;

/** Heading of each suite's tables, in the order the suites are shown. */
const SUITE_TITLES: Readonly<Record<MetricSuite, string>> = {
  legacy: "Legacy suite: the study's definitions",
  v2: "v2 suite: corrected for Russian and Kazakh",
  model: "Model-based, stored only",
  system: "System, stored only",
};

/** `lo–hi`, `≥ lo` when unbounded, and ` or null` for a nullable metric. */
function rangeText(info: MetricInfo): string {
  const [lo, hi] = info.range;
  return `${hi === null ? `≥ ${lo}` : `${lo}–${hi}`}${info.nullable ? " or null" : ""}`;
}

/** A Markdown table with cells padded as `deno fmt` pads them (`|` in cells escaped). */
function table(header: string[], body: string[][]): string[] {
  const rows = [header, ...body].map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = header.map((_, i) => Math.max(3, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ")} |`;
  return [line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)];
}

/**
 * The generated part of `docs/metrics.md`: for each suite with metrics, in registry (display)
 * order, a table of name, label, direction (`higher` or `lower` is better), range (`or null` where
 * the value can be undefined), level (`sample`: one value per answer, `corpus`: one per run), the
 * report roles, the legacy metric it audits, version and definition; then a table of the
 * signatures, which result files store in `metric_signatures`.
 *
 * @example
 * ```ts
 * import { metricDoc } from "./metric_doc.ts";
 * import assert from "node:assert/strict";
 * const doc = metricDoc();
 * assert.match(doc, /^\| `chrf_pp` +\| chrF\+\+ +\| higher +\| 0–100 +\| sample +\| +\| +\| 2\.0\.0 +\| chrF\+\+: /m);
 * assert.match(doc, /^\| `citation_accuracy_v2` +\| Citation accuracy \(v2\) +\| higher +\| 0–1 or null +\|/m);
 * assert.match(doc, /^\| `latency_s` +\| `latency_s\\\|suite:system\\\|unit:s\\\|stored-only\\\|version:1` +\|$/m);
 * ```
 */
export function metricDoc(): string {
  const infos = Object.values(METRICS);
  const out: string[] = [];
  for (const suite of Object.keys(SUITE_TITLES) as MetricSuite[]) {
    const members = infos.filter((i) => i.suite === suite);
    if (members.length === 0) continue;
    out.push(
      `### ${SUITE_TITLES[suite]}`,
      "",
      ...table(
        ["metric", "label", "better", "range", "level", "roles", "audits", "version", "definition"],
        members.map((i) => [
          `\`${i.name}\``,
          i.label,
          i.higherIsBetter ? "higher" : "lower",
          rangeText(i),
          i.level,
          i.roles.join(", "),
          i.audits === undefined ? "" : `\`${i.audits}\``,
          i.version,
          i.definition,
        ]),
      ),
      "",
      ...table(
        ["metric", "signature"],
        members.map((i) => [`\`${i.name}\``, `\`${i.signature}\``]),
      ),
      "",
    );
  }
  const unknown = infos.filter((i) => !(i.suite in SUITE_TITLES));
  if (unknown.length > 0) {
    throw new RangeError(
      `metricDoc(): no title for the suite of ${unknown.map((i) => i.name).join(", ")}`,
    );
  }
  return out.join("\n");
}

/**
 * `page` (the text of `docs/metrics.md`) with the part between {@linkcode METRIC_DOC_MARKERS}
 * replaced by {@linkcode metricDoc}.
 *
 * @throws {SyntaxError} when the markers are missing, repeated or out of order.
 * @example
 * ```ts
 * import { withMetricDoc } from "./metric_doc.ts";
 * import assert from "node:assert/strict";
 * const page = withMetricDoc("# M\n\n<!-- metrics:start -->\nold\n<!-- metrics:end -->\n\nProse.\n");
 * assert.match(page, /^# M\n\n<!-- metrics:start -->\n\n### Legacy suite/);
 * assert.match(page, /\|\n\n<!-- metrics:end -->\n\nProse\.\n$/);
 * assert.throws(() => withMetricDoc("# M\n"), /docs\/metrics\.md: expected one <!-- metrics:start -->/);
 * ```
 */
export function withMetricDoc(page: string): string {
  const [start, end] = METRIC_DOC_MARKERS;
  const i = page.indexOf(start);
  const j = page.indexOf(end);
  if (
    i < 0 || j < i || page.indexOf(start, i + 1) >= 0 || page.indexOf(end, j + 1) >= 0
  ) {
    throw new SyntaxError(
      `${METRIC_DOC_PATH}: expected one ${start} followed by one ${end} around the generated metric tables`,
    );
  }
  return `${page.slice(0, i + start.length)}\n\n${metricDoc()}\n${page.slice(j)}`;
}
