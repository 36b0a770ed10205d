import assert from "node:assert/strict";
import { escapeMarkdown } from "./escape_markdown.ts";
import { markdownCode } from "./markdown_code.ts";
import { md, safeMarkdown } from "./md.ts";
import { neutralizeMarkdown } from "./neutralize_markdown.ts";
import { markdownLeaks, MARKUP_PAYLOADS } from "../testing/injection_payloads.ts";

Deno.test("escapeMarkdown() leaves no payload live, in text or in a table cell", () => {
  for (const p of MARKUP_PAYLOADS) {
    const text = `Run ${escapeMarkdown(p)} done`;
    assert.deepEqual(markdownLeaks(text), [], p);
    assert.equal(text.split("\n").length, 1, `one line: ${JSON.stringify(text)}`);
    const row = `| ${escapeMarkdown(p)} | 1 |`;
    assert.equal(row.split(/(?<!\\)\|/).length, 4, `one cell: ${row}`);
  }
});

Deno.test("escapeMarkdown() keeps ordinary text, intervals and Cyrillic as they read", () => {
  for (const s of ["0.824 [0.819, 0.829]", "Салық кодексі, 65-бап", "p < 0.05 *и* _так_"]) {
    assert.equal(escapeMarkdown(s).replace(/&lt;/g, "<"), s);
  }
  // A backslash of the data cannot undo an escape of ours.
  assert.equal(escapeMarkdown("a\\|b"), "a\\\\\\|b");
});

Deno.test("markdownCode() keeps a file name with backticks inside one code span", () => {
  for (const name of ["a`b.json", "``x``", "`", "=cmd|' calc'!A0 `x`.json"]) {
    const span = markdownCode(name);
    const fence = /^`+/.exec(span)![0];
    assert.ok(span.endsWith(fence));
    const inner = span.slice(fence.length, span.length - fence.length);
    const longest = Math.max(0, ...Array.from(name.matchAll(/`+/g), (m) => m[0].length));
    assert.equal(fence.length, longest + 1, span);
    assert.ok(inner === name || inner === ` ${name} `, span);
    assert.deepEqual(markdownLeaks(`- ${span} sha`), [], span);
  }
});

Deno.test("md escapes interpolated values but keeps nested safe Markdown", () => {
  const run = "![t](http://host/t.png)";
  const text = md`**${run}** in ${safeMarkdown(markdownCode("a`b"))}`;
  assert.equal(String(text), "**![t\\](http://host/t.png)** in ``a`b``");
  assert.deepEqual(markdownLeaks(String(text)), []);
});

Deno.test("neutralizeMarkdown() removes raw HTML and remote links or images, keeping local links and code", () => {
  for (const p of MARKUP_PAYLOADS) {
    assert.deepEqual(
      markdownLeaks(neutralizeMarkdown(`x ${p} y`)).filter((l) => !l.startsWith("unmatched")),
      [],
      p,
    );
  }
  const local = "See [CSV](tables/a.csv) and `<b>` and p < 0.05.";
  assert.equal(neutralizeMarkdown(local), local);
  assert.equal(neutralizeMarkdown("[x]: http://host/t.png"), "[x\\]: http://host/t.png");
  assert.equal(neutralizeMarkdown("[x](javascript:alert(1))"), "[x\\](javascript:alert(1))");
  assert.equal(neutralizeMarkdown("<http://host>"), "&lt;http://host>");
});
