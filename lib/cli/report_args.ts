/**
 * The command line of `deno task report`, parsed with `node:util` `parseArgs`; its options, their
 * parsing and the usage text derive from the declaration of the report parameters
 * (`REPORT_PARAMS`, lib/report/report_params.ts) and of the run's own options
 * (`REPORT_RUN_OPTIONS`). Options that take several paths (`--data`, `--human-eval`,
 * `--judgments`) read every value up to the next option.
 * @module
 */
import type { ParseArgsConfig } from "node:util";
import { optionList } from "./option_list.ts";
import { defaultText, optionName, type ParamSpec } from "../report/param_kinds.ts";
import {
  REPORT_PARAM_ENTRIES,
  REPORT_RUN_OPTIONS,
  type ReportParams,
} from "../report/report_params.ts";

/** Every option: its parameter (or run option), declaration and command-line name. */
const OPTIONS: { key: string; spec: ParamSpec<unknown>; name: string }[] = [
  ...REPORT_PARAM_ENTRIES,
  ...Object.entries(REPORT_RUN_OPTIONS) as [string, ParamSpec<unknown>][],
]
  .filter(([, spec]) => spec.cli)
  .map(([key, spec]) => ({ key, spec, name: optionName(key, spec) }));

/** Column where the usage text's explanations start. */
const HELP_COLUMN = 25;
/** Width of the usage text. */
const WIDTH = 100;

/** `text` (Markdown) as plain words wrapped to `width`, each line after the first indented. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replaceAll("`", "").split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join("\n" + " ".repeat(indent));
}

function usageLine({ spec, name }: (typeof OPTIONS)[number]): string {
  const left = `  --${name}${spec.meta ? ` ${spec.meta}${spec.list ? "..." : ""}` : ""}`;
  const doc = spec.type === "true or false"
    ? spec.optionDoc
    : `${spec.optionDoc} (default: ${defaultText(spec)})`;
  return left.padEnd(HELP_COLUMN - 1) + " " + wrap(doc, HELP_COLUMN, WIDTH);
}

/** Usage text of `deno task report`. */
export const REPORT_USAGE = [
  "Usage: deno task report [options]",
  "",
  "Runs the analysis notebooks headless and writes figures, tables and report.md.",
  "",
  "Options (PATH... takes every path up to the next option; none: no path):",
  ...OPTIONS.map(usageLine),
  "  -h, --help".padEnd(HELP_COLUMN - 1) + " show this help",
].join("\n");

/** What {@linkcode parseReportArgs} returns: report parameters, and options of the run itself. */
export type ReportArgs = Partial<ReportParams> & {
  /** `--help` was given. */
  help?: true;
  /** `--overwrite-edits`: replace report files edited by hand (see `runReport`). */
  overwriteEdits?: true;
};

const PARSE_OPTIONS: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries([
  ...OPTIONS.map(({ spec, name }) => [
    name,
    { type: spec.type === "true or false" ? "boolean" : "string" } as const,
  ]),
  ["help", { type: "boolean", short: "h" } as const],
]);

/**
 * Parses `deno task report` options into partial report parameters.
 *
 * @example
 * ```ts
 * import { parseReportArgs } from "./report_args.ts";
 * import assert from "node:assert/strict";
 * const p = parseReportArgs(["--results", "r", "--data", "a.jsonl", "b.jsonl", "--seed", "7", "--no-cache"]);
 * assert.deepEqual(p, { results: "r", data: ["a.jsonl", "b.jsonl"], seed: 7, cache: false });
 * ```
 */
export function parseReportArgs(args: readonly string[]): ReportArgs {
  const lists = OPTIONS.filter((o) => o.spec.list).map((o) => o.name);
  const out: Record<string, unknown> = {};
  for (const { name, values } of optionList(args, PARSE_OPTIONS, lists)) {
    if (name === "help") {
      out.help = true;
      continue;
    }
    const { key, spec } = OPTIONS.find((o) => o.name === name)!;
    out[key] = spec.parse(values, `--${name}`);
  }
  return out as ReportArgs;
}
