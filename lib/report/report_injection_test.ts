import assert from "node:assert/strict";
import { join } from "node:path";
import { parseCsvRows } from "../io/csv.ts";
import { REPO_ROOT } from "../io/paths.ts";
import { resolveParams } from "./params.ts";
import { runReport } from "./run_report.ts";
import { listFiles } from "./report_manifest.ts";
import { formulaCells, markdownLeaks, writeHostileResults } from "../testing/injection_payloads.ts";

Deno.test("a full report on results whose answers, labels and file names carry injection payloads neutralises every output", async () => {
  const dir = await Deno.makeTempDir();
  const results = join(dir, "results");
  await writeHostileResults(REPO_ROOT, results);
  const out = join(dir, "out");
  await runReport(
    resolveParams({ results, out, humanEval: [], published: null, resamples: 200 }),
    { log: () => {} },
  );
  const files = await listFiles(out);
  const problems: string[] = [];
  for (const f of files) {
    const path = join(out, f);
    if (f.endsWith(".csv")) {
      const bad = formulaCells(parseCsvRows(await Deno.readTextFile(path)));
      if (bad.length) {
        problems.push(`${f}: ${bad.length} formula cells, e.g. ${JSON.stringify(bad[0])}`);
      }
    } else if (f.endsWith(".md")) {
      const text = await Deno.readTextFile(path);
      for (const leak of markdownLeaks(text)) problems.push(`${f}: ${leak}`);
      // The file name's backticks never open a code span of their own outside the sources lists.
      if (/(?<!\\)`x(?<!\\)`/.test(text.replace(/``[^\n]*?``/g, ""))) {
        problems.push(`${f}: a file name's backticks made a code span`);
      }
    } else if (f.endsWith(".tex")) {
      const text = await Deno.readTextFile(path);
      // No \write18 at all; an \input only of a file the report wrote itself (the paper's
      // main.tex inputs its numbers, captions and tables), never of a path from the data.
      const folder = f.includes("/") ? f.slice(0, f.lastIndexOf("/") + 1) : "";
      const foreign = [...text.matchAll(/\\input\{([^}]*)\}/g)].map((m) => m[1])
        .filter((target) => !files.includes(`${folder}${target}`));
      if (/\\write18\{/.test(text) || foreign.length) {
        problems.push(`${f}: LaTeX command from the data (${foreign.join(", ")})`);
      }
    } else if (f.endsWith(".svg")) {
      // Labels drawn in figures are SVG text, escaped: no element from the data.
      if (/<(img|script|foreignObject)\b/i.test(await Deno.readTextFile(path))) {
        problems.push(`${f}: an element from the data in the SVG`);
      }
    } else if (f.endsWith(".ipynb")) {
      // HTML shown in the executed notebooks (tables) is escaped too.
      const nb = JSON.parse(await Deno.readTextFile(path));
      for (const cell of nb.cells) {
        for (const output of cell.outputs ?? []) {
          const html = [output.data?.["text/html"] ?? []].flat().join("");
          if (/<img src=x|<script>|<\/table><script/.test(html)) {
            problems.push(`${f}: raw HTML from the data in a notebook output`);
          }
          const markdown = [output.data?.["text/markdown"] ?? []].flat().join("");
          for (const leak of markdownLeaks(markdown)) {
            problems.push(`${f} (Markdown output): ${leak}`);
          }
        }
      }
    }
  }
  assert.deepEqual(problems, []);
  // The payloads did reach the outputs (as text): the test is not vacuous.
  const report = await Deno.readTextFile(join(out, "report.md"));
  assert.match(report, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(report, /``[^`\n]*=cmd\|' calc'!A0 `x`\.json``/);
  const csvs = await Promise.all(
    files.filter((f) => f.endsWith(".csv")).map((f) => Deno.readTextFile(join(out, f))),
  );
  assert.ok(
    csvs.some((t) => t.includes("'=cmd|' calc'!A0 `x`")),
    "the file name's run id, neutralised",
  );
  await Deno.remove(dir, { recursive: true });
});
