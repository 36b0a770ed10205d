import assert from "node:assert/strict";
import { fromRoot } from "../io/paths.ts";
import { OPTIONS_MARKERS, reportOptionsTable } from "./report_options_table.ts";

const DOC = fromRoot("docs/report-options.md");

/** `text` with the part between the markers replaced by `table`. */
function withTable(text: string, table: string): string {
  const [start, end] = OPTIONS_MARKERS;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) {
    throw new SyntaxError(`docs/report-options.md: expected the markers ${start} and ${end}`);
  }
  return `${text.slice(0, i + start.length)}\n\n${table}\n${text.slice(j)}`;
}

Deno.test("docs/report-options.md holds the options table of the current declaration (UPDATE_DOCS=1 rewrites it)", async () => {
  const text = await Deno.readTextFile(DOC);
  const fresh = withTable(text, reportOptionsTable());
  if (Deno.env.get("UPDATE_DOCS") === "1") await Deno.writeTextFile(DOC, fresh);
  else {
    assert.equal(
      text,
      fresh,
      "docs/report-options.md is out of date: run UPDATE_DOCS=1 deno test -A lib/report/report_options_table_test.ts",
    );
  }
});

Deno.test("reportOptionsTable() has one row per option, in declaration order", () => {
  const options = [...reportOptionsTable().matchAll(/^\| `--([a-z-]+)/gm)].map((m) => m[1]);
  assert.deepEqual(options, [
    "results",
    "out",
    "data",
    "skip-bad-lines",
    "human-eval",
    "human-eval-key",
    "judgments",
    "published",
    "plan",
    "runs",
    "resamples",
    "seed",
    "no-cache",
    "overwrite-edits",
  ]);
});
