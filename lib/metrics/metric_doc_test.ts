import assert from "node:assert/strict";
import { join } from "node:path";
import { REPO_ROOT } from "../io/paths.ts";
import { assertSnapshot } from "../testing/assert_snapshot.ts";
import { METRICS } from "./registry.ts";
import { METRIC_DOC_PATH, metricDoc, withMetricDoc } from "./metric_doc.ts";

Deno.test("docs/metrics.md holds the tables metricDoc() generates from METRICS", async () => {
  const path = join(REPO_ROOT, METRIC_DOC_PATH);
  await assertSnapshot(withMetricDoc(await Deno.readTextFile(path)), path);
});

Deno.test("metricDoc() has one row per registered metric, in registry order, and its signature", () => {
  const doc = metricDoc();
  const rows = [...doc.matchAll(/^\| `([A-Za-z0-9_]+)` +\| (?!`)/gm)].map((m) => m[1]);
  const signed = [...doc.matchAll(/^\| `([A-Za-z0-9_]+)` +\| `/gm)].map((m) => m[1]);
  const bySuite = (names: string[]) =>
    ["legacy", "v2", "model", "system"].flatMap((s) => names.filter((n) => METRICS[n].suite === s));
  assert.deepEqual(rows, bySuite(Object.keys(METRICS)));
  assert.deepEqual(signed, rows);
  for (const info of Object.values(METRICS)) {
    assert.ok(
      doc.includes(info.definition.replaceAll("|", "\\|")),
      `the definition of ${info.name} is missing`,
    );
  }
});

Deno.test("withMetricDoc() refuses a page whose markers are missing or repeated", () => {
  const s = "<!-- metrics:start -->", e = "<!-- metrics:end -->";
  for (const page of ["text", `${e}\n${s}`, `${s}\n${s}\n${e}`, `${s}\n${e}\n${e}`]) {
    assert.throws(() => withMetricDoc(page), SyntaxError);
  }
});
