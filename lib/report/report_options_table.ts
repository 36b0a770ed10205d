/**
 * The options table of `deno task report` (in `docs/report-options.md`), made from the
 * declaration of the report parameters and the run's options.
 * @module
 */
import { defaultText, optionName, type ParamSpec } from "./param_kinds.ts";
import { REPORT_PARAM_ENTRIES, REPORT_RUN_OPTIONS } from "./report_params.ts";

/** The markers between which `docs/report-options.md` holds the table. */
export const OPTIONS_MARKERS = ["<!-- options:start -->", "<!-- options:end -->"] as const;

/**
 * A Markdown table of every command-line option: option, parameter name (in a parameters cell
 * and `WORKBENCH_PARAMS`), type, default and meaning; columns padded as `deno fmt` pads them.
 *
 * @example
 * ```ts
 * import { reportOptionsTable } from "./report_options_table.ts";
 * import assert from "node:assert/strict";
 * const table = reportOptionsTable();
 * assert.match(table, /^\| option +\| parameter +\| type +\| default +\| meaning +\|$/m);
 * assert.match(table, /^\| `--resamples N` +\| `resamples` +\| integer in \[100, 1000000\] +\| `10000` +\| Bootstrap/m);
 * ```
 */
export function reportOptionsTable(): string {
  const code = (s: string) => "`" + s + "`";
  const row = (key: string, spec: ParamSpec<unknown>, parameter: boolean): string[] => {
    const meta = spec.meta ? ` ${spec.meta}${spec.list ? "..." : ""}` : "";
    const d = defaultText(spec);
    return [
      code(`--${optionName(key, spec)}${meta}`),
      parameter ? code(key) : "(the run)",
      spec.type,
      spec.default === null || typeof spec.default === "boolean" || d === "none" ? d : code(d),
      spec.optionDoc.replaceAll("|", "\\|"),
    ];
  };
  const rows = [
    ["option", "parameter", "type", "default", "meaning"],
    ...REPORT_PARAM_ENTRIES.filter(([, s]) => s.cli).map(([k, s]) => row(k, s, true)),
    ...Object.entries(REPORT_RUN_OPTIONS).map(([k, s]) => row(k, s, false)),
  ];
  const widths = rows[0].map((_, j) => Math.max(3, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => `| ${cells.map((c, j) => c.padEnd(widths[j])).join(" | ")} |`;
  return [line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)]
    .join("\n") + "\n";
}
