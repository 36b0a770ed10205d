/**
 * `docs/frame.md`, the scored frame's columns as a Markdown table, generated from
 * {@linkcode FRAME_COLUMNS} (`frame_doc_test.ts` checks that the committed file matches; rewrite
 * it with `UPDATE_SNAPSHOTS=1 deno test -A lib/scored/frame_doc_test.ts`).
 * @module
 */
import { dtypeName, FRAME_COLUMNS } from "./frame_columns.ts";

/** Where {@linkcode frameDoc} is committed, relative to the repository root. */
export const FRAME_DOC_PATH = "docs/frame.md";

/**
 * The text of `docs/frame.md`: a short introduction, then one table row per declared column
 * (name, Polars type, role, doc; a `?` after the type marks a nullable column) and a last row for
 * the metric columns. Cells are padded as `deno fmt` pads Markdown tables.
 *
 * @example
 * ```ts
 * import { frameDoc } from "./frame_doc.ts";
 * import assert from "node:assert/strict";
 * assert.match(frameDoc(), /\| `latency_s` +\| Float64\? +\| system +\|/);
 * ```
 */
export function frameDoc(): string {
  const rows = [
    ["column", "type", "role", "meaning"],
    ...FRAME_COLUMNS.map((c) => [
      `\`${c.name}\``,
      `${dtypeName(c.dtype)}${c.nullable ? "?" : ""}`,
      c.role,
      c.doc,
    ]),
    [
      "one per metric",
      "Float64?",
      "metric",
      "The metric's value, null where undefined (see `lib/metrics/registry.ts`).",
    ],
  ].map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ")} |`;
  return [
    "# The scored frame",
    "",
    "`loadScored()` (`lib/scored/`) gives every table, figure and notebook one Polars frame with a row",
    "per run × sample: the contract between loading and analysis. Its columns, in order, are declared",
    "once in `lib/scored/frame_columns.ts`; this file is generated from that declaration",
    "(`UPDATE_SNAPSHOTS=1 deno test -A lib/scored/frame_doc_test.ts`). A `?` after the type marks a",
    "column that can hold nulls. `loadScored(dir, { text: false })` leaves out the `text` columns.",
    "`latency_s` is a column, not a metric, but it is analysed like one where measured (listed in",
    "`ScoredResults.metrics`; label, unit and direction in the metric registry).",
    "",
    line(rows[0]),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.slice(1).map(line),
    "",
  ].join("\n");
}
